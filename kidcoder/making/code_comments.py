"""The comments and on-screen words of a shipped game, in the child's language.

Templates and examples are written in English. Every comment (and one-line
docstring) they hold has a key "generate.code.*" or "games.code.*" whose English
text is exactly that comment, so a Spanish program is the same code with Spanish
comments. An example's words on the screen ("Score: ", "Game over!", its caption)
are string literals with a key "games.text.*" the same way. Comments and strings
without a key stay as they are; the code itself never changes.
"""
from __future__ import annotations

import io
import tokenize
from typing import Dict, List, Tuple

from kidcoder import i18n
from kidcoder.diagnosis import pyparse

COMMENT_PREFIXES = ("generate.code.", "games.code.")
TEXT_PREFIX = "games.text."

Token = Tuple[Tuple[int, int], Tuple[int, int], str, str]


def _keys_by_text(prefixes: Tuple[str, ...]) -> Dict[str, str]:
    return {text: key for key, text in i18n.catalog("en").items() if key.startswith(prefixes)}


def comment_texts(source: str) -> List[str]:
    """The text of every comment and one-line docstring of a program, in order."""
    return [text for _start, _end, _kind, text in _comments(source)]


def screen_texts(source: str) -> List[str]:
    """The value of every plain one-line string literal of a program, in order."""
    return [text for _start, _end, _quote, text in _strings(source)]


def _comments(source: str) -> List[Token]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found.append((token.start, token.end, "#", token.string[1:].strip()))
        elif (token.type == tokenize.STRING and token.string.startswith('"""') and token.start[0] == token.end[0]
              and token.line.strip() == token.string):
            found.append((token.start, token.end, '"""', token.string[3:-3]))
    return found


def _strings(source: str) -> List[Token]:
    """Plain "..." and '...' literals (no prefix, not triple-quoted) with their value."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        quote = token.string[:1]
        if (token.type == tokenize.STRING and quote in "\"'" and not token.string.startswith(quote * 3)
                and token.start[0] == token.end[0]):
            found.append((token.start, token.end, quote, pyparse.literal_eval(token.string)))
    return found


def _replace(source: str, changes: List[Tuple[Tuple[int, int], Tuple[int, int], str]]) -> str:
    """source with each (start, end, new text) span replaced; spans are on one line each."""
    lines = source.splitlines(keepends=True)
    for (row, col), (_end_row, end_col), new in sorted(changes, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + new + line[end_col:]
    return "".join(lines)


def translate_comments(source: str, lang: str) -> str:
    """The program with each known comment in lang (English, or a program that does not parse: unchanged)."""
    if lang == "en":
        return source
    keys = _keys_by_text(COMMENT_PREFIXES)
    try:
        comments = _comments(source)
    except (tokenize.TokenError, SyntaxError):
        return source
    changes = []
    for start, end, kind, text in comments:
        key = keys.get(text)
        if key is not None:
            said = " ".join(i18n.tr(key, lang).split())
            changes.append((start, end, f"# {said}" if kind == "#" else f'"""{said.replace(chr(34) * 3, "")}"""'))
    return _replace(source, changes)


def _literal(text: str, quote: str) -> str:
    """text as a Python string literal in the given quote, escaped where it must be."""
    body = text.replace("\\", "\\\\").replace(quote, "\\" + quote).replace("\n", "\\n")
    return quote + body + quote


def translate_texts(source: str, lang: str) -> str:
    """The program with each known on-screen string in lang (unchanged in English or when it does not parse)."""
    if lang == "en":
        return source
    keys = _keys_by_text((TEXT_PREFIX,))
    try:
        strings = _strings(source)
    except (tokenize.TokenError, SyntaxError, ValueError):
        return source
    changes = [(start, end, _literal(i18n.tr(keys[text], lang), quote))
               for start, end, quote, text in strings if isinstance(text, str) and text in keys]
    return _replace(source, changes)


def translate_game(source: str, lang: str) -> str:
    """An example in the child's language: its comments and the words it shows; the same code."""
    return translate_texts(translate_comments(source, lang), lang)
