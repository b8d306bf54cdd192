"""Syntax family: lines that are not Python at all, and lines left unfinished.

A terminal command pasted into the program (`pip install pygame`, `python3 -m ...`, `pyinstaller`),
git's merge markers (<<<<<<<, =======, >>>>>>>), and a line that stops in the middle (`x =`,
`if self.`). Python only says "invalid syntax"; the child needs to hear what the line is.
"""
from __future__ import annotations

import re
from typing import List, Optional

from kidcoder.codeparts import code_part
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.registry import syntax_rule

CARDS = {"diag.pasted_command": "modules-import"}

COMMAND = re.compile(r"^\s*(?:\$\s*|>\s*|C:\\[^>]*>\s*)?(pip3?|python3?|pyinstaller|sudo|apt|apt-get|conda|cd|ls|dir)"
                     r"(?:\s+-m)?\s+[-\w.]+")
# A command glued to the end of a line of code: `...set_mode((w, h))pyinstaller --onefile game.py`.
GLUED_COMMAND = re.compile(r"[)\]\w'\"]\s*(pip3? install|python3? -m|pyinstaller)\b")
MERGE = re.compile(r"^(<{7}|={7}|>{7})( |$)")
# The last word of a line that cannot end there (something must follow it).
UNFINISHED_ENDS = ("=", ".", "+", "-", "*", "/", ",", "and", "or", "not", "in")


def _near(error: SyntaxError) -> List[int]:
    line = error.lineno or 1
    return [line, line - 1] if line > 1 else [line]


@syntax_rule(5)
def pasted_command(program: Program, error: SyntaxError) -> Optional[Finding]:
    marks = [n for n in range(1, len(program.lines) + 1) if MERGE.match(program.line(n))]
    if marks:       # the mark nearest to where Python stopped
        number = min(marks, key=lambda n: (abs(n - (error.lineno or 1)), n))
        return Finding("syntax", number, 1, "diag.merge_markers", {"line": number})
    for number in _near(error):
        text = program.line(number)
        match = COMMAND.match(text)
        if match and not re.match(r"^\s*(import|from)\b", text) and "(" not in text.split()[0]:
            return Finding("syntax", number, 1, "diag.pasted_command",
                           {"line": number, "command": match.group(1), "column": 0})
        glued = GLUED_COMMAND.search(text)
        if glued:
            return Finding("syntax", number, glued.start(1) + 1, "diag.pasted_command",
                           {"line": number, "command": glued.group(1), "column": glued.start(1)})
    return None


@syntax_rule(35)
def unfinished_line(program: Program, error: SyntaxError) -> Optional[Finding]:
    if error.msg not in ("invalid syntax", "expected ':'"):
        return None
    for number in _near(error):
        text = code_part(program.line(number)).rstrip()
        if not text:
            continue
        words = re.findall(r"\w+|==|!=|<=|>=|\*\*|\S", text)
        end = words[-1] if words else ""
        if end in UNFINISHED_ENDS and not text.endswith(("==", "!=", "<=", ">=", "**")) and \
                not re.search(r"\\$", text):
            return Finding("syntax", number, len(text), "diag.unfinished_line", {"line": number, "end": end})
        return None
    return None


@builds("diag.pasted_command")
def _comment_out(program: Program, finding: Finding) -> List[Fix]:
    text = program.line(finding.line)
    column = int(finding.values.get("column", 0))
    if column:      # keep the code before the command; the command becomes a comment
        return [Fix(finding.line, finding.line, text[:column].rstrip() + "  # " + text[column:].strip())]
    return [Fix(finding.line, finding.line, "# " + text.lstrip())]


def resolve_conflicts(lines: List[str], keep_first: bool) -> Optional[List[str]]:
    """The lines with every <<<<<<< / ======= / >>>>>>> block replaced by one of its two sides."""
    result, side = [], None
    for line in lines:
        if line.startswith("<<<<<<<"):
            side = "first"
        elif line.startswith("=======") and side == "first":
            side = "second"
        elif line.startswith(">>>>>>>") and side == "second":
            side = None
        elif side is None or (side == "first") == keep_first:
            result.append(line)
    return result if side is None else None


@builds("diag.merge_markers")
def _one_side(program: Program, finding: Finding) -> List[Fix]:
    """Keep one side of each merge block (the other version first: it is often the newer one)."""
    marks = [n for n, line in enumerate(program.lines, 1) if line.startswith(("<<<<<<<", "=======", ">>>>>>>"))]
    if not marks:
        return []
    first, last = marks[0], marks[-1]
    fixes = []
    for keep_first in (False, True):
        kept = resolve_conflicts(program.lines[first - 1:last], keep_first)
        if kept is not None:
            fixes.append(Fix(first, last, "\n".join(kept) if kept else ""))
    return fixes
