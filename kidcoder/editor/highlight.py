"""Syntax colouring spans from the standard tokenize module, kept up to date line by line.

Each line is tokenized on its own, starting from the state the line before
left behind: either plain code or "inside a string that is still open"
(triple quotes, or a backslash at the end of a quoted line). Brackets do
not change how a line is coloured, so only an open string carries over to
the next line. After an edit we re-colour the changed lines and then keep
going only while the state flowing into the next line differs from before.
Half-typed code never breaks the rest of the file: an unclosed quote colours
the rest of its own line as a string and nothing more.
"""
from __future__ import annotations

import builtins
import io
import keyword
import token
import tokenize
from typing import List, Optional, Tuple

from kidcoder.codeparts import regions

Span = Tuple[int, int, str]          # start column, end column, kind
State = Optional[Tuple[str, bool]]   # (closing quote, raw?) of a string still open at the line end

KINDS = ("keyword", "constant", "builtin", "self", "definition", "decorator", "string", "number",
         "comment", "operator")
_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_")) - {"True", "False", "None"}
_CONSTANTS = frozenset({"True", "False", "None"})
_STRING_TYPES = {token.STRING} | {getattr(token, n) for n in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
                                   if hasattr(token, n)}
_PREFIX_CHARS = "rRbBfFuU"
_UNSET = object()


def highlight_line(line: str, state: State = None) -> Tuple[List[Span], State]:
    """The coloured spans of one line and the string state it leaves for the next line."""
    spans: List[Span] = []
    offset = 0
    if state is not None:
        quote, raw = state
        close = _find_close(line, 0, quote)
        if close is None:
            still_open = len(quote) == 3 or line.endswith("\\")
            return ([(0, len(line), "string")] if line else []), (state if still_open else None)
        spans.append((0, close, "string"))
        offset = close
    code_spans, state_out = _tokenize_line(line, offset)
    return spans + code_spans, state_out


def highlight_text(text: str) -> List[List[Span]]:
    """Spans for every line of a whole program (the simple, non-incremental way)."""
    state: State = None
    result = []
    for line in text.split("\n"):
        spans, state = highlight_line(line, state)
        result.append(spans)
    return result


def _find_close(line: str, start: int, quote: str) -> Optional[int]:
    """The column just after the quote that closes a string, or None if it stays open."""
    i = start
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line.startswith(quote, i):
            return i + len(quote)
        i += 1
    return None


def _opener_at(line: str, col: int) -> Tuple[int, State]:
    """For a string starting at col: the column of its first quote and the state it opens."""
    i = col
    while i < len(line) and line[i] in _PREFIX_CHARS:
        i += 1
    if i >= len(line) or line[i] not in "\"'":
        return col, None
    q = line[i]
    quote = q * 3 if line.startswith(q * 3, i) else q
    raw = "r" in line[col:i].lower()
    return i + len(quote), (quote, raw)


def _tokenize_line(line: str, offset: int) -> Tuple[List[Span], State]:
    spans: List[Span] = []
    padded = " " * offset + line[offset:]
    tokens: List[tokenize.TokenInfo] = []
    failure: Optional[Exception] = None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(padded).readline):
            if tok.start[0] != 1:
                break
            tokens.append(tok)
    except (tokenize.TokenError, IndentationError, SyntaxError) as exc:
        failure = exc
    covered = offset
    after_def = decorator = False
    for i, tok in enumerate(tokens):
        if tok.type == token.ERRORTOKEN and tok.string.strip()[:1] in ("\"", "'"):
            start = tok.start[1] + len(tok.string) - len(tok.string.lstrip())
            prev = tokens[i - 1] if i else None
            if prev and prev.type == token.NAME and prev.end[1] == start and set(prev.string) <= set(_PREFIX_CHARS):
                start = prev.start[1]  # f"... or rb'... : the prefix belongs to the string
            return spans + [(start, len(line), "string")], _state_for_unclosed(line, start)
        if tok.type == token.OP and tok.string == "@" and not line[:tok.start[1]].strip():
            kind, decorator = "decorator", True
        elif decorator and (tok.type == token.NAME or tok.string == "."):
            kind = "decorator"
        else:
            kind, decorator = _kind_of(tok, after_def), False
        if kind:
            spans.append((tok.start[1], tok.end[1] if tok.end[0] == 1 else len(line), kind))
        if tok.type not in (token.INDENT, token.DEDENT, token.NEWLINE, token.NL, token.ENDMARKER):
            covered = max(covered, tok.end[1] if tok.end[0] == 1 else len(line))
        after_def = tok.type == token.NAME and tok.string in ("def", "class")
    if failure is not None and "statement" not in str(failure):
        # An open string the tokenizer gave up on: colour it to the line end.
        start = _first_quote(line, covered)
        if start is not None:
            return spans + [(start, len(line), "string")], _state_for_unclosed(line, start)
    return spans, None


