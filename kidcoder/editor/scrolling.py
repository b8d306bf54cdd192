"""The editor's scrolling rules and the places of its scroll bars and hint strip (pure, no pygame).

Sideways: the view stays at column 0 whenever the cursor fits there, so a jump, a fix
or a click never leaves every line showing a chopped start; when the cursor goes past
the right edge, the view moves a quarter of its width at once (not one column per
letter). The bottom of the editor holds, when needed, the red hint strip (a message
too long for the end of its line: wrapped, never over a code line) and a horizontal
scroll bar (a line is wider than the view); the code's rows are what is left.
"""
from __future__ import annotations

from typing import List, NamedTuple, Tuple

BAR = 10                # the scroll bars' thickness in pixels
MIN_THUMB = 24
MAX_STRIP_LINES = 3


class Bar(NamedTuple):
    """A scroll bar's track and thumb as (x, y, w, h) boxes."""
    track: Tuple[int, int, int, int]
    thumb: Tuple[int, int, int, int]


def left_for_cursor(left: int, cursor_col: int, cols: int) -> int:
    """The first visible column that shows the cursor's screen column."""
    cols = max(1, cols)
    if cursor_col <= cols:
        return 0                                   # it fits from the start of the line: show the starts
    if left < cursor_col <= left + cols:
        return left                                # it shows already: no sliding
    if cursor_col <= left:
        return max(0, cursor_col - cols // 3)
    return cursor_col - cols + max(1, cols // 4)   # past the right edge: a quarter of the width at once


def max_left(widest: int, cols: int) -> int:
    """How far right the view may scroll (the longest line's end plus a column for the cursor)."""
    return max(0, widest + 1 - cols) if widest > cols else 0


def wrap_words(text: str, cols: int, max_lines: int = MAX_STRIP_LINES) -> List[str]:
    """A message in lines of at most cols characters (words kept whole when they fit); the last
    line ends with "…" when the message is longer than max_lines."""
    cols = max(4, cols)
    lines: List[str] = []
    line = ""
    for word in text.split():
        while len(word) > cols:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cols])
            word = word[cols:]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= cols:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:cols - 1].rstrip() + "\u2026"
    return lines


def thumb(track_start: int, track_len: int, shown: int, total: int, first: int) -> Tuple[int, int]:
    """(start, length) of a scroll bar's thumb: shown of total units, starting at unit first."""
    total = max(1, total)
    length = max(MIN_THUMB, track_len * min(shown, total) // total)
    length = min(length, track_len)
    room = max(0, total - shown)
    start = track_start + ((track_len - length) * min(first, room) // room if room else 0)
    return start, length


def unit_at(pos: int, track_start: int, track_len: int, shown: int, total: int, grab: int = 0) -> int:
    """The first unit (line or column) for a thumb dragged so that its grab point is at pos."""
    _, length = thumb(track_start, track_len, shown, total, 0)
    room = max(0, total - shown)
    free = max(1, track_len - length)
    return max(0, min(room, round((pos - grab - track_start) * room / free)))
