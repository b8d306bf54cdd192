"""The parts of Python text: indentation, code, strings and # comments (as Python's own tokenizer sees them).

The editor, diagnosis and the templates' SETTINGS block all ask here, so they agree on
lines such as `x = "a\\"#b"  # real` (hand-written scanners disagreed about escapes).
Text that does not tokenize is read the way a person would: a string left open runs to
the end of its line (a triple-quoted one to the end of the text), an open bracket changes
nothing, and indentation never matters. Pure: it imports nothing from kidcoder.
"""
from __future__ import annotations

import io
import tokenize
from typing import List, Optional, Sequence, Tuple

Place = Tuple[int, int]                  # 0-based line, column
Region = Tuple[str, Place, Place]        # "string" or "comment", start, end (end column exclusive)

_PREFIX = "rbfu"                         # letters that may stand before a string's quote
_FSTRING_START = getattr(tokenize, "FSTRING_START", None)   # Python 3.12 splits f-strings into parts
_FSTRING_END = getattr(tokenize, "FSTRING_END", None)


def regions(lines: Sequence[str]) -> List[Region]:
    """Every string and comment of these lines (no newlines inside them), in order."""
    found: List[Region] = []
    row = 0
    while row < len(lines):
        row = _scan(lines, row, found)
    return found


def _scan(lines: Sequence[str], first: int, found: List[Region]) -> int:
    """Tokenize from line `first`; returns the line to go on from (len(lines) when done).

    Leading blanks are left out so that indentation errors cannot stop the tokenizer;
    they never hold a string start or a comment, so columns are shifted back afterwards."""
    indents = [len(line) - len(line.lstrip()) for line in lines[first:]]
    text = "".join(line.lstrip() + "\n" for line in lines[first:])

    def place(position) -> Place:
        index = min(max(position[0], 1), len(indents)) - 1      # an error may point just past the end
        return first + index, min(position[1] + indents[index], len(lines[first + index]))

    fstring_depth, fstring_start, previous = 0, (0, 0), None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            kind = token.type
            if kind == _FSTRING_START:
                if fstring_depth == 0:
                    fstring_start = place(token.start)
                fstring_depth += 1
            elif kind == _FSTRING_END:
                fstring_depth -= 1
                if fstring_depth == 0:
                    found.append(("string", fstring_start, place(token.end)))
            elif fstring_depth:
                continue
            elif kind == tokenize.STRING:
                found.append(("string", place(token.start), place(token.end)))
            elif kind == tokenize.COMMENT:
                found.append(("comment", place(token.start), place(token.end)))
            elif kind == tokenize.ERRORTOKEN and token.string.strip()[:1] in ("'", '"'):
                start = token.start[0], token.end[1] - 1
                if previous is not None and previous.type == tokenize.NAME and previous.end == start \
                        and set(previous.string.lower()) <= set(_PREFIX):
                    start = previous.start        # f"... or rb'...: the prefix belongs to the string
                return _open_to_line_end(lines, place(start), found)
            previous = token
    except (tokenize.TokenError, SyntaxError) as error:
        message = str(error.args[0]) if error.args else ""
        position = error.args[1] if len(error.args) > 1 and isinstance(error.args[1], tuple) else None
        if position is None or "string" not in message:
            return len(lines)                            # an open bracket: nothing more to mark
        start = place(position[:2])
        if "multi-line" in message or "triple" in message:
            last = len(lines) - 1
            found.append(("string", start, (last, len(lines[last]))))
            return len(lines)
        return _open_to_line_end(lines, start, found)
    return len(lines)


def _open_to_line_end(lines: Sequence[str], start: Place, found: List[Region]) -> int:
    """A string that is never closed: it holds the rest of its line; go on with the next line."""
    row = start[0]
    found.append(("string", start, (row, len(lines[row]))))
    return row + 1


def indent_of(line: str) -> str:
    """The blanks (spaces and tabs) a line starts with."""
    return line[: len(line) - len(line.lstrip(" \t"))]


def masked(lines: Sequence[str]) -> List[str]:
    """Each line with its strings and comments blanked out (same length), so brackets in them do not count."""
    out = [list(line) for line in lines]
    for _kind, (row, col), (end_row, end_col) in regions(lines):
        for number in range(row, end_row + 1):
            chars = out[number]
            stop = end_col if number == end_row else len(chars)
            chars[col if number == row else 0: stop] = " " * (stop - (col if number == row else 0))
    return ["".join(chars) for chars in out]


def comment_start(line: str) -> Optional[int]:
    """The column where the line's # comment starts, or None when it has none (a # in a string is not one)."""
    for kind, start, _end in regions([line]):
        if kind == "comment":
            return start[1]
    return None


def split_comment(line: str) -> Tuple[str, str]:
    """(the code without trailing blanks, the rest: blanks and the comment); together they are the line."""
    start = comment_start(line)
    code = (line if start is None else line[:start]).rstrip()
    return code, line[len(code):]


def code_part(line: str) -> str:
    """The line without its # comment and without trailing blanks."""
    return split_comment(line)[0]
