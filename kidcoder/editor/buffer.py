"""The editor's text model: lines, cursor, selection, editing commands and undo (no pygame).

Positions are (line, column) tuples counted from 0, columns in characters.
The one exception is the API the assistant and the "go to line" box use,
replace_lines() and goto_line(), which take the 1-based line numbers a child
sees in the gutter. Every change goes through one primitive (_apply), which
tells listeners (the highlighter, the view) which lines changed.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, List, Optional, Tuple

from kidcoder.codeparts import indent_of
from kidcoder.editor import textops
from kidcoder.editor.clipboard import InAppClipboard
from kidcoder.editor.textops import detect_indent_unit
from kidcoder.editor.undo import Edit, Pos, UndoHistory, end_of


class TextBuffer:
    """A Python program being edited. Commands keep the cursor valid and record undo steps."""

    def __init__(self, text: str = "", clipboard=None, clock: Callable[[], float] = time.monotonic):
        self.clipboard = clipboard if clipboard is not None else InAppClipboard()
        self._clock = clock
        self._listeners: List[Callable[[int, int, int], None]] = []
        self.set_text(text)

    # ----- whole text -------------------------------------------------------------------------
    def set_text(self, text: str, saved: bool = True) -> None:
        """Replace everything (opening a file); forgets undo history.

        saved=False is for recovered work that is not in the file yet: it counts as modified.
        """
        old_count = len(getattr(self, "lines", [])) or 1
        self.lines: List[str] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.indent_unit = detect_indent_unit(self.lines)
        self.cursor: Pos = (0, 0)
        self.anchor: Optional[Pos] = None
        self._goal_col: Optional[int] = None
        self.history = UndoHistory(self._clock)
        if not saved:
            self.history.mark_unsaved()
        self.version = getattr(self, "version", 0) + 1
        self._notify(0, old_count, len(self.lines))

    def get_text(self) -> str:
        return "\n".join(self.lines)

    def add_listener(self, listener: Callable[[int, int, int], None]) -> None:
        """listener(first_line, old_line_count, new_line_count) is called after every change."""
        self._listeners.append(listener)

    @property
    def modified(self) -> bool:
        """True when the text differs from the last mark_saved() (undoing back to it counts as saved)."""
        return self.history.modified

    def mark_saved(self) -> None:
        self.history.mark_saved()

    # ----- reading ----------------------------------------------------------------------------
    def clamp(self, pos: Pos) -> Pos:
        line = max(0, min(pos[0], len(self.lines) - 1))
        return line, max(0, min(pos[1], len(self.lines[line])))

    def text_range(self, start: Pos, end: Pos) -> str:
        (l1, c1), (l2, c2) = start, end
        if l1 == l2:
            return self.lines[l1][c1:c2]
        return "\n".join([self.lines[l1][c1:]] + self.lines[l1 + 1:l2] + [self.lines[l2][:c2]])

    def selection(self) -> Optional[Tuple[Pos, Pos]]:
        """The selected range (start, end) in text order, or None when nothing is selected."""
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return (min(self.anchor, self.cursor), max(self.anchor, self.cursor))

    def selected_text(self) -> str:
        sel = self.selection()
        return self.text_range(*sel) if sel else ""

    def _selected_line_span(self) -> Tuple[int, int]:
        """First and last line a line command (indent, comment) works on."""
        sel = self.selection()
        if not sel:
            return self.cursor[0], self.cursor[0]
        (l1, _), (l2, c2) = sel
        if c2 == 0 and l2 > l1:
            l2 -= 1  # a selection ending at the start of a line does not include that line
        return l1, l2

    # ----- the one primitive ------------------------------------------------------------------
    def _apply(self, start: Pos, end: Pos, text: str) -> Pos:
        (l1, c1), (l2, c2) = start, end
        head, tail = self.lines[l1][:c1], self.lines[l2][c2:]
        new = (head + text + tail).split("\n")
        self.lines[l1:l2 + 1] = new
        self.version += 1
        self._notify(l1, l2 - l1 + 1, len(new))
        return l1 + len(new) - 1, len(new[-1]) - len(tail)

    def _notify(self, first: int, old_count: int, new_count: int) -> None:
        for listener in self._listeners:
            listener(first, old_count, new_count)

    def _edit(self, start: Pos, end: Pos, text: str, kind: str = "edit") -> Pos:
        """Replace start..end with text, record it for undo, and put the cursor after it."""
        start, end = self.clamp(start), self.clamp(end)
        step = self.history.record(Edit(start, self.text_range(start, end), text), kind, self.cursor, self.anchor)
        self.cursor = self._apply(start, end, text)
        self.anchor = None
        self._goal_col = None
        self.history.finish(step, self.cursor, None)
        return self.cursor

    @contextmanager
    def _compound(self, kind: str):
        """Group the edits made inside the block into one undo step."""
        started = self.history.begin_group(kind, self.cursor, self.anchor)
        try:
            yield
        finally:
            if started:
                self.history.end_group(self.cursor, self.anchor)

    def one_step(self, kind: str = "insert"):
        """`with buffer.one_step():` the edits made in the block are one undo step (a picked picture's lines)."""
        return self._compound(kind)

    # ----- undo -------------------------------------------------------------------------------
    def undo(self) -> bool:
        step = self.history.pop_undo()
        if step is None:
            return False
        for edit in reversed(step.edits):
            self._apply(edit.start, end_of(edit.start, edit.inserted), edit.removed)
        self.cursor, self.anchor = step.cursor_before, step.anchor_before
        return True

    def redo(self) -> bool:
        step = self.history.pop_redo()
        if step is None:
            return False
        for edit in step.edits:
            self._apply(edit.start, end_of(edit.start, edit.removed), edit.inserted)
        self.cursor, self.anchor = step.cursor_after, step.anchor_after
        return True

    # ----- typing and deleting ----------------------------------------------------------------
    def insert_text(self, text: str, kind: str = "paste") -> None:
        """Put text at the cursor, replacing the selection."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        sel = self.selection()
        if sel:
            self._edit(sel[0], sel[1], text, kind)
        elif text:
            self._edit(self.cursor, self.cursor, text, kind)

    def type_text(self, text: str) -> None:
        """Characters typed by the child (a TEXTINPUT event); runs of typing undo together."""
        if "\n" in text or self.selection():
            self.insert_text(text, "type" if "\n" not in text else "paste")
        elif text:
            self._edit(self.cursor, self.cursor, text, "type")

    def newline(self) -> None:
        """Enter: a new line with the same indentation, one level more after a colon."""
        with self._compound("newline"):
            sel = self.selection()
            if sel:
                self._edit(sel[0], sel[1], "", "newline")
            line, col = self.cursor
            before, after = self.lines[line][:col], self.lines[line][col:]
            indent = indent_of(before)
            if textops.wants_indent_after(before):
                indent += self.indent_unit
            skip = len(after) - len(after.lstrip(" \t"))
            self._edit((line, col), (line, col + skip), "\n" + indent, "newline")

    def backspace(self) -> None:
        """Delete before the cursor; in the indentation, take away one indent level (4 spaces) each
        time, also with the cursor at the line's start: lines join only when no indentation is left."""
        if self._delete_selection():
            return
        line, col = self.cursor
        if col == 0:
            if indent_of(self.lines[line]):
                self.dedent_lines()
            elif line > 0:
                self._edit((line - 1, len(self.lines[line - 1])), (line, 0), "", "delete")
            return
        prefix = self.lines[line][:col]
        width = textops.dedent_width(prefix, self.indent_unit) if not prefix.strip() else 1
        self._edit((line, col - width), (line, col), "", "delete")

    def _delete_selection(self) -> bool:
        """Remove the selected text, if there is any (Backspace and Delete both start so)."""
        sel = self.selection()
        if sel:
            self._edit(sel[0], sel[1], "", "cut")
        return bool(sel)

    def delete_forward(self) -> None:
        """The Delete key: remove the character after the cursor (or the selection)."""
        if self._delete_selection():
            return
        line, col = self.cursor
        if col < len(self.lines[line]):
            self._edit((line, col), (line, col + 1), "", "delete_forward")
        elif line + 1 < len(self.lines):
            self._edit((line, col), (line + 1, 0), "", "delete_forward")

    def tab(self) -> None:
        """Tab: indent the selected lines, or add spaces up to the next indent stop."""
        sel = self.selection()
        if sel and sel[0][0] != sel[1][0]:
            self.indent_lines()
            return
        if self.indent_unit == "\t":
            self.insert_text("\t", "indent")
            return
        size = len(self.indent_unit)
        col = sel[0][1] if sel else self.cursor[1]
        self.insert_text(" " * (size - col % size), "indent")

    def indent_lines(self) -> None:
        l1, l2 = self._selected_line_span()
        old = self.lines[l1:l2 + 1]
        self._rewrite_lines(l1, [self.indent_unit + ln if ln.strip() else ln for ln in old], "indent")

    def dedent_lines(self) -> None:
        """Shift+Tab: remove one indent level from the selected lines (or the cursor's line)."""
        l1, l2 = self._selected_line_span()
        self._rewrite_lines(l1, [textops.dedent_line(ln, self.indent_unit)[0] for ln in self.lines[l1:l2 + 1]],
                            "dedent")

    def toggle_comment(self) -> None:
        """Ctrl+/: turn the selected lines into comments, or back into code."""
        l1, l2 = self._selected_line_span()
        self._rewrite_lines(l1, textops.comment_toggled(self.lines[l1:l2 + 1]), "comment")

    def _rewrite_lines(self, first: int, new_lines: List[str], kind: str) -> None:
        """Replace lines first.. with new_lines in one undo step, keeping cursor and selection on their text."""
        last = first + len(new_lines) - 1
        old = self.lines[first:last + 1]
        if old == new_lines:
            return
        cursor, anchor = self.cursor, self.anchor

        def moved(pos: Optional[Pos]) -> Optional[Pos]:
            if pos is None or not first <= pos[0] <= last or pos[1] == 0:
                return pos
            i = pos[0] - first
            return pos[0], max(0, min(len(new_lines[i]), pos[1] + len(new_lines[i]) - len(old[i])))

        with self._compound(kind):
            self._edit((first, 0), (last, len(self.lines[last])), "\n".join(new_lines), kind)
            self.cursor, self.anchor = moved(cursor), moved(anchor)

    def replace_lines(self, start: int, end: int, text: str) -> None:
        """Replace lines start..end (1-based, both included) with text, as one undo step.

        This is how the assistant's "apply fix" changes the program; a final newline
        in text is optional. The cursor goes to the end of the new text.
        """
        count = len(self.lines)
        if not 1 <= start <= count or end < start:
            raise ValueError(f"lines {start}..{end} are not in a {count}-line program")
        end = min(end, count)
        if text.endswith("\n"):
            text = text[:-1]
        with self._compound("replace"):
            self._edit((start - 1, 0), (end - 1, len(self.lines[end - 1])), text, "replace")

    # ----- clipboard --------------------------------------------------------------------------
    def copy(self) -> bool:
        text = self.selected_text()
        if text:
            self.clipboard.put(text)
        return bool(text)

    def cut(self) -> bool:
        if not self.copy():
            return False
        self.backspace()
        return True

    def paste(self) -> bool:
        text = self.clipboard.get() or ""
        if text:
            self.insert_text(text, "paste")
        return bool(text)

    # ----- moving -----------------------------------------------------------------------------
    def set_cursor(self, pos: Pos, select: bool = False) -> None:
        """Move the cursor (a mouse click); with select, stretch the selection to it (shift-click, drag)."""
        pos = self.clamp(pos)
        if select:
            if self.anchor is None:
                self.anchor = self.cursor
        else:
            self.anchor = None
        self.cursor = pos
        self.history.break_burst()

    def _move(self, pos: Pos, select: bool, keep_goal: bool = False) -> None:
        goal = self._goal_col
        self.set_cursor(pos, select)
        self._goal_col = goal if keep_goal else None

    def move_left(self, select: bool = False, word: bool = False) -> None:
        sel = self.selection()
        if sel and not select:
            return self._move(sel[0], False)
        line, col = self.cursor
        if col == 0:
            pos = (line - 1, len(self.lines[line - 1])) if line > 0 else (0, 0)
        else:
            pos = (line, textops.prev_word_col(self.lines[line], col) if word else col - 1)
        self._move(pos, select)

    def move_right(self, select: bool = False, word: bool = False) -> None:
        sel = self.selection()
        if sel and not select:
            return self._move(sel[1], False)
        line, col = self.cursor
        if col >= len(self.lines[line]):
            pos = (line + 1, 0) if line + 1 < len(self.lines) else (line, col)
        else:
            pos = (line, textops.next_word_col(self.lines[line], col) if word else col + 1)
        self._move(pos, select)

    def move_vertical(self, delta: int, select: bool = False) -> None:
        """Up/Down (delta -1/+1) or Page Up/Down (delta = page size), keeping the column we aimed for."""
        line, col = self.cursor
        if self._goal_col is None:
            self._goal_col = col
        target = max(0, min(len(self.lines) - 1, line + delta))
        if target == line:
            target_col = 0 if delta < 0 else len(self.lines[line])
        else:
            target_col = self._goal_col
        goal = self._goal_col
        self._move((target, target_col), select)
        self._goal_col = goal

    def move_up(self, select: bool = False) -> None:
        self.move_vertical(-1, select)

    def move_down(self, select: bool = False) -> None:
        self.move_vertical(1, select)

    def home(self, select: bool = False, document: bool = False) -> None:
        """Home goes to the first letter of the line, then to column 0; Ctrl+Home to the top."""
        if document:
            return self._move((0, 0), select)
        line, col = self.cursor
        first = len(indent_of(self.lines[line]))
        self._move((line, 0 if col == first else first), select)

    def end(self, select: bool = False, document: bool = False) -> None:
        line = len(self.lines) - 1 if document else self.cursor[0]
        self._move((line, len(self.lines[line])), select)

    def select_all(self) -> None:
        self.anchor = (0, 0)
        self.cursor = (len(self.lines) - 1, len(self.lines[-1]))

    def select_word_at(self, pos: Pos) -> None:
        """Double-click: select the word under pos."""
        line, col = self.clamp(pos)
        start, end = textops.word_bounds(self.lines[line], col)
        self.anchor, self.cursor = (line, start), (line, end)
        self.history.break_burst()

    def goto_line(self, number: int) -> None:
        """Put the cursor at the first letter of line number (1-based, as in the gutter)."""
        line = max(1, min(number, len(self.lines))) - 1
        self._move((line, len(indent_of(self.lines[line]))), False)

    def find_next(self, query: str, case_sensitive: bool = False) -> bool:
        """Select the next place query appears after the cursor, wrapping to the top; False if nowhere."""
        sel = self.selection()
        start = sel[1] if sel else self.cursor
        found = textops.find_in_lines(self.lines, query, start, case_sensitive)
        if found is None:
            return False
        self.anchor, self.cursor = found, (found[0], found[1] + len(query))
        self.history.break_burst()
        return True

    def matching_bracket(self, pos: Optional[Pos] = None) -> Optional[Pos]:
        """Where the bracket at (or just before) pos is closed or opened; None if there is none."""
        return textops.matching_bracket(self.lines, pos if pos is not None else self.cursor)
