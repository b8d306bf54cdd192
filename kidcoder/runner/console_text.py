"""The console as a child reads it: Python's tracebacks made short and kind, the rest unchanged.

A traceback printed by a game names every file with its full path (KidCoder's temp
folders, the projects folder, pygame's own files) and may hold frames that are not
the child's. short_console() keeps what the child can act on: the file's name, the
line, that line's code and Python's message, e.g.

    Your program stopped at line 5 of catch.py:
        pygame.draw.circle(screen, colour, (50, 50))
    TypeError: function missing required argument 'radius' (pos 4)

Pure: text in, text out (the window keeps the full text too).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from kidcoder.i18n import tr

HEADER = "Traceback (most recent call last):"
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)(?:, in (?P<where>.+))?\s*$')
_EXCEPTION = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::\s?(?P<message>.*))?$")
_KIDCODER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass
class Frame:
    file: str
    line: int
    code: List[str] = field(default_factory=list)     # the line's code, and a ^ marker under it if any


@dataclass
class Problem:
    frames: List[Frame]
    kind: str
    message: str


def short_console(pieces: Sequence[str], program: Optional[str] = None, shown_name: Optional[str] = None,
                  lang: Optional[str] = None) -> Tuple[List[str], bool]:
    """(lines to show, whether a traceback was made shorter) for the console's pieces of text.

    program: the file that ran (its folder holds the child's own files); shown_name: the name to
    show for it (a program without a name yet runs from a hidden copy).
    """
    lines = "".join(pieces).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out: List[str] = []
    shortened = False
    index = 0
    while index < len(lines):
        problem, end = _read_problem(lines, index)
        if problem is None:
            out.append(lines[index])
            index += 1
            continue
        after = _skip_blank(lines, end)
        if after < len(lines) and lines[after].startswith(CHAINED):
            index = _skip_blank(lines, after + 1)       # a chained error: only the last one is shown
            continue
        out.extend(_short(problem, program, shown_name, lang))
        shortened = True
        index = end
    return out, shortened


def _skip_blank(lines: List[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _read_problem(lines: List[str], start: int) -> Tuple[Optional[Problem], int]:
    """A traceback (or a bare SyntaxError report) starting at lines[start], and the index after it."""
    index = start
    frames: List[Frame] = []
    if lines[index].strip() == HEADER:
        index += 1
    elif not _FRAME.match(lines[index]):
        return None, start
    while index < len(lines):
        text = lines[index]
        match = _FRAME.match(text)
        if match:
            frames.append(Frame(match.group("file"), int(match.group("line"))))
        elif text.strip() == HEADER or text.startswith(CHAINED) or not text.strip():
            frames = [] if text.strip() == HEADER else frames     # a chained traceback: the last one counts
        elif text.startswith((" ", "\t")):
            if frames:
                frames[-1].code.append(text)
        else:
            found = _EXCEPTION.match(text.rstrip())
            if found is None:
                return None, start
            return Problem(frames, found.group("type"), (found.group("message") or "").strip()), index + 1
        index += 1
    return None, start


def _is_childs(frame: Frame, folder: Optional[str]) -> bool:
    path = os.path.abspath(frame.file)
    if path.startswith(_KIDCODER + os.sep) or frame.file.startswith("<"):
        return False
    if folder is None:
        return "site-packages" not in path and "dist-packages" not in path
    return os.path.dirname(path) == folder


def _short(problem: Problem, program: Optional[str], shown_name: Optional[str], lang: Optional[str]) -> List[str]:
    folder = os.path.dirname(os.path.abspath(program)) if program else None
    own = [frame for frame in problem.frames if _is_childs(frame, folder)]
    frames = own or problem.frames[-1:]
    message = f"{problem.kind}: {problem.message}" if problem.message else problem.kind
    if not frames:
        return [message]
    where = frames[-1]
    name = os.path.basename(where.file)
    if shown_name and program and os.path.abspath(where.file) == os.path.abspath(program):
        name = shown_name
    syntax = problem.kind.rsplit(".", 1)[-1] in ("SyntaxError", "IndentationError", "TabError")
    if syntax:
        out = [tr("files.console.cannot_read", lang, line=where.line, name=name)]
    elif len(frames) > 1:
        out = [tr("files.console.stopped_called", lang, line=where.line, name=name, called=frames[-2].line)]
    else:
        out = [tr("files.console.stopped", lang, line=where.line, name=name)]
    code = [text.rstrip() for text in where.code if text.strip()]
    if not syntax:          # the ^^^ under a runtime error's code says little to a child, and may not fit
        code = [text for text in code if not set(text.strip()) <= set("^~")]
    out.extend(code)
    out.append(message)
    return out
