"""Syntax family: words and characters — print without brackets, misspelled keywords, smart quotes.

Children copy code from web pages (curly quotes, no-break spaces) and type keywords
from memory (whiel, esle, retrun); Python only says "invalid syntax" for most of these.
"""
from __future__ import annotations

import difflib
import re
from typing import Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.codeparts import code_part
from kidcoder.diagnosis.lines import WORD_RE, first_word
from kidcoder.diagnosis.registry import syntax_rule

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.print_py2": "print", "diag.misspelled_keyword": "syntax-error",
         "diag.odd_character": "syntax-error", "diag.else_if": "elif",
         "diag.wrong_comparison": "comparisons", "diag.def_brackets": "functions"}

# Copy-paste characters and the plain character Python wants instead.
ODD_CHARACTERS = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u00b4": "'", "\u0060": "'",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "", "\ufeff": "",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00d7": "*", "\u00f7": "/",
    "\uff08": "(", "\uff09": ")", "\uff1a": ":", "\uff0c": ",", "\u2026": "...",
}

# Keywords (and True/False/None) a child may misspell at the start of a statement.
STATEMENT_WORDS = ("if", "elif", "else", "while", "for", "def", "return", "import", "from", "class",
                   "break", "continue", "pass", "try", "except", "finally", "with", "global", "print")
INNER_WORDS = ("in", "and", "or", "not", "is", "True", "False", "None", "import")


def _find_odd(program: Program, error: SyntaxError):
    """(line, column, char) of the first copy-paste character, starting at the error line."""
    order = [error.lineno or 1] + list(range(1, len(program.lines) + 1))
    for number in order:
        text = program.line(number)
        for index, char in enumerate(text):
            if char in ODD_CHARACTERS:
                return number, index + 1, char
    return None


@syntax_rule(10)
def odd_character(program: Program, error: SyntaxError) -> Optional[Finding]:
    if "invalid character" not in error.msg and "non-printable character" not in error.msg \
            and "invalid decimal literal" not in error.msg:
        return None
    found = _find_odd(program, error)
    if found is None:
        if "invalid decimal literal" in error.msg:
            return None
        line = error.lineno or 1
        return Finding("syntax", line, error.offset, "diag.odd_character", {"line": line, "char": "?"})
    line, column, char = found
    shown = char if char.strip() else "\u2420"
    return Finding("syntax", line, column, "diag.odd_character",
                   {"line": line, "char": shown, "code": f"U+{ord(char):04X}", "plain": ODD_CHARACTERS[char]})


@syntax_rule(20)
def print_without_brackets(program: Program, error: SyntaxError) -> Optional[Finding]:
    if "Missing parentheses in call to 'print'" not in error.msg:
        return None
    line = error.lineno or 1
    return Finding("syntax", line, error.offset, "diag.print_py2", {"line": line})


def _close_keyword(word: str, choices) -> Optional[str]:
    if not word or word in choices:
        return None
    for choice in choices:
        if word.lower() == choice.lower():
            return choice
    for choice in choices:
        if len(word) >= 3 and sorted(word) == sorted(choice):
            return choice  # the same letters in another order: whiel, esle, retrun, fro
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.8)
    return matches[0] if matches else None


@syntax_rule(30)
def misspelled_keyword(program: Program, error: SyntaxError) -> Optional[Finding]:
    if not (error.msg.startswith("invalid syntax") or error.msg == "expected ':'"):
        return None
    number = error.lineno or 1
    text = code_part(program.line(number))
    word = first_word(text)
    rest = text.lstrip()[len(word):]
    if word and not rest.lstrip().startswith(("=", ".", "(", "[", "+=", "-=")):
        suggestion = _close_keyword(word, STATEMENT_WORDS)
        if suggestion and suggestion != "print":
            column = len(text) - len(text.lstrip()) + 1
            return Finding("syntax", number, column, "diag.misspelled_keyword",
                           {"line": number, "word": word, "keyword": suggestion})
    # a misspelled word inside the line, next to where Python got confused
    for match in WORD_RE.finditer(text):
        if match.start() == len(text) - len(text.lstrip()):
            continue
        if error.offset and abs(match.start() + 1 - error.offset) > len(match.group(0)) + 1:
            continue
        suggestion = _close_keyword(match.group(0), INNER_WORDS)
        if suggestion and match.group(0).lower() not in ("is", "on", "at", "it", "if", "to"):
            return Finding("syntax", number, match.start() + 1, "diag.misspelled_keyword",
                           {"line": number, "word": match.group(0), "keyword": suggestion})
    return None



_WRONG_COMPARE = {"=>": ">=", "=<": "<=", "=!": "!=", "><": "!=", "<>": "!="}


@syntax_rule(25)
def other_language_habits(program: Program, error: SyntaxError) -> Optional[Finding]:
    """`else if` (elif in Python), `=>` for >=, and `def name:` with no brackets."""
    if not error.msg.startswith(("invalid syntax", "expected ':'", "expected '('")):
        return None
    number = error.lineno or 1
    code = code_part(program.line(number))
    if re.match(r"^\s*else\s+if\b", code):
        return Finding("syntax", number, len(code) - len(code.lstrip()) + 1, "diag.else_if", {"line": number})
    for wrong, right in _WRONG_COMPARE.items():
        index = code.find(wrong)
        if index >= 0 and first_word(code) in ("if", "elif", "while") and f"{wrong}=" not in code:
            return Finding("syntax", number, index + 1, "diag.wrong_comparison",
                           {"line": number, "wrong": wrong, "right": right})
    if error.msg == "expected '('" and first_word(code) == "def":
        return Finding("syntax", number, error.offset, "diag.def_brackets", {"line": number})
    return None
