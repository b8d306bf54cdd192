"""Small helpers for reading one line of a child's program: indent, first word, tokens, words.

Syntax heuristics work on text (the program does not parse), so they share these.
"""
from __future__ import annotations

import io
import keyword
import re
import tokenize
from typing import List, Optional, Tuple

WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def first_word(line: str) -> str:
    match = WORD_RE.match(line.lstrip(" \t"))
    return match.group(0) if match else ""


def replace_word(line: str, old: str, new: str, count: int = 1) -> Optional[str]:
    """Replace a whole word outside strings and comments; None when it is not there."""
    tokens = line_tokens(line)
    if tokens is None:
        pattern = re.compile(r"(?<![A-Za-z0-9_.])" + re.escape(old) + r"(?![A-Za-z0-9_])")
        result, made = pattern.subn(new, line, count=count)
        return result if made else None
    pieces, last, made = [], 0, 0
    previous = ""
    for kind, text, start in tokens:
        after_dot, previous = previous == ".", text
        if kind == tokenize.NAME and text == old and made < count and not after_dot:
            pieces.append(line[last:start])
            pieces.append(new)
            last = start + len(text)
            made += 1
    if not made:
        return None
    pieces.append(line[last:])
    return "".join(pieces)


def line_tokens(line: str) -> Optional[List[Tuple[int, str, int]]]:
    """(type, text, column) of each token of one line, or None when it does not tokenize alone."""
    result = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(line.strip("\n") + "\n").readline):
            if token.type in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.INDENT,
                              tokenize.DEDENT, tokenize.COMMENT):
                continue
            result.append((token.type, token.string, token.start[1]))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return result


def is_keyword(word: str) -> bool:
    return keyword.iskeyword(word)
