"""Where the helper's "Put in my program" puts a code example, and how it is indented (pure, no pygame).

An empty program (or the untouched starter) becomes the example. Otherwise the
example goes in at the cursor, as whole lines: before the cursor's line, or after it
when the cursor is at the end of a line of code; it takes that line's indentation
(one level more after a line ending in ":"), so it fits the block the child is in.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from kidcoder.codeparts import code_part, indent_of

Pos = Tuple[int, int]


@dataclass(frozen=True)
class Placement:
    """Put `lines` before line `before` (0-based; len(program) means after the last line);
    whole: they replace the whole program."""
    before: int
    lines: Tuple[str, ...]
    whole: bool = False

    @property
    def first_line(self) -> int:
        """The 1-based number of the first line put in (what the child is told)."""
        return 1 if self.whole else self.before + 1

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.lines) - 1


def _is_blank(lines: Sequence[str], starter: Optional[str]) -> bool:
    text = "\n".join(lines).strip()
    return not text or (starter is not None and text == starter.strip())


def example_lines(code: str, indent: str = "") -> List[str]:
    """The example without its own left margin or blank ends, every code line indented by indent."""
    lines = textwrap.dedent(code.expandtabs(4)).strip("\n").split("\n")
    return [indent + line if line.strip() else "" for line in lines]


def _indent_near(program: Sequence[str], line: int, unit: str) -> str:
    """The indentation an empty line stands in: the next line of code's, or after a ":" one level more."""
    before = next((program[i] for i in range(line - 1, -1, -1) if program[i].strip()), "")
    after = next((program[i] for i in range(line + 1, len(program)) if program[i].strip()), None)
    if code_part(before).rstrip().endswith(":"):
        return indent_of(before) + unit
    return indent_of(after if after is not None else before)


def place_example(program: Sequence[str], cursor: Pos, code: str, starter: Optional[str] = None,
                  unit: str = "    ") -> Placement:
    """Where and how the example `code` goes into the program (a list of lines) with the cursor at cursor."""
    if _is_blank(program, starter):
        return Placement(0, tuple(example_lines(code)), whole=True)
    line, col = cursor
    line = max(0, min(line, len(program) - 1))
    text = program[line]
    code_here = code_part(text).rstrip()
    if not text.strip():
        return Placement(line, tuple(example_lines(code, text or _indent_near(program, line, unit))))
    if col >= len(code_here) and code_here:
        indent = indent_of(text) + (unit if code_here.endswith(":") else "")
        return Placement(line + 1, tuple(example_lines(code, indent)))
    return Placement(line, tuple(example_lines(code, indent_of(text))))
