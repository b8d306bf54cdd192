"""Where things are in the editor pane: rows and columns, the cursor, the scroll bars, the hint strip.

EditorView inherits this: it holds the view's rectangle, fonts, buffer, top line and
left column, and the error message; everything here is arithmetic on them (the rules
themselves are pure, in editor/scrolling.py). The code's rows are the pane's height
less the red hint strip (only when the message does not fit after its line) and the
horizontal scroll bar (only when a line is wider than the view).
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import pygame

from kidcoder.editor import scrolling, textops
from kidcoder.editor.undo import Pos

PAD = 6  # pixels between the gutter and the code
BAR = scrolling.BAR


class ViewGeometry:
    """Geometry of an EditorView (see its module docstring)."""

    rect: pygame.Rect
    top: int
    left: int
    error_line: Optional[int]
    error_message: str
    _bar_drag: Optional[Tuple[str, int]] = None

    # ----- columns and rows --------------------------------------------------------------------
    @property
    def gutter_width(self) -> int:
        digits = max(3, len(str(len(self.buffer.lines))))
        return (digits + 2) * self.fonts.char_width  # room for the error badge and the number

    @property
    def text_x(self) -> int:
        return self.rect.x + self.gutter_width + PAD

    @property
    def text_right(self) -> int:
        """Where the code stops: the vertical scroll bar's room is kept, so columns never jump."""
        return self.rect.right - BAR

    @property
    def visible_cols(self) -> int:
        return max(1, (self.text_right - self.text_x) // self.fonts.char_width)

    @property
    def widest(self) -> int:
        """The widest line's screen columns (remembered per text version)."""
        version = self.buffer.version
        cached = getattr(self, "_widest", None)
        if cached is None or cached[0] != version:
            widest = max((textops.display_col(line, len(line)) for line in self.buffer.lines), default=0)
            self._widest = cached = (version, widest)
        return cached[1]

    @property
    def hbar_shown(self) -> bool:
        return self.left > 0 or self.widest > self.visible_cols

    def strip_lines(self) -> List[str]:
        """The error message in the red strip at the bottom, when it does not fit after its line."""
        if self.error_line is None or not self.error_message:
            return []
        text = self.buffer.lines[self.error_line]
        cols = self.visible_cols
        key = (self.error_message, text, self.left, cols, self.rect.w, self.fonts.char_width)
        cached = getattr(self, "_strip", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        code_end = max(textops.display_col(text, len(text)), 2) - self.left
        if len(self.error_message) + 2 <= cols - code_end - 3:
            lines: List[str] = []                   # it fits at the end of its line
        else:
            width = (self.text_right - self.rect.x) // self.fonts.char_width - 2
            lines = scrolling.wrap_words(self.error_message, max(4, width))
        self._strip = (key, lines)
        return lines

    @property
    def bottom_h(self) -> int:
        """Pixels at the bottom the code does not use: the hint strip and the horizontal scroll bar."""
        return len(self.strip_lines()) * self.fonts.line_height + (BAR if self.hbar_shown else 0)

    @property
    def code_bottom(self) -> int:
        return self.rect.bottom - self.bottom_h

    @property
    def visible_rows(self) -> int:
        return max(1, (self.rect.height - self.bottom_h) // self.fonts.line_height)

    def line_y(self, line: int) -> int:
        return self.rect.y + (line - self.top) * self.fonts.line_height

    # ----- the cursor ------------------------------------------------------------------------------
    def cursor_rect(self) -> pygame.Rect:
        """Where the cursor bar is drawn on the surface."""
        line, col = self.buffer.cursor
        screen_col = textops.display_col(self.buffer.lines[line], col)
        x = self.text_x + (screen_col - self.left) * self.fonts.char_width
        return pygame.Rect(x - 1, self.line_y(line), max(2, self.fonts.size // 9), self.fonts.line_height)

    def pos_at(self, point) -> Pos:
        """The text position under a point of the surface (clamped to the text)."""
        x, y = point
        line = self.top + (y - self.rect.y) // self.fonts.line_height
        line = max(0, min(line, len(self.buffer.lines) - 1))
        screen_col = self.left + round((x - self.text_x) / self.fonts.char_width)
        return line, textops.char_col(self.buffer.lines[line], max(0, screen_col))

    def ensure_cursor_visible(self, center: bool = False) -> None:
        """Scroll so the cursor shows (center: a jump puts its line in the middle); sideways only when
        the cursor does not fit from column 0 (scrolling.left_for_cursor)."""
        line, col = self.buffer.cursor
        rows = self.visible_rows
        if center and not self.top <= line < self.top + rows:
            self.top = max(0, line - rows // 2)
        if line < self.top:
            self.top = line
        elif line >= self.top + rows:
            self.top = line - rows + 1
        screen_col = textops.display_col(self.buffer.lines[line], col)
        self.left = scrolling.left_for_cursor(self.left, screen_col, self.visible_cols)
        self._blink_t = 0.0
        self._tell_ime()

    def reveal_lines(self, first: int, last: int) -> None:
        """Show lines first..last (1-based) from their start, the first a third down the view (after
        the helper put code in, or a fix), as many of them as fit."""
        rows = self.visible_rows
        first0, last0 = first - 1, last - 1
        if not (self.top <= first0 and last0 < self.top + rows):
            self.top = max(0, min(first0 - rows // 3, first0 - max(0, rows - 1 - (last0 - first0))))
        self.left = 0
        self._tell_ime()

    def scroll(self, lines: int = 0, cols: int = 0) -> None:
        max_top = max(0, len(self.buffer.lines) - max(1, self.visible_rows - 3))
        self.top = max(0, min(max_top, self.top + lines))
        self.left = max(0, min(scrolling.max_left(self.widest, self.visible_cols), self.left + cols))

    def _tell_ime(self) -> None:
        """Tell the system where the cursor is, so an input-method window opens next to it."""
        try:
            pygame.key.set_text_input_rect(self.cursor_rect())
        except (pygame.error, AttributeError):
            pass

    # ----- scroll bars -----------------------------------------------------------------------------
    def vbar(self) -> Optional[scrolling.Bar]:
        """The vertical scroll bar (None when every line shows)."""
        total, rows = len(self.buffer.lines), self.visible_rows
        if total <= rows and self.top == 0:
            return None
        track = (self.text_right, self.rect.y, BAR, self.code_bottom - self.rect.y)
        start, length = scrolling.thumb(track[1], track[3], rows, max(total, self.top + rows), self.top)
        return scrolling.Bar(track, (track[0] + 2, start, BAR - 3, length))

    def hbar(self) -> Optional[scrolling.Bar]:
        """The horizontal scroll bar (None when every line fits)."""
        if not self.hbar_shown:
            return None
        cols = self.visible_cols
        total = max(self.widest + 1, self.left + cols)
        x = self.text_x
        track = (x, self.rect.bottom - BAR, self.text_right - x, BAR)
        start, length = scrolling.thumb(track[0], track[2], cols, total, self.left)
        return scrolling.Bar(track, (start, track[1] + 2, length, BAR - 3))

    def bar_press(self, point) -> bool:
        """A press on a scroll bar: its thumb follows the mouse from now (True when one was hit)."""
        for kind, bar in (("v", self.vbar()), ("h", self.hbar())):
            if bar is None or not pygame.Rect(bar.track).collidepoint(point):
                continue
            thumb = pygame.Rect(bar.thumb)
            along = 1 if kind == "v" else 0
            grab = point[along] - thumb[along] if thumb.collidepoint(point) else thumb.size[along] // 2
            self._bar_drag = (kind, grab)
            self.bar_drag(point)
            return True
        return False

    def bar_drag(self, point) -> None:
        if self._bar_drag is None:
            return
        kind, grab = self._bar_drag
        if kind == "v":
            bar = self.vbar()
            if bar is not None:
                rows = self.visible_rows
                total = max(len(self.buffer.lines), self.top + rows)
                self.top = scrolling.unit_at(point[1], bar.track[1], bar.track[3], rows, total, grab)
        else:
            bar = self.hbar()
            if bar is not None:
                cols = self.visible_cols
                total = max(self.widest + 1, cols)
                self.left = scrolling.unit_at(point[0], bar.track[0], bar.track[2], cols, total, grab)

    def bar_release(self) -> bool:
        dragging = self._bar_drag is not None
        self._bar_drag = None
        return dragging
