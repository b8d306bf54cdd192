"""Indentation wrong over many lines: a piece pasted at the wrong depth, so every line of it is too far
in (`IndentationError: unexpected indent`) or sits at a depth no block above has (`unindent does not
match`). Mending one line at a time would take as many rounds as the piece has lines; here the
whole run of lines moves left together, keeping its own inner structure, to a depth the lines above
allow. Nothing is dropped and no line changes its place; Python's compiler (fixes_repair.progress)
decides which depth reads on.
"""
from __future__ import annotations

from typing import List, Optional

from kidcoder.codeparts import indent_of, split_comment
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import Fix

MAX_LEVELS = 3


def _code(program: Program, number: int) -> bool:
    return bool(split_comment(program.line(number))[0].strip())


def _previous_code(program: Program, number: int) -> int:
    above = number - 1
    while above >= 1 and not _code(program, above):
        above -= 1
    return above


def _run_end(program: Program, number: int, width: int) -> int:
    """The last line of the run that starts at `number`: every following code line at least `width`
    in (comments and blank lines between them go with the run; ones after its last code line do not)."""
    end = number
    for other in range(number + 1, len(program.lines) + 1):
        if not _code(program, other):
            continue
        if len(indent_of(program.line(other))) < width:
            break
        end = other
    return end


def _shifted(program: Program, start: int, end: int, cut: int) -> Optional[str]:
    """Lines start..end, each `cut` spaces further left (a comment or blank line with less room keeps
    what it has); None when a code line's indent holds a tab or too few spaces."""
    lines = []
    for number in range(start, end + 1):
        text = program.line(number)
        indent = indent_of(text)
        if "\t" in indent and _code(program, number):
            return None
        if indent[:cut] == " " * cut:
            lines.append(text[cut:])
        elif _code(program, number):
            return None
        else:
            lines.append(text.lstrip(" ") if not text.strip() or "\t" not in indent else text)
    return "\n".join(lines)


def _levels(program: Program, number: int, width: int) -> List[int]:
    """Depths left of `width` that the code above allows here: the line above's (and one step in when
    it opens a block), then the depths of the blocks it sits in, nearest first."""
    levels: List[int] = []
    above = _previous_code(program, number)
    if above >= 1:
        code = split_comment(program.line(above))[0].rstrip()
        depth = len(indent_of(program.line(above)))
        levels += [depth + 4, depth] if code.endswith(":") else [depth]
    for other in range(above - 1, 0, -1):
        if _code(program, other):
            depth = len(indent_of(program.line(other)))
            if depth not in levels:
                levels.append(depth)
    return [level for level in levels if level < width][:MAX_LEVELS]


def run_shifts(program: Program, number: int) -> List[Fix]:
    """The run of lines from `number` on (it and every following line at least as far in), moved left
    to each depth the lines above allow; [] when the run is only the one line (single-line mends
    cover that) or its indent holds tabs."""
    if not 1 <= number <= len(program.lines) or not _code(program, number):
        return []
    width = len(indent_of(program.line(number)))
    end = _run_end(program, number, width)
    if end == number:
        return []
    fixes = []
    for level in _levels(program, number, width):
        text = _shifted(program, number, end, width - level)
        if text is not None:
            fixes.append(Fix(number, end, text))
    return fixes
