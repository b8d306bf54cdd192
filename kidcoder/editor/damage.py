"""Which rows of the editor pane look different from when they were last painted (issue 17).

A typed letter changes one row of the editor: its code, its caret. Painting and sending the
whole pane for it costs most of a keystroke on a slow core. PaintRecord remembers, for what
paint_editor last drew, the pane's `whole` state (everything that moves or recolours many rows:
the rectangle, scroll, fonts, theme, line count, focus, the error marker and its strip, the
scroll bars) and each visible row's own state (its code and colours, the current-line band, the
selection on it, a matched bracket, the caret). `changed_rows()` answers with the rectangles of
the rows whose state differs now, or None when the whole pane must be painted again. A row state
holds everything paint_editor draws in that row, so painting only those rows gives the same
pixels as painting everything (tests/editor/test_editor_damage.py compares the two).
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

import pygame


def whole_state(view) -> tuple:
    """What, when it changes, changes many rows or what lies outside them."""
    vbar, hbar = view.vbar(), view.hbar()
    return (tuple(view.rect), view.top, view.left, id(view.theme), id(view.fonts), id(view.renderer),
            len(view.buffer.lines), view.focused, view.error_line, view.error_message,
            tuple(view.strip_lines()), view.code_bottom, view.text_x, view.text_right,
            vbar and (tuple(vbar.track), tuple(vbar.thumb)), hbar and (tuple(hbar.track), tuple(hbar.thumb)))


def visible_rows(view) -> List[Tuple[int, pygame.Rect]]:
    """The lines paint_editor draws (the last may show in part), each with its row's rect: across the
    gutter and the code (not the scroll bar), inside the code's rows. The error line's wavy underline
    may reach a little into the row below (big fonts): its rect does too."""
    lh, bottom, x = view.fonts.line_height, view.code_bottom, view.rect.x
    width, error = view.text_right - x, view.error_line
    rows = []
    for line in range(view.top, min(len(view.buffer.lines) - 1, view.top + view.visible_rows) + 1):
        top = view.line_y(line)
        end = min(top + lh + (lh // 4 if line == error else 0), bottom)
        rows.append((line, pygame.Rect(x, top, width, max(0, end - top))))
    return rows


def row_state(view, line: int, sel, brackets, shown: bool) -> tuple:
    """Everything drawn in one row of code besides what whole_state() covers."""
    buf = view.buffer
    cursor_line, cursor_col = buf.cursor
    here = None
    if sel and sel[0][0] <= line <= sel[1][0]:
        here = (sel[0][1] if line == sel[0][0] else None, sel[1][1] if line == sel[1][0] else None)
    marks = tuple(col for b_line, col in brackets or () if b_line == line)
    caret = cursor_col if shown and line == cursor_line else None
    return (buf.lines[line], tuple(view.highlighter.spans(line)), line == cursor_line, here, marks, caret)


class PaintRecord:
    """What the editor pane shows now, row by row (see the module docstring)."""

    def __init__(self):
        self.whole: Optional[tuple] = None          # None: nothing is known to be on screen
        self.rows: Dict[int, tuple] = {}

    def forget(self) -> None:
        self.whole, self.rows = None, {}

    def painted(self, view, clip: pygame.Rect, sel, brackets) -> None:
        """paint_editor drew the pane inside clip: rows wholly inside it now show their present state;
        rows cut by it show part of each (unknown); with another whole state, only a full paint counts."""
        whole = whole_state(view)
        if clip.contains(view.rect):
            self.whole, self.rows = whole, {}
        elif whole != self.whole:
            self.forget()
            return
        shown = view.cursor_shown
        for line, rect in visible_rows(view):
            if clip.contains(rect):
                self.rows[line] = row_state(view, line, sel, brackets, shown)
            elif clip.colliderect(rect):
                self.rows.pop(line, None)

    def changed_rows(self, view) -> Optional[List[pygame.Rect]]:
        """The rects of the rows that would be painted differently now; None: the whole pane."""
        if self.whole is None or whole_state(view) != self.whole:
            return None
        view.highlighter.refresh(view.buffer.lines)
        sel, shown = view.buffer.selection(), view.cursor_shown
        brackets = view.bracket_pair() if view.focused else None
        return [rect for line, rect in visible_rows(view)
                if self.rows.get(line) != row_state(view, line, sel, brackets, shown)]
