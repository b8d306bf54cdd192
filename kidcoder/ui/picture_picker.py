"""The Pictures picker: big pictures from the library in a grid, each with its name in the child's language.

The pictures come from a Thumbnails cache: the picker asks for the ones on screen
(and one row more) after each drawing, and a picture that is still loading is a
soft grey square until it arrives.
"""
from __future__ import annotations

from typing import Tuple

import pygame

from kidcoder.ui.library_picker import LibraryPicker
from kidcoder.ui import library_grid as grid

NAME_H = 26


class PicturePicker(LibraryPicker):
    words = {"title": "library.pictures.title", "find": "library.pictures.find", "placeholder": "library.pictures.placeholder",
             "none": "library.pictures.none", "keys": "library.keys"}

    def __init__(self, manager, window_size, fonts, colours, lang, search, first, thumbnails):
        self.thumbnails = thumbnails
        self.picture_px = 96 if window_size[0] >= 1000 and window_size[1] >= 760 else 64
        super().__init__(manager, window_size, fonts, colours, lang, "pictures", search, first)

    def cell_size(self) -> Tuple[int, int]:
        return self.picture_px + 28, self.picture_px + NAME_H + 18

    def draw_cell(self, surface, rect: pygame.Rect, entry, selected: bool) -> None:
        words = self.draw_cell_frame(surface, rect, selected)
        size = self.picture_px
        spot = pygame.Rect(rect.centerx - size // 2, rect.y + 8, size, size)
        picture = self.thumbnails.get(entry.id, size)
        if picture is not None:
            surface.blit(picture, spot)
        else:
            pygame.draw.rect(surface, self.colours["disabled_bg"], spot.inflate(-8, -8), border_radius=10)
        name = self.fitted_name(entry.name(self.lang), self.fonts.title, rect.w - 8, words)
        surface.blit(name, (rect.centerx - name.get_width() // 2, spot.bottom + 4))

    def after_render(self) -> None:
        shown = grid.visible_range(self.shape, self.top, len(self.items), ahead_rows=1)
        self.thumbnails.want([self.items[index] for index in shown], self.picture_px)
