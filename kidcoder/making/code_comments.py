"""The comments inside a template game, in the child's language.

Templates are written in English. Every comment (and one-line docstring) they
hold has a key "generate.code.*" whose English text is exactly that comment,
so a Spanish program is the same code with Spanish comments. Comments without
a key stay as they are; the code itself never changes.
"""
from __future__ import annotations

import io
import tokenize
from typing import Dict, List, Tuple

from kidcoder import i18n

PREFIX = "generate.code."


def _keys_by_text() -> Dict[str, str]:
    return {text: key for key, text in i18n.catalog("en").items() if key.startswith(PREFIX)}


def comment_texts(source: str) -> List[str]:
    """The text of every comment and one-line docstring of a program, in order."""
    return [text for _start, _end, _kind, text in _comments(source)]


def _comments(source: str) -> List[Tuple[Tuple[int, int], Tuple[int, int], str, str]]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found.append((token.start, token.end, "#", token.string[1:].strip()))
        elif (token.type == tokenize.STRING and token.string.startswith('"""') and token.start[0] == token.end[0]
              and token.line.strip() == token.string):
            found.append((token.start, token.end, '"""', token.string[3:-3]))
    return found


def translate_comments(source: str, lang: str) -> str:
    """The program with each known comment in lang (English, or a program that does not parse: unchanged)."""
    if lang == "en":
        return source
    keys = _keys_by_text()
    try:
        comments = _comments(source)
    except (tokenize.TokenError, SyntaxError):
        return source
    lines = source.splitlines(keepends=True)
    for (row, col), (_end_row, end_col), kind, text in reversed(comments):
        key = keys.get(text)
        if key is None:
            continue
        said = " ".join(i18n.tr(key, lang).split())
        new = f"# {said}" if kind == "#" else f'"""{said.replace(chr(34) * 3, "")}"""'
        line = lines[row - 1]
        lines[row - 1] = line[:col] + new + line[end_col:]
    return "".join(lines)