def _state_for_unclosed(line: str, start: int) -> State:
    """The state after a string that starts at start and is not closed on its line."""
    _, state = _opener_at(line, start)
    if state is None:
        return None
    quote, _ = state
    if len(quote) == 3 or line.endswith("\\"):
        return state
    return None


def _first_quote(line: str, col: int) -> Optional[int]:
    """Where the first string from col on starts (its prefix too); None when a comment comes first."""
    for kind, (_row, start), _end in regions([" " * col + line[col:]]):
        return start if kind == "string" else None
    return None


def _kind_of(tok: tokenize.TokenInfo, after_def: bool) -> Optional[str]:
    if tok.type == token.NAME:
        name = tok.string
        if name in _CONSTANTS:
            return "constant"
        if keyword.iskeyword(name):
            return "keyword"
        if after_def:
            return "definition"
        if name == "self":
            return "self"
        return "builtin" if name in _BUILTINS else None
    if tok.type in _STRING_TYPES:
        return "string"
    if tok.type == token.NUMBER:
        return "number"
    if tok.type == token.COMMENT:
        return "comment"
    if tok.type == token.OP:
        return "operator"
    return None


class Highlighter:
    """Spans for every line of a buffer, refreshed incrementally after edits.

    Plug lines_changed() into TextBuffer.add_listener(), then call refresh(lines)
    before drawing; spans(i) gives the spans of line i.
    """

    def __init__(self, lines: Optional[List[str]] = None):
        self._spans: List[Optional[List[Span]]] = []
        self._in: list = []
        self._out: list = []
        self._lo: Optional[int] = None
        self._hi = -1
        self.reset(len(lines) if lines is not None else 1)

    def reset(self, line_count: int) -> None:
        self._spans = [None] * line_count
        self._in = [_UNSET] * line_count
        self._out = [_UNSET] * line_count
        self._lo, self._hi = 0, line_count - 1

    def lines_changed(self, first: int, old_count: int, new_count: int) -> None:
        """Lines first..first+old_count-1 were replaced by new_count lines."""
        self._spans[first:first + old_count] = [None] * new_count
        self._in[first:first + old_count] = [_UNSET] * new_count
        self._out[first:first + old_count] = [_UNSET] * new_count
        new_hi = first + new_count - 1
        if self._lo is None:
            self._lo, self._hi = first, new_hi
            return
        hi = self._hi
        if hi >= first + old_count:
            hi += new_count - old_count
        elif hi >= first:
            hi = new_hi
        self._lo, self._hi = min(self._lo, first), max(hi, new_hi)

    def refresh(self, lines: List[str]) -> int:
        """Re-colour what the edits touched (and what an open string changed); returns lines done."""
        if len(self._spans) != len(lines):
            self.reset(len(lines))
        if self._lo is None:
            return 0
        i = self._lo
        state = self._out[i - 1] if i > 0 else None
        if state is _UNSET:
            i, state = 0, None
        done = 0
        while i < len(lines):
            if i > self._hi and self._in[i] == state and self._spans[i] is not None:
                break
            spans, out = highlight_line(lines[i], state)
            self._spans[i], self._in[i], self._out[i] = spans, state, out
            state = out
            i += 1
            done += 1
        self._lo, self._hi = None, -1
        return done

    def spans(self, index: int) -> List[Span]:
        spans = self._spans[index] if 0 <= index < len(self._spans) else None
        return spans or []

    def state_after(self, index: int) -> State:
        """The open string (if any) at the end of line index; for tests and the view."""
        out = self._out[index]
        return None if out is _UNSET else out


_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}


def match_bracket(lines: List[str], spans_of, pos: Tuple[int, int], limit: int = 1000
                  ) -> Optional[Tuple[int, int]]:
    """The bracket matching the one at pos, using highlight spans (brackets in strings and comments are skipped).

    spans_of(i) gives the spans of line i. Only up to limit lines are searched,
    so the cost stays small even in a huge file; the usual partner is close by.
    """
    line, col = pos
    text = lines[line]
    if not (0 <= col < len(text)) or not _is_code_bracket(text, spans_of(line), col):
        return None
    ch = text[col]
    forward = ch in _OPEN
    want = _OPEN.get(ch) or _CLOSE[ch]
    depth = 0
    stop = min(len(lines), line + limit) if forward else max(-1, line - limit)
    step = 1 if forward else -1
    for index in range(line, stop, step):
        row = lines[index]
        cols = [a for a, b, kind in spans_of(index) if kind == "operator" and b - a == 1 and row[a] in "()[]{}"]
        if index == line:
            cols = [c for c in cols if (c >= col if forward else c <= col)]
        for c in (cols if forward else reversed(cols)):
            if row[c] == ch:
                depth += 1
            elif row[c] == want:
                depth -= 1
                if depth == 0:
                    return index, c
    return None


def _is_code_bracket(text: str, spans: List[Span], col: int) -> bool:
    return text[col] in "()[]{}" and any(a == col and kind == "operator" for a, b, kind in spans)
