"""'My programs': every program in the projects folder as a card with its last frame, newest first.

Typing finds a program (the search line always has the keyboard's letters);
arrows move between cards, Enter opens, F2 renames, Esc closes, Tab reaches the
buttons. A click chooses a card, a second click (or a double click) opens it.
The answer: result "open" or "rename" with value = the program's path, "browse"
for Another folder..., or Cancel. Built on dialogs.Dialog like the others.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.projects.catalog import ProgramEntry, search
from kidcoder.ui.dialogs import BUTTON_H, CANCEL, PAD, Dialog
from kidcoder.ui.layout import Box
from kidcoder.ui.library_grid import scrolled_to
from kidcoder.ui.program_grid import CardPainter, grid_shape

SEARCH_H = 40
COUNT_H = 26
DOUBLE_CLICK_MS = 500


class ProgramsDialog(Dialog):
    """The child's programs (ProgramEntry list, newest first) with a search line and buttons."""

    def __init__(self, manager, window_size, fonts, colours, entries: Sequence[ProgramEntry],
                 current: Optional[Path] = None, lang: str = "en", name: str = "programs"):
        super().__init__(manager, window_size, tr("files.list.title"), (980, 860), name)
        self.all: List[ProgramEntry] = list(entries)
        self.shown: List[ProgramEntry] = list(self.all)
        self.current = str(current) if current else None
        self.lang = lang
        self.painter = CardPainter(fonts, colours, lang)
        width = self.inner.width - 2 * PAD
        find_w = fonts.button_width(tr("files.list.find"), padding=12)
        pygame_gui.elements.UILabel(pygame.Rect(PAD, PAD, find_w, SEARCH_H), tr("files.list.find"), manager,
                                    container=self.container, object_id="#dialog_label")
        self.search = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(PAD + find_w, PAD, width - find_w, SEARCH_H), manager, container=self.container,
            placeholder_text=tr("files.list.search"), object_id="#program_search")
        self.search.length_limit = 60
        grid_top = PAD * 2 + SEARCH_H
        grid_h = self.inner.height - grid_top - COUNT_H - BUTTON_H - 2 * PAD
        self.shape = grid_shape(width, grid_h, fonts.title.get_linesize())
        self.canvas = pygame.Surface((width, grid_h))
        self.grid = pygame_gui.elements.UIImage(pygame.Rect(PAD, grid_top, width, grid_h), self.canvas, manager,
                                                container=self.container)
        self.count = pygame_gui.elements.UILabel(pygame.Rect(PAD, grid_top + grid_h + 2, width, COUNT_H), "",
                                                 manager, container=self.container, object_id="#dialog_label")
        self.focusables.append(self.grid)
        bottom = self.inner.height - BUTTON_H - PAD
        x = PAD
        for choice, label in (("browse", tr("ui.open.browse")), ("rename", tr("files.list.rename"))):
            w = max(130, fonts.button_width(label))
            self.add_button(Box(x, bottom, w, BUTTON_H), label, choice)
            x += w + PAD
        self.button_row([("open", tr("files.list.open")), (CANCEL, tr("ui.dialog.cancel"))], bottom, fonts)
        self.selected = 0
        self.first_row = 0
        self._query = ""
        self._last_click = (None, -DOUBLE_CLICK_MS)
        self.manager.set_focus_set(self.search)       # letters always go to the search line
        self._refresh()

    # ---- what is shown ----------------------------------------------------------------------------
    @property
    def selected_entry(self) -> Optional[ProgramEntry]:
        return self.shown[self.selected] if 0 <= self.selected < len(self.shown) else None

    def _refresh(self) -> None:
        self.first_row = scrolled_to(self.selected, self.first_row, self.shape) if self.shown else 0
        self.painter.paint(self.canvas, self.shape, self.shown, self.first_row * self.shape.columns,
                           self.selected, self.focused() is self.grid, self.current, tr("files.list.open_now"))
        self.grid.set_image(self.canvas)
        self.count.set_text(self._count_text())

    def _count_text(self) -> str:
        if not self.all:
            return tr("ui.open.none")
        if not self.shown:
            return tr("files.list.none_found", text=self._query.strip())
        first = self.first_row * self.shape.columns
        last = min(len(self.shown), first + self.shape.per_page)
        if self._query.strip():
            return tr("files.list.found", shown=len(self.shown), total=len(self.all), text=self._query.strip())
        if last - first < len(self.shown):
            return tr("files.list.showing", first=first + 1, last=last, total=len(self.shown))
        return tr("files.list.count_one") if len(self.shown) == 1 else tr("files.list.count", total=len(self.shown))

    def _filter(self) -> None:
        query = self.search.get_text()
        if query == self._query:
            return
        self._query = query
        self.shown = search(self.all, query)
        self.selected, self.first_row = 0, 0
        self._refresh()

    def select(self, index: int) -> None:
        if self.shown:
            self.selected = max(0, min(len(self.shown) - 1, index))
            self._refresh()

    # ---- keys and clicks --------------------------------------------------------------------------
    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self._click(event.pos):
            return True
        if event.type == pygame.MOUSEWHEEL and self.grid.get_abs_rect().collidepoint(pygame.mouse.get_pos()):
            self._scroll(-event.y)
            return True
        used = super().handle_event(event)
        self._filter()
        return used

    def _scroll(self, rows: int) -> None:
        total_rows = -(-len(self.shown) // self.shape.columns)
        self.first_row = max(0, min(max(0, total_rows - self.shape.rows), self.first_row + rows))
        top = self.first_row * self.shape.columns
        if not top <= self.selected < top + self.shape.per_page:
            self.selected = min(len(self.shown) - 1, top)
        self._refresh()

    def _click(self, pos) -> bool:
        area = self.grid.get_abs_rect()
        if not area.collidepoint(pos):
            return False
        slot = self.shape.slot_at((pos[0] - area.x, pos[1] - area.y))
        index = None if slot is None else self.first_row * self.shape.columns + slot
        if index is None or index >= len(self.shown):
            return True
        now = pygame.time.get_ticks()
        again = self._last_click[0] == index and now - self._last_click[1] < DOUBLE_CLICK_MS
        if index == self.selected and (again or self.focused() is self.grid):
            self.finish("open")
            return True
        self._last_click = (index, now)
        self.focus_index = self.focusables.index(self.grid)
        self.select(index)
        return True

    def key(self, event) -> bool:
        on_grid = self.focused() is self.grid
        moves = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1, pygame.K_UP: -self.shape.columns,
                 pygame.K_DOWN: self.shape.columns, pygame.K_PAGEUP: -self.shape.per_page,
                 pygame.K_PAGEDOWN: self.shape.per_page}
        if event.key in moves and (on_grid or event.key in (pygame.K_UP, pygame.K_DOWN)):
            if not on_grid:
                self.focus_index = self.focusables.index(self.grid)
            target = self.selected + moves[event.key]
            if event.key in (pygame.K_UP, pygame.K_DOWN) and not 0 <= target < len(self.shown):
                target = self.selected           # the first or last row: stay
            self.select(target)
            return True
        if event.key == pygame.K_F2:
            self.finish("rename")
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and on_grid:
            self.finish("open")
            return True
        if event.key in (pygame.K_ESCAPE, pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER):
            used = super().key(event)
            self.manager.set_focus_set(self.search)
            self._refresh()
            return used
        if event.key == pygame.K_SPACE and not on_grid:
            return super().key(event)
        return False                # letters, Backspace, Home, End: the search line's

    def _sync_text_focus(self) -> None:
        self.manager.set_focus_set(self.search)

    def draw_focus(self, surface, colour) -> None:
        if self.focused() is not self.grid:       # on the grid, the chosen card shows the focus
            super().draw_focus(surface, colour)

    def finish(self, choice: str) -> None:
        if choice in ("open", "rename"):
            entry = self.selected_entry
            if entry is None:
                return
            self.value = str(entry.path)
        super().finish(choice)
