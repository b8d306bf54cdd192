"""Syntax family, last resort: any compile error no heuristic recognised, shown at Python's line.

It always answers, so a broken program never gets "no problem found".
"""
from __future__ import annotations

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import syntax_rule

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.syntax_generic": "syntax-error"}


def _last_code_line(program: Program) -> int:
    for number in range(len(program.lines), 0, -1):
        if program.line(number).strip():
            return number
    return 1


@syntax_rule(999)
def generic(program: Program, error: SyntaxError) -> Finding:
    line = error.lineno or _last_code_line(program)
    if line > len(program.lines):
        line = _last_code_line(program)
    return Finding("syntax", line, error.offset, "diag.syntax_generic", {"line": line})
