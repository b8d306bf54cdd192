"""The console pane: what the game prints, and a line to type into when the program calls input().

It is a tab of the dock under the game, beside the helper's (the helper pane draws
the tabs; dock.py decides which shows). Lines are drawn with the monospaced font
(only the visible ones); the input line is a pygame-gui UITextEntryLine that appears
while the game waits for an answer.
"""
from __future__ import annotations

from typing import List, Optional

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.layout import Box, Layout, visible_lines
from kidcoder.ui.pane import Pane, PaneKit, move_element
from kidcoder.ui.style import wrap_text

INPUT_H = 40
MAX_LINES = 2000


class ConsolePane(Pane):
    """Printed text (scrollable with the wheel and Page Up / Page Down) and the input() line."""

    region = "console"

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        self.lines: List[str] = []
        self.scroll_back = 0
        self._rows = ([], 0, 0)       # (the lines cut to the pane's width, how many lines, that width)
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(self._entry_box()), self.manager,
                                                         placeholder_text=tr("ui.console.placeholder"),
                                                         object_id="#console_input")
        self.entry.hide()
        self.waiting = False
        self.shown = False           # the console's tab is the one shown in the dock

    def _entry_box(self) -> Box:
        body = self.box.below_title()
        return Box(body.x + 4, body.bottom - INPUT_H, body.w - 8, INPUT_H - 4)

    def set_box(self, box: Box) -> None:
        self.box = box
        move_element(self.entry, self._entry_box())

    def relabel(self) -> None:
        self.entry.placeholder_text = tr("ui.console.placeholder")
        self.entry.rebuild()

    def set_shown(self, shown: bool) -> None:
        """The dock shows the console's tab (True) or the helper's."""
        self.shown = shown
        if shown and self.waiting:
            self.entry.show()
        else:
            self.entry.hide()

    def shown_text(self):
        """The words a child sees on this pane now (the game's own lines are the game's)."""
        if not self.shown:
            return []
        words = [tr("ui.console.waiting")] if self.waiting else []
        if not self.lines:
            words.append(tr("ui.console.empty"))
        return words + ([self.entry.placeholder_text] if self.waiting else [])

    def set_lines(self, lines) -> None:
        """The game's console (a sequence of text pieces, each ending in a newline or not)."""
        lines = [piece.rstrip("\n").expandtabs(4) for piece in list(lines)[-MAX_LINES:]]
        if lines[:len(self.lines)] != self.lines:
            self._rows = ([], 0, 0)              # not the same lines with more after them: cut again
        self.lines = lines

    def clear(self) -> None:
        self.lines, self.scroll_back = [], 0
        self.set_waiting(False)

    def set_waiting(self, waiting: bool) -> None:
        if waiting == self.waiting:
            return
        self.waiting = waiting
        if waiting:
            self.entry.set_text("")
            if self.shown:
                self.entry.show()
        else:
            self.entry.unfocus()
            self.entry.hide()

    def take_answer(self) -> str:
        text = self.entry.get_text()
        self.entry.set_text("")
        return text

    def rows(self, cols: int) -> List[str]:
        """The lines cut into rows of at most cols characters (new lines are cut as they come)."""
        rows, done, width = self._rows
        if width != cols or done > len(self.lines):
            rows, done = [], 0
        if done < len(self.lines):
            rows = rows + [line[i:i + cols] or "" for line in self.lines[done:]
                           for i in range(0, max(1, len(line)), cols)]
            self._rows = (rows, len(self.lines), cols)
        return rows

    def scroll_pages(self, pages: int) -> None:
        """Page Up goes back through what the game printed, Page Down towards the newest line."""
        rows = max(1, (self.box.h - 40 - INPUT_H) // self.fonts.mono.get_linesize())
        self.scroll_back = max(0, min(len(self.lines), self.scroll_back - pages * rows))

    def handle_event(self, event) -> bool:
        """The wheel over the console, and Page Up / Page Down while it has the keyboard, scroll it."""
        if not self.shown:
            return False
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll_back = max(0, min(len(self.lines), self.scroll_back + event.y * 3))
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.scroll_pages(-1 if event.key == pygame.K_PAGEUP else 1)
            return True
        return False

    def action_for(self, element) -> Optional[str]:
        return "send_input" if element is self.entry else None

    def element_for(self, target: str):
        return self.entry if target == "console" else None

    def draw(self, surface) -> None:
        if not self.shown:
            return
        col = self.colours
        body = pygame.Rect(self.box.below_title())
        pygame.draw.rect(surface, col["console_bg"], body)
        text_area = body.inflate(-16, -8)
        if self.waiting:
            text_area.height -= INPUT_H
        font = self.fonts.mono
        line_h = font.get_linesize()
        cols = max(8, text_area.width // max(1, font.size("M")[0]))
        shown = self.rows(cols) if self.lines else wrap_text(tr("ui.console.empty"), font, text_area.width)
        colour = col["console_text"] if self.lines else col["title_idle"]
        first, end = visible_lines(len(shown), text_area.height, line_h, self.scroll_back)
        clip = surface.get_clip()
        surface.set_clip(text_area)
        y = text_area.y
        for line in shown[first:end]:
            surface.blit(self.fonts.text(font, line, colour), (text_area.x, y))
            y += line_h
        surface.set_clip(clip)
