"""The size the window opens at: pure (no pygame), and small, because it is needed before the first picture
(ui/window_open.py); ui/layout.py, which lays the panes out, loads after it."""
from __future__ import annotations

from typing import Optional, Tuple

MIN_SIZE = (800, 600)
DEFAULT_SIZE = (1200, 900)


def initial_size(desktop: Optional[Tuple[int, int]], wanted: Tuple[int, int] = DEFAULT_SIZE,
                 margin: Tuple[int, int] = (0, 60)) -> Tuple[int, int]:
    """The window size to open with: the default, shrunk to fit the screen (room for the title bar
    and a panel), never below the minimum."""
    if not desktop or desktop[0] <= 0 or desktop[1] <= 0:
        return wanted
    width = min(wanted[0], desktop[0] - margin[0])
    height = min(wanted[1], desktop[1] - margin[1])
    return max(MIN_SIZE[0], width), max(MIN_SIZE[1], height)
