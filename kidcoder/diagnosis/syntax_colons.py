"""Syntax family: block headers — a missing colon, and `=` where a condition needs `==`.

Python 3.11 already names both well; our job is to point at the header line and say
which keyword wants the colon, so the child knows the rule, not just the place.
"""
from __future__ import annotations

from typing import Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.codeparts import code_part
from kidcoder.diagnosis.lines import first_word
from kidcoder.diagnosis.registry import syntax_rule

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.missing_colon": "colons", "diag.assign_in_condition": "comparisons"}

BLOCK_WORDS = ("if", "elif", "else", "for", "while", "def", "class", "try", "except", "finally", "with")


def missing_colon_line(program: Program, near: int) -> Optional[int]:
    """The block header at or just above line `near` that has no colon at its end."""
    for number in (near, near - 1):
        text = code_part(program.line(number))
        if first_word(text) in BLOCK_WORDS and not text.endswith(":"):
            return number
    return None


@syntax_rule(40)
def assign_in_condition(program: Program, error: SyntaxError) -> Optional[Finding]:
    if "Maybe you meant '=='" not in error.msg:
        return None
    line = error.lineno or 1
    word = first_word(program.line(line))
    return Finding("syntax", line, error.offset, "diag.assign_in_condition",
                   {"line": line, "keyword": word if word in BLOCK_WORDS else "if"})


@syntax_rule(45)
def missing_colon(program: Program, error: SyntaxError) -> Optional[Finding]:
    if error.msg not in ("expected ':'", "invalid syntax"):
        return None
    line = missing_colon_line(program, error.lineno or 1)
    if line is None:
        return None
    text = code_part(program.line(line))
    return Finding("syntax", line, len(text) + 1, "diag.missing_colon",
                   {"line": line, "keyword": first_word(text)})
