"""The editor pane: the editor's EditorView under a title strip with the program's name.

The pane only places and frames the view; typing, undo and drawing the code are
the editor's. Its `version` changes whenever the text does (the window autosaves).
"""
from __future__ import annotations

import pygame

from kidcoder.editor.view import EditorView
from kidcoder.i18n import retranslate, tr
from kidcoder.ui.layout import Box, Layout
from kidcoder.ui.pane import Pane, PaneKit
from kidcoder.ui.style import draw_title

# Rendered lines the editor keeps (editor/render.py LineRenderer; its own default is 600). Each is a
# picture of ~40 KB, and each typed letter makes a new one of its line: 600 kept 20-25 MB, which grew
# with every program opened and every line typed (issue 17). 200 is still more than 2 screens of the
# most rows the editor shows (a 900-pixel window at the smallest font), so scrolling back stays cheap.
LINES_KEPT = 200


class EditorPane(Pane):
    """EditorView plus a title."""

    region = "editor"
    ring_width = 2

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        self.view = EditorView(pygame.Rect(self.box.below_title()), kit.settings)
        self.view.renderer.capacity = LINES_KEPT
        self.name = ""            # the program's file name ("" for a new program)
        self.modified = False
        self._note = ("", -1)     # a short status, e.g. "Saved my_game.py.", and the text version it is about

    @property
    def note(self) -> str:
        """The title's short status; it goes away as soon as the text changes (or another program shows),
        so "Saved ..." never stands next to the unsaved-changes star."""
        text, version = self._note
        return text if version == self.view.buffer.version else ""

    @note.setter
    def note(self, text: str) -> None:
        self._note = (text, self.view.buffer.version)

    def relabel(self) -> None:
        text, version = self._note
        self._note = (retranslate(text), version)

    def shown_text(self):
        return [self.title_text()] + ([self.note] if self.note else [])

    def set_box(self, box: Box) -> None:
        self.box = box
        self.view.set_rect(pygame.Rect(box.below_title()))

    @property
    def focused(self) -> bool:
        return self.view.focused

    @focused.setter
    def focused(self, value: bool) -> None:
        self.view.focused = value

    @property
    def version(self) -> int:
        return self.view.buffer.version

    def set_text(self, text: str) -> None:
        """Another program (or a new one): the lines drawn for the one before are not kept."""
        self.view.renderer.clear()
        self.view.set_text(text)
        self._note = ("", -1)

    def get_text(self) -> str:
        return self.view.get_text()

    def handle_event(self, event) -> bool:
        return self.view.handle_event(event)

    def update(self, dt: float) -> None:
        self.view.update(dt)
        self.modified = self.view.buffer.modified

    def looks(self) -> tuple:
        view, buf = self.view, self.view.buffer
        return (buf.version, buf.cursor, buf.selection(), view.top, view.left, view.focused, view.cursor_shown,
                view.error_line, view.error_message, tuple(view.rect), view.fonts.line_height, id(view.theme))

    def changed_parts(self, words_changed: bool):
        """The code's changed rows (editor/damage.py) and the title when its words changed (the star)."""
        rows = self.view.changed_rows()
        return rows + [pygame.Rect(self.box.title())] if rows is not None and words_changed else rows

    def title_text(self) -> str:
        name = self.name or tr("ui.editor.untitled")
        return tr("ui.editor.title", name=name) + (" *" if self.view.buffer.modified else "")

    def draw(self, surface) -> None:
        draw_title(surface, self.box.title(), self.title_text(), self.fonts, self.colours,
                   active=self.view.focused, right_text=self.note)
        self.view.draw(surface)
