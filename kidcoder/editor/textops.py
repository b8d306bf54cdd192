"""Small pure functions about Python text: words, indentation, brackets and comments.

They are kept apart from the buffer so each can be tested on plain strings.
Positions are (line, column) pairs counted from 0.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from kidcoder.codeparts import code_part, indent_of, masked

Pos = Tuple[int, int]

OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}


def is_word_char(ch: str) -> bool:
    """Letters (also accented ones), digits and underscore make up a word."""
    return ch.isalnum() or ch == "_"


def word_bounds(line: str, col: int) -> Tuple[int, int]:
    """The start and end columns of the word at col (or of the run of other characters there)."""
    if not line:
        return 0, 0
    col = max(0, min(col, len(line)))
    probe = col if col < len(line) else col - 1
    if col > 0 and col < len(line) and not is_word_char(line[col]) and is_word_char(line[col - 1]):
        probe = col - 1  # double-click just after a word selects that word
    kind = _char_kind(line[probe])
    start = probe
    while start > 0 and _char_kind(line[start - 1]) == kind:
        start -= 1
    end = probe + 1
    while end < len(line) and _char_kind(line[end]) == kind:
        end += 1
    return start, end


def _char_kind(ch: str) -> int:
    if is_word_char(ch):
        return 0
    if ch.isspace():
        return 1
    return 2


def next_word_col(line: str, col: int) -> int:
    """Where Ctrl+Right lands: the end of the next word on the line (or the line end)."""
    n = len(line)
    while col < n and not is_word_char(line[col]):
        col += 1
    while col < n and is_word_char(line[col]):
        col += 1
    return col


def prev_word_col(line: str, col: int) -> int:
    """Where Ctrl+Left lands: the start of the previous word on the line (or the line start)."""
    while col > 0 and not is_word_char(line[col - 1]):
        col -= 1
    while col > 0 and is_word_char(line[col - 1]):
        col -= 1
    return col


def wants_indent_after(line_before_cursor: str) -> bool:
    """True when a new line should be indented one more level (the code ends with a colon)."""
    return code_part(line_before_cursor).endswith(":")


def dedent_width(prefix: str, unit: str) -> int:
    """How many characters Backspace removes from an all-blank prefix: back to the previous indent stop."""
    if not prefix:
        return 0
    if unit == "\t" or prefix.endswith("\t"):
        return 1
    size = len(unit)
    remove = len(prefix) % size or size
    return min(remove, len(prefix) - len(prefix.rstrip(" ")) or 1)


def dedent_line(line: str, unit: str) -> Tuple[str, int]:
    """The line with one indent level removed, and how many characters went."""
    if line.startswith("\t"):
        return line[1:], 1
    spaces = len(line) - len(line.lstrip(" "))
    remove = min(spaces, len(unit) if unit != "\t" else 4)
    return line[remove:], remove


def comment_toggled(lines: List[str]) -> List[str]:
    """Comment out the lines with '# ', or uncomment them when every non-blank line is a comment."""
    code = [ln for ln in lines if ln.strip()]
    if not code:
        return list(lines)
    if all(ln.lstrip().startswith("#") for ln in code):
        out = []
        for ln in lines:
            ws = indent_of(ln)
            rest = ln[len(ws):]
            if rest.startswith("# "):
                rest = rest[2:]
            elif rest.startswith("#"):
                rest = rest[1:]
            out.append(ws + rest)
        return out
    indent = min(len(indent_of(ln)) for ln in code)
    return [ln[:indent] + "# " + ln[indent:] if ln.strip() else ln for ln in lines]


def matching_bracket(lines: List[str], pos: Pos) -> Optional[Pos]:
    """The position of the bracket matching the one at pos (or just before it), or None."""
    blanked = masked(lines)
    line, col = pos
    if not 0 <= line < len(blanked):
        return None
    text = blanked[line]
    for c in (col, col - 1):
        if 0 <= c < len(text) and (text[c] in OPENERS or text[c] in CLOSERS):
            return _scan_match(blanked, (line, c))
    return None


def _scan_match(blanked: List[str], pos: Pos) -> Optional[Pos]:
    line, col = pos
    ch = blanked[line][col]
    forward = ch in OPENERS
    want = OPENERS.get(ch) or CLOSERS[ch]
    depth = 0
    while 0 <= line < len(blanked):
        text = blanked[line]
        rng = range(col, len(text)) if forward else range(col, -1, -1)
        for c in rng:
            here = text[c]
            if here == ch:
                depth += 1
            elif here == want:
                depth -= 1
                if depth == 0:
                    return line, c
        line += 1 if forward else -1
        if 0 <= line < len(blanked):
            col = 0 if forward else len(blanked[line]) - 1
    return None


def find_in_lines(lines: List[str], query: str, start: Pos, case_sensitive: bool = False,
                  wrap: bool = True) -> Optional[Pos]:
    """The first place query occurs at or after start (wrapping round to the top), or None."""
    if not query or "\n" in query:
        return None
    fold = (lambda s: s) if case_sensitive else (lambda s: s.lower())
    needle = fold(query)
    line, col = start
    count = len(lines)
    for step in range(count + 1):
        if step and not wrap and line + step >= count:
            return None
        index = (line + step) % count
        hay = fold(lines[index])
        if step == 0:
            at = hay.find(needle, col)
        elif step == count:  # back on the first line: only what lies before the start
            at = hay.find(needle)
            at = at if at < col else -1
        else:
            at = hay.find(needle)
        if at >= 0:
            return index, at
    return None


def display_col(line: str, col: int, tab: int = 4) -> int:
    """The screen column of character col, with tabs stretched to the next multiple of tab."""
    if "\t" not in line:
        return col
    out = 0
    for ch in line[:col]:
        out = out + tab - out % tab if ch == "\t" else out + 1
    return out + max(0, col - len(line))


def char_col(line: str, screen_col: int, tab: int = 4) -> int:
    """The character column nearest to a screen column (the inverse of display_col)."""
    if "\t" not in line:
        return max(0, min(screen_col, len(line)))
    out = 0
    for i, ch in enumerate(line):
        width = tab - out % tab if ch == "\t" else 1
        if screen_col < out + (width + 1) // 2:
            return i
        out += width
    return len(line)


def expand_tabs(line: str, tab: int = 4) -> str:
    return line.expandtabs(tab) if "\t" in line else line


def detect_indent_unit(lines: List[str]) -> str:
    """Tab when the text is mostly indented with tabs (so new lines match it), else four spaces."""
    tabs = sum(1 for ln in lines if ln.startswith("\t"))
    spaces = sum(1 for ln in lines if ln.startswith(" "))
    return "\t" if tabs > spaces else "    "
