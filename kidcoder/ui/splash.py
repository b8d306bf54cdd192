"""The first picture: the window's panes drawn with plain pygame while pygame-gui and the panes load.

On an XO (one slow core) building the window takes seconds; a child who clicked KidCoder sees its
window at once, laid out as it will be, with "KidCoder is getting ready...", instead of nothing.
Only pygame, the theme's colours and the layout are needed here (never pygame-gui).
The garbage collector waits meanwhile (ui/window_open.py, which opens the window).
"""
from __future__ import annotations

from typing import Dict

import pygame

from kidcoder.i18n import tr
from kidcoder.ui.layout import Layout, compute_layout
from kidcoder.ui.theme_files import RGB, colours, ui_font_file
from kidcoder.ui.window_open import (desktop_size, open_display, when_shown, window_shown,  # noqa: F401
                                     window_surface)      # (app.py and the tests take these from here too)

TITLE_PX, WORDS_PX = 40, 20


def draw_splash(surface, layout: Layout, colour: Dict[str, RGB], lang: str) -> None:
    """The panes as empty boxes with their title strips, and the name and a kind word in the editor."""
    surface.fill(colour["background"])
    for box, body in ((layout.editor, "pane"), (layout.preview, "preview_bg"), (layout.dock, "pane")):
        pygame.draw.rect(surface, colour[body], box)
        pygame.draw.rect(surface, colour["title_idle"], box.title())
    pygame.draw.rect(surface, colour["status"], layout.status)
    centre = (layout.editor.x + layout.editor.w // 2, layout.editor.y + layout.editor.h // 3)
    big = pygame.font.Font(ui_font_file(bold=True), TITLE_PX).render("KidCoder", True, colour["title"])
    small = pygame.font.Font(ui_font_file(), WORDS_PX).render(tr("ui.splash.ready", lang=lang), True, colour["text"])
    surface.blit(big, big.get_rect(center=centre))
    surface.blit(small, small.get_rect(center=(centre[0], centre[1] + TITLE_PX)))


def show_splash(theme: str, lang: str, size=None, window_flags: int = 0, screen=None):
    """Open the window (unless screen is it) and show the first picture; returns the window's surface
    (App sets its mode again). The garbage collector waits until window_shown()."""
    screen = screen if screen is not None else open_display(size, window_flags)
    draw_splash(screen, compute_layout(*screen.get_size(), change_row=True), colours(theme), lang)
    pygame.display.flip()
    return screen
