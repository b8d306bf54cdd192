"""Syntax family: brackets, strings and commas — unclosed or mismatched brackets, unclosed strings,
a missing comma in a list or call.

Python often notices an unclosed bracket lines later; we point at the bracket that
was opened, because that is where the child must look.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from kidcoder.codeparts import masked
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import syntax_rule

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.unclosed_bracket": "syntax-error", "diag.mismatched_bracket": "syntax-error",
         "diag.extra_bracket": "syntax-error", "diag.unclosed_string": "strings",
         "diag.unclosed_triple_string": "strings", "diag.missing_comma": "lists",
         "diag.fstring_brace": "f-strings"}

PAIRS = {"(": ")", "[": "]", "{": "}"}


def open_brackets(lines: List[str], last_line: int) -> List[Tuple[str, int, int]]:
    """Brackets still open after line last_line: (char, line, 1-based column), outermost first."""
    stack: List[Tuple[str, int, int]] = []
    for number, text in enumerate(masked(lines[:last_line]), start=1):
        for index, char in enumerate(text):
            if char in PAIRS:
                stack.append((char, number, index + 1))
            elif char in ")]}" and stack and PAIRS[stack[-1][0]] == char:
                stack.pop()
    return stack


@syntax_rule(50)
def unclosed_bracket(program: Program, error: SyntaxError) -> Optional[Finding]:
    msg = error.msg
    if "was never closed" in msg:
        line = error.lineno or 1
        char = msg[1] if msg.startswith("'") else "("
        return Finding("syntax", line, error.offset, "diag.unclosed_bracket",
                       {"line": line, "bracket": char, "closer": PAIRS.get(char, ")")})
    spans_lines = error.end_lineno is not None and error.lineno is not None and error.end_lineno > error.lineno
    if ("forgot a comma" in msg and spans_lines) or msg.startswith("unexpected EOF"):
        still_open = open_brackets(program.lines, error.lineno or 1)
        if still_open:
            char, line, column = still_open[-1]
            return Finding("syntax", line, column, "diag.unclosed_bracket",
                           {"line": line, "bracket": char, "closer": PAIRS[char]})
    return None


@syntax_rule(51)
def mismatched_bracket(program: Program, error: SyntaxError) -> Optional[Finding]:
    msg = error.msg
    if msg.startswith("closing parenthesis") and "does not match" in msg:
        # closing parenthesis ']' does not match opening parenthesis '(' [on line 3]
        parts = msg.split("'")
        closer, opener = parts[1], parts[3]
        line = error.lineno or 1
        return Finding("syntax", line, error.offset, "diag.mismatched_bracket",
                       {"line": line, "wrong": closer, "bracket": opener, "closer": PAIRS.get(opener, ")")})
    if msg.startswith("unmatched '"):
        line = error.lineno or 1
        return Finding("syntax", line, error.offset, "diag.extra_bracket", {"line": line, "bracket": msg[11]})
    return None


@syntax_rule(52)
def unclosed_string(program: Program, error: SyntaxError) -> Optional[Finding]:
    if not error.msg.startswith(("unterminated string literal", "unterminated triple-quoted string literal",
                                 "EOL while scanning", "EOF while scanning")):
        return None
    line = error.lineno or 1
    text = program.line(line)
    column = error.offset or 1
    quote = text[column - 1] if 0 < column <= len(text) and text[column - 1] in "\"'" else '"'
    key = "diag.unclosed_triple_string" if "triple" in error.msg else "diag.unclosed_string"
    return Finding("syntax", line, column, key, {"line": line, "quote": quote})


@syntax_rule(55)
def missing_comma(program: Program, error: SyntaxError) -> Optional[Finding]:
    if "forgot a comma" not in error.msg:
        return None
    line = error.lineno or 1
    return Finding("syntax", line, error.offset, "diag.missing_comma",
                   {"line": line, "start": error.offset or 1, "end": error.end_offset or 0})


@syntax_rule(53)
def fstring_brace(program: Program, error: SyntaxError) -> Optional[Finding]:
    if not error.msg.startswith("f-string: expecting '}'"):
        return None
    line = error.lineno or 1
    return Finding("syntax", line, error.offset, "diag.fstring_brace", {"line": line})
