"""Opening the window, and what waits for its whole first frame: what runs before the first picture, so
pygame alone here (the splash's drawing, the panes' layout and the translations load only for the splash).

From the start of the window process (kidcoder/app.py) to the whole window's first frame Python's garbage
collector waits: building the window makes a few hundred thousand objects and almost no garbage, and the
collector walking them again and again costs about 5% of the start (window_shown() lets it run again).
"""
from __future__ import annotations

import gc
import os
from typing import Callable, List, Optional, Tuple

import pygame

from kidcoder.ui.window_size import initial_size


def desktop_size() -> Optional[Tuple[int, int]]:
    try:
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return None
    return sizes[0] if sizes else None


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


_when_shown: List[Callable[[], None]] = []


def when_shown(do: Callable[[], None]) -> None:
    """do() once, right after the whole window's first frame is on screen (ui/early.py keeps a picture of it)."""
    _when_shown.append(do)


def window_shown() -> None:
    """The whole window's first frame is on screen: the garbage collector runs again."""
    gc.enable()
    while _when_shown:
        _when_shown.pop(0)()
