"""The first picture: the window's panes drawn with plain pygame while pygame-gui and the panes load.

On an XO (one slow core) building the window takes seconds; a child who clicked KidCoder sees its
window at once, laid out as it will be, with "KidCoder is getting ready...", instead of nothing.
Only pygame, the theme's colours and the layout are needed here (never pygame-gui).
From the first picture to the whole window's first frame Python's garbage collector waits: building the
window makes a few hundred thousand objects and almost no garbage, and the collector walking them again
and again costs about 5% of the start (window_shown() lets it run again).
"""
from __future__ import annotations

import gc
import os
from typing import Callable, Dict, List, Optional, Tuple

import pygame

from kidcoder.i18n import tr
from kidcoder.ui.layout import Layout, compute_layout, initial_size
from kidcoder.ui.theme_files import RGB, colours, ui_font_file

TITLE_PX, WORDS_PX = 40, 20


def desktop_size() -> Optional[Tuple[int, int]]:
    try:
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return None
    return sizes[0] if sizes else None


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


def open_display(size=None, window_flags: int = 0):
    """Open the window (nothing drawn yet); the garbage collector waits until window_shown()."""
    gc.disable()
    pygame.display.init()
    pygame.font.init()
    screen = window_surface(size or initial_size(desktop_size()), window_flags)
    pygame.display.set_caption("KidCoder")
    return screen


def window_surface(size, window_flags: int = 0):
    """The window's surface at size. A window already open at that size is kept: setting the mode again
    blanks an X11 window until the next whole frame (the first picture went black for a second)."""
    # The window is drawn in software and sent to the screen; SDL's GL path for that loads a software OpenGL
    # stack (Mesa and LLVM: ~90 ms of processor time on X11, about a second on an XO, and ~100 MB) for no
    # gain. This was set only when ui/app.py was imported, after the splash had opened the window with GL.
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    screen = pygame.display.get_surface()
    wanted = pygame.RESIZABLE | window_flags
    if screen is not None and screen.get_size() == tuple(size) and screen.get_flags() & wanted == wanted:
        return screen
    return pygame.display.set_mode(size, wanted)


def show_splash(theme: str, lang: str, size=None, window_flags: int = 0, screen=None):
    """Open the window (unless screen is it) and show the first picture; returns the window's surface
    (App sets its mode again). The garbage collector waits until window_shown()."""
    screen = screen if screen is not None else open_display(size, window_flags)
    draw_splash(screen, compute_layout(*screen.get_size(), change_row=True), colours(theme), lang)
    pygame.display.flip()
    return screen


_when_shown: List[Callable[[], None]] = []


def when_shown(do: Callable[[], None]) -> None:
    """do() once, right after the whole window's first frame is on screen (ui/early.py keeps a picture of it)."""
    _when_shown.append(do)


def window_shown() -> None:
    """The whole window's first frame is on screen: the garbage collector runs again."""
    gc.enable()
    while _when_shown:
        _when_shown.pop(0)()
