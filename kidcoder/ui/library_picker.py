"""What the Pictures and Sounds pickers share: a search line, a grid of what was found, and the buttons.

The child types a name (in English or Spanish) and the grid shows what fits; the
arrows move the choice, Enter puts it in the game, Esc closes. Letters typed while
the grid has the keyboard go to the search line. Searching runs on the background
Worker (the picker asks through `search(text)` and gets `show_results()` back),
so typing never waits. Enter pressed before the answer for the newest letters has
come waits for it, so "cat" + Enter adds the cat. The grid is one picture
(a UIImage) drawn again only when something in it changed.
"""
from __future__ import annotations

import time
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.making import code_lines
from kidcoder.ui import library_grid as grid
from kidcoder.ui.dialogs import BUTTON_H, CANCEL, PAD, Dialog
from kidcoder.ui.layout import Box

INSERT = "insert"
SEARCH_H = 40
DOUBLE_CLICK_S = 0.45
SCROLL_W = 10
CODE_LINE_H = 19
KEY_STEPS = {pygame.K_LEFT: "left", pygame.K_RIGHT: "right", pygame.K_UP: "up", pygame.K_DOWN: "down",
             pygame.K_PAGEUP: "page_up", pygame.K_PAGEDOWN: "page_down", pygame.K_HOME: "home", pygame.K_END: "end"}


class LibraryPicker(Dialog):
    """The shared picker. A subclass sets its size and cells (cell_size, draw_cell) and may add buttons."""

    words = {"title": "", "find": "", "placeholder": "", "none": "", "keys": ""}      # i18n keys, set by each picker
    want_size = (1000, 780)

    def __init__(self, manager, window_size, fonts, colours: Dict[str, tuple], lang: str, name: str,
                 search: Callable[[str], None], first: Sequence):
        super().__init__(manager, window_size, tr(self.words["title"]), self.want_size, name)
        self.fonts, self.colours, self.lang = fonts, colours, lang
        self._search = search
        self.items: List = list(first)
        self.selected = 0
        self.top = 0
        self.value: Optional[str] = None            # the chosen entry's id, when result == INSERT
        self.chosen = None                          # ... and the entry itself
        self._shown_query = ""                      # the query whose results the grid shows
        self._asked_query = ""                      # the newest query sent to the search
        self._insert_when_found = False
        self._dirty = True
        self._last_click: Tuple[float, int] = (0.0, -1)
        width = self.inner.width - 2 * PAD
        find = tr(self.words["find"])
        find_w = fonts.button_width(find, 16)
        pygame_gui.elements.UILabel(pygame.Rect(PAD, PAD, find_w, SEARCH_H), find, manager, container=self.container)
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(PAD + find_w, PAD, width - find_w, SEARCH_H),
                                                         manager, container=self.container,
                                                         placeholder_text=tr(self.words["placeholder"]))
        self.entry.length_limit = 40
        board_y = PAD + SEARCH_H + 10
        board_h = self.inner.height - board_y - BUTTON_H - 2 * PAD
        self.board_rect = pygame.Rect(PAD, board_y, width, board_h)
        cell_w, cell_h = self.cell_size()
        self.code_h = self.code_strip_height(board_h, cell_h)
        self.shape = grid.fit_grid(width - SCROLL_W, board_h - self.code_h, cell_w, cell_h)
        self.board = pygame_gui.elements.UIImage(self.board_rect, pygame.Surface(self.board_rect.size),
                                                 manager, container=self.container)
        self.focusables.append(self.entry)
        self.focusables.append(self.board)
        self.add_buttons()
        self._sync_text_focus()

    # ---- what a picker sets ---------------------------------------------------------------------
    def cell_size(self) -> Tuple[int, int]:
        """(smallest cell width, cell height) for this dialog's size."""
        raise NotImplementedError

    def draw_cell(self, surface, rect: pygame.Rect, entry, selected: bool) -> None:
        raise NotImplementedError

    def add_buttons(self) -> None:
        """The bottom row: the picker's own buttons on the left, a key hint, "Put it in my game" and Cancel."""
        y = self.inner.height - BUTTON_H - PAD
        left = self.add_left_buttons(y)
        insert_w = max(150, self.fonts.button_width(tr("library.insert")))
        cancel_w = max(110, self.fonts.button_width(tr("ui.dialog.cancel")))
        x = self.inner.width - PAD - cancel_w
        self.insert_button = self.add_button(Box(x - PAD - insert_w, y, insert_w, BUTTON_H), tr("library.insert"),
                                             INSERT)
        self.add_button(Box(x, y, cancel_w, BUTTON_H), tr("ui.dialog.cancel"), CANCEL)
        hint_right = x - 2 * PAD - insert_w
        if hint_right - left > 120:
            pygame_gui.elements.UILabel(pygame.Rect(left, y, hint_right - left, BUTTON_H), tr(self.words["keys"]),
                                        self.manager, container=self.container, object_id="@hint_label")

    def add_left_buttons(self, y: int) -> int:
        """Buttons at the bottom left (the Sounds picker's Play); returns where the space after them starts."""
        return PAD

    def code_strip_height(self, board_h: int, cell_h: int) -> int:
        """Room under the grid for the lines that will go into the code, when three rows still fit above it."""
        strip = 2 * PAD + 4 * CODE_LINE_H
        return strip if board_h - strip >= 3 * (cell_h + grid.GAP) + grid.GAP else 0

    def played(self, entry) -> None:
        """A sound picker plays the sound clicked; pictures do nothing."""

    # ---- searching --------------------------------------------------------------------------------
    @property
    def query(self) -> str:
        return self.entry.get_text().strip()

    def update(self) -> None:
        """Once a frame (the window calls it): ask for a search when the text changed, draw if needed."""
        if self.query != self._asked_query:
            self._asked_query = self.query
            self._search(self._asked_query)
        if self._dirty:
            self._dirty = False
            self.render()

    def show_results(self, query: str, entries: Sequence) -> None:
        """The search's answer; an answer for older text is dropped (a newer one is on its way)."""
        if query != self.query:
            return
        self._shown_query = query
        self.items = list(entries)
        self.selected, self.top = 0, 0
        self._dirty = True
        if self._insert_when_found:
            self._insert_when_found = False
            self.insert()

    @property
    def current(self):
        return self.items[self.selected] if 0 <= self.selected < len(self.items) else None

    def changed(self) -> None:
        """Something drawn in the grid changed (a picture arrived): draw it again next frame."""
        self._dirty = True

    # ---- choosing ---------------------------------------------------------------------------------
    def insert(self) -> None:
        """Put the chosen entry in the game; wait first when the grid still shows older letters' results."""
        if self.query != self._shown_query:
            self._insert_when_found = True
            return
        if self.current is not None:
            self.chosen = self.current
            self.value = self.current.id
            self.result = INSERT

    def select(self, index: Optional[int]) -> None:
        if index is None or not self.items:
            return
        self.selected = max(0, min(len(self.items) - 1, index))
        self.top = grid.scrolled_to(self.selected, self.top, self.shape)
        self._dirty = True

    def press(self, element) -> None:
        if element is self.board:
            self.insert()
        elif self.choice_of.get(element) == INSERT:
            self.insert()
        else:
            super().press(element)

    def press_default(self) -> None:
        self.insert()

    def _sync_text_focus(self) -> None:
        super()._sync_text_focus()
        self._dirty = True              # the chosen cell is brighter while the grid has the keyboard

    # ---- events -----------------------------------------------------------------------------------
    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.MOUSEWHEEL and self.board.get_abs_rect().collidepoint(pygame.mouse.get_pos()):
            self.top = grid.clamp_top(self.top - event.y, self.shape, len(self.items))
            self._dirty = True
            return True
        if event.type == pygame.TEXTINPUT and self.focused() is not self.entry:
            self._type_into_search(event.text)
            return True
        return super().handle_event(event)

    def _type_into_search(self, text: str) -> None:
        """Letters typed on the grid or a button go to the search line (and it takes the keyboard)."""
        self.focus_index = self.focusables.index(self.entry)
        self._sync_text_focus()
        self.entry.set_text((self.entry.get_text() + text)[:self.entry.length_limit])

    def _click(self, pos) -> bool:
        board = self.board.get_abs_rect()
        if not board.collidepoint(pos):
            return False
        index = grid.item_at(self.shape, (pos[0] - board.x, pos[1] - board.y), self.top, len(self.items))
        if index is None:
            return True
        self.focus_index = self.focusables.index(self.board)
        self._sync_text_focus()
        now = time.monotonic()
        again = self._last_click[1] == index and now - self._last_click[0] < DOUBLE_CLICK_S
        self._last_click = (now, index)
        self.select(index)
        if again:
            self.insert()
        else:
            self.played(self.current)
        return True

    def key(self, event) -> bool:
        focused = self.focused()
        step = KEY_STEPS.get(event.key)
        if event.key == pygame.K_ESCAPE:
            self.finish(CANCEL)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and focused in (self.entry, self.board):
            self.insert()
        elif focused is self.entry and event.key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.focus_index = self.focusables.index(self.board)
            self._sync_text_focus()
        elif focused is self.entry and event.key == pygame.K_UP:
            pass
        elif focused is self.board and step is not None:
            target = grid.moved(self.selected, step, self.shape, len(self.items))
            if target is None:                   # up from the top row: back to the search line
                self.focus_index = self.focusables.index(self.entry)
                self._sync_text_focus()
            else:
                self.select(target)
        elif focused is self.board and event.key == pygame.K_SPACE:
            self.space()
        else:
            return super().key(event)
        return True

    def space(self) -> None:
        """Space on the grid: a picture goes in, a sound plays."""
        self.insert()

    # ---- drawing ----------------------------------------------------------------------------------
    def render(self) -> None:
        colours = self.colours
        surface = pygame.Surface(self.board_rect.size)
        surface.fill(colours["pane"])
        pygame.draw.rect(surface, colours["border"], surface.get_rect(), 1)
        if not self.items:
            self._draw_message(surface)
        else:
            for index in grid.visible_range(self.shape, self.top, len(self.items)):
                box = grid.cell_box(self.shape, index, self.top)
                self.draw_cell(surface, pygame.Rect(box), self.items[index], index == self.selected)
            self._draw_scroll_bar(surface)
        if self.code_h:
            self._draw_code(surface)
        self.board.set_image(surface)
        self.after_render()

    def after_render(self) -> None:
        """After drawing (the Pictures picker asks for the pictures it did not have yet)."""

    def cell_colours(self, selected: bool) -> Tuple[tuple, tuple]:
        """(background, words) of a cell; the chosen one stands out, brighter when the grid has the keyboard."""
        colours = self.colours
        if selected and self.focused() is self.board:
            return colours["selected"], colours["selected_text"]
        if selected:
            return colours["selection"], colours["text"]
        return colours["button"], colours["text"]

    def draw_cell_frame(self, surface, rect: pygame.Rect, selected: bool) -> tuple:
        """The cell's rounded box; returns the colour of its words."""
        background, words = self.cell_colours(selected)
        pygame.draw.rect(surface, background, rect, border_radius=8)
        border = self.colours["focus"] if selected else self.colours["border"]
        pygame.draw.rect(surface, border, rect, 3 if selected else 1, border_radius=8)
        return words

    def fitted_name(self, text: str, font, width: int, colour) -> pygame.Surface:
        """A name that fits width (cut with "..." when it is too long)."""
        while text and font.size(text)[0] > width:
            text = text[:-2].rstrip() + "\u2026" if len(text) > 2 else ""
        return self.fonts.text(font, text, colour)

    def _draw_message(self, surface) -> None:
        query = self.query
        key = "library.one_letter" if len(query) == 1 else self.words["none"]
        y = 40
        for number, line in enumerate(tr(key, query=query).split("\n")):
            text = self.fonts.text(self.fonts.body if number else self.fonts.big, line, self.colours["text"])
            surface.blit(text, ((surface.get_width() - text.get_width()) // 2, y))
            y += text.get_height() + 10

    def _draw_scroll_bar(self, surface) -> None:
        total_rows = (len(self.items) + self.shape.columns - 1) // self.shape.columns
        if total_rows <= self.shape.rows:
            return
        track = pygame.Rect(surface.get_width() - SCROLL_W - 2, grid.GAP, SCROLL_W - 2,
                            surface.get_height() - self.code_h - 2 * grid.GAP)
        pygame.draw.rect(surface, self.colours["button"], track, border_radius=4)
        thumb_h = max(24, track.h * self.shape.rows // total_rows)
        y = track.y + (track.h - thumb_h) * self.top // max(1, total_rows - self.shape.rows)
        pygame.draw.rect(surface, self.colours["scroll"], pygame.Rect(track.x, y, track.w, thumb_h), border_radius=4)

    def _draw_code(self, surface) -> None:
        """The lines the chosen entry will add, so the child sees what happens to the program."""
        entry = self.current
        top = surface.get_height() - self.code_h
        pygame.draw.line(surface, self.colours["border"], (PAD, top), (surface.get_width() - PAD, top))
        if entry is None:
            return
        label = self.fonts.text(self.fonts.body, tr("library.adds", name=entry.name(self.lang)), self.colours["muted"])
        surface.blit(label, (PAD, top + PAD // 2))
        y = top + PAD // 2 + label.get_height() + 2
        for line in code_preview(entry, self.lang):
            text = self.fonts.text(self.fonts.mono, line, self.colours["text"])
            surface.blit(text, (PAD + 10, y))
            y += CODE_LINE_H


def code_preview(entry, lang: str) -> List[str]:
    """The lines a picked entry adds to a usual program (code_lines decides the real places)."""
    variable = code_lines.variable_for(entry, lang)
    lines = list(code_lines.load_lines(entry, entry.project_path, variable, after_set_mode=True))
    use = code_lines.use_line(entry, variable, "screen")
    return lines + ([use] if use else [])
