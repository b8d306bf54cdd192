"""The Sounds picker: every sound as a tile with a loudspeaker, and a big Play button to hear it first.

Clicking a tile plays it; Space plays the chosen one when the grid has the keyboard
(and Enter puts it in the game). Music loops are marked so a child knows they go
on and on. Playing happens in the window's process on the background Worker
(`play(entry)`), never in the child's game.
"""
from __future__ import annotations

from typing import Callable, Tuple

import pygame

from kidcoder.i18n import tr
from kidcoder.ui.dialogs import BUTTON_H, PAD
from kidcoder.ui.layout import Box
from kidcoder.ui.library_picker import LibraryPicker

PLAY = "play"


def draw_speaker(surface, centre: Tuple[int, int], size: int, colour, waves: int = 2) -> None:
    """A loudspeaker with sound waves, drawn with shapes (the UI font has no such sign)."""
    x, y = centre
    unit = size / 8
    box = pygame.Rect(0, 0, round(unit * 2), round(unit * 2.4))
    box.midright = (round(x - unit * 1.2), y)
    pygame.draw.rect(surface, colour, box)
    cone = [(box.right, box.top), (round(box.right + unit * 2.2), round(y - unit * 2.6)),
            (round(box.right + unit * 2.2), round(y + unit * 2.6)), (box.right, box.bottom)]
    pygame.draw.polygon(surface, colour, cone)
    for wave in range(waves):
        radius = round(unit * (1.4 + 1.3 * wave))
        arc = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        arc.center = (round(box.right + unit * 2.4), y)
        pygame.draw.arc(surface, colour, arc, -0.8, 0.8, max(2, round(unit * 0.55)))


class SoundPicker(LibraryPicker):
    words = {"title": "library.sounds.title", "find": "library.sounds.find", "placeholder": "library.sounds.placeholder",
             "none": "library.sounds.none", "keys": "library.sounds.keys"}
    want_size = (900, 700)

    def __init__(self, manager, window_size, fonts, colours, lang, search, first, play: Callable):
        self._play = play
        super().__init__(manager, window_size, fonts, colours, lang, "sounds", search, first)

    def cell_size(self) -> Tuple[int, int]:
        return 200, 64

    def add_left_buttons(self, y: int) -> int:
        words = tr("library.play")
        width = max(130, self.fonts.button_width(words) + 10)
        self.play_button = self.add_button(Box(PAD, y, width, BUTTON_H), words, PLAY, object_id="#run_button")
        return PAD + width + PAD

    def draw_cell(self, surface, rect: pygame.Rect, entry, selected: bool) -> None:
        words = self.draw_cell_frame(surface, rect, selected)
        draw_speaker(surface, (rect.x + 30, rect.centery), 30, words if selected else self.colours["title"])
        x = rect.x + 62
        name = self.fitted_name(entry.name(self.lang), self.fonts.button, rect.right - x - 6, words)
        if entry.role == "loop":
            tag = self.fonts.text(self.fonts.body, tr("library.music"), words)
            top = rect.centery - (name.get_height() + tag.get_height()) // 2
            surface.blit(name, (x, top))
            surface.blit(tag, (x, top + name.get_height()))
        else:
            surface.blit(name, (x, rect.centery - name.get_height() // 2))

    def press(self, element) -> None:
        if element is getattr(self, "play_button", None):
            self.played(self.current)
        else:
            super().press(element)

    def space(self) -> None:
        self.played(self.current)

    def played(self, entry) -> None:
        if entry is not None:
            self._play(entry)
