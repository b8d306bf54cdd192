"""The console pane: what the game prints, and a line to type into when the program calls input().

It is a tab of the dock under the game, beside the helper's (the helper pane draws
the tabs; dock.py decides which shows). Lines are drawn with the monospaced font
(only the visible ones); the input line is a pygame-gui UITextEntryLine that appears
while the game waits for an answer. It is made the first time a game asks (not with the window: on one
slow core its rounded box costs more than a toolbar button, for a line most windows never show).
"""
from __future__ import annotations

from typing import List, Optional

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.runner.console_text import short_console
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
        self.lines: List[str] = []        # what is shown: the short text, or the whole one
        self.whole_lines: List[str] = []  # everything the game printed, tracebacks in full
        self.short_lines: Optional[List[str]] = None   # the text with its tracebacks made short, if any
        self.show_whole = False
        self.scroll_back = 0
        self._wrap_key, self._wrap = None, []
        self._entry = None
        self.waiting = False
        self.shown = False           # the console's tab is the one shown in the dock

    @property
    def entry(self):
        """The input line, made the first time it is needed."""
        if self._entry is None:
            self._entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(self._entry_box()), self.manager,
                                                              placeholder_text=tr("ui.console.placeholder"),
                                                              object_id="#console_input")
            self._entry.hide()
        return self._entry

    def _entry_box(self) -> Box:
        body = self.box.below_title()
        return Box(body.x + 4, body.bottom - INPUT_H, body.w - 8, INPUT_H - 4)

    def set_box(self, box: Box) -> None:
        self.box = box
        if self._entry is not None:
            move_element(self._entry, self._entry_box())

    def relabel(self) -> None:
        if self._entry is not None:
            self._entry.placeholder_text = tr("ui.console.placeholder")
            self._entry.rebuild()

    def set_shown(self, shown: bool) -> None:
        """The dock shows the console's tab (True) or the helper's."""
        self.shown = shown
        if shown and self.waiting:
            self.entry.show()
        elif self._entry is not None:
            self._entry.hide()

    def shown_text(self):
        """The words a child sees on this pane now (the game's own lines are the game's)."""
        if not self.shown:
            return []
        words = [tr("ui.console.waiting")] if self.waiting else []
        if not self.lines:
            words.append(tr("ui.console.empty"))
        if self.short_lines is not None:
            words.append(tr("files.console.short_hint" if self.show_whole else "files.console.whole_hint"))
        return words + ([self.entry.placeholder_text] if self.waiting else [])

    def set_lines(self, lines, program=None, shown_name: Optional[str] = None) -> None:
        """The game's console (a sequence of text pieces, each ending in a newline or not); a traceback
        in it is shown short (file name, line, code, message) unless the child asked for the whole text."""
        pieces = list(lines)[-MAX_LINES:]
        self.whole_lines = [piece.rstrip("\n") for piece in pieces]
        self.short_lines = None
        if any('File "' in piece for piece in pieces):
            short, changed = short_console(pieces, str(program) if program else None, shown_name)
            self.short_lines = short if changed else None
        self._choose_lines()

    def _choose_lines(self) -> None:
        self.lines = self.whole_lines if self.show_whole or self.short_lines is None else self.short_lines

    def _wrapped(self, width: int) -> List[str]:
        """The shown lines cut to the console's width (the font is monospaced), so nothing hides past
        the right edge; remembered until the lines or the width change."""
        columns = max(10, width // max(1, self.fonts.mono.size("M")[0]))
        key = (id(self.lines), len(self.lines), self.lines[-1] if self.lines else "", columns)
        if key != self._wrap_key:
            self._wrap_key = key
            self._wrap = [piece for raw in self.lines for piece in wrap_columns(raw.expandtabs(4)[:2000], columns)]
        return self._wrap

    def toggle_whole(self) -> None:
        """Show the whole text of an error (every file and line), or the short one again."""
        self.show_whole = not self.show_whole
        self.scroll_back = 0
        self._choose_lines()

    def clear(self) -> None:
        self.lines, self.whole_lines, self.short_lines, self.scroll_back = [], [], None, 0
        self.set_waiting(False)

    def set_waiting(self, waiting: bool) -> None:
        if waiting == self.waiting:
            return
        self.waiting = waiting
        if waiting:
            self.entry.set_text("")
            if self.shown:
                self.entry.show()
        elif self._entry is not None:
            self._entry.unfocus()
            self._entry.hide()

    def take_answer(self) -> str:
        text = self.entry.get_text()
        self.entry.set_text("")
        return text

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
        return "send_input" if element is not None and element is self._entry else None

    def element_for(self, target: str):
        return self.entry if target == "console" else None

    def looks(self) -> tuple:
        return (self.focused, self.box, self.shown, self.waiting, len(self.lines), self.lines[-1:],
                self.scroll_back, self.show_whole)

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
        if self.short_lines is not None:     # the dock's tab is the title: the F12 hint is the first row
            hint = tr("files.console.short_hint" if self.show_whole else "files.console.whole_hint")
            surface.blit(self.fonts.text(self.fonts.body, hint, col["title_idle"]), (text_area.x, text_area.y))
            text_area.y += self.fonts.body.get_linesize()
            text_area.height -= self.fonts.body.get_linesize()
        shown = self._wrapped(text_area.width) or wrap_text(tr("ui.console.empty"), self.fonts.mono, text_area.width)
        colour = col["console_text"] if self.lines else col["title_idle"]
        first, end = visible_lines(len(shown), text_area.height, line_h, self.scroll_back)
        clip = surface.get_clip()
        surface.set_clip(text_area.clip(clip))
        y = text_area.y
        for line in shown[first:end]:
            surface.blit(self.fonts.text(font, line, colour), (text_area.x, y))
            y += line_h
        surface.set_clip(clip)


def wrap_columns(line: str, columns: int) -> List[str]:
    """A line cut into pieces of at most columns characters, at a space when there is one; the
    pieces after the first are indented a little more than the line, so they read as its rest."""
    indent = " " * min(columns // 3, len(line) - len(line.lstrip(" ")) + 2)
    pieces = []
    while len(line) > columns:
        cut = line.rfind(" ", columns // 2, columns + 1)
        cut = cut if cut > 0 else columns
        pieces.append(line[:cut].rstrip())
        line = indent + line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces
