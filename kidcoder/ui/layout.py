"""Pure rectangle maths for the window: from a window size to the rectangles of every pane.

No pygame here, so the layout is tested at any size without a window. A Box is
(x, y, w, h); the app turns boxes into pygame.Rect objects.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, NamedTuple, Optional, Sequence, Tuple

MIN_SIZE = (800, 600)
DEFAULT_SIZE = (1200, 900)
GAP = 6                 # space between panes
TITLE_H = 30            # the title strip at the top of each pane
TOOLBAR_ROW_H = 44
STATUS_H = 34
BUTTON_GAP = 6
CHANGE_H = 40           # the "Change my game" line under the preview (ui/change_box.py)


class Box(NamedTuple):
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def contains(self, point: Tuple[int, int]) -> bool:
        px, py = point
        return self.x <= px < self.right and self.y <= py < self.bottom

    def inset(self, dx: int, dy: Optional[int] = None) -> "Box":
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, max(0, self.w - 2 * dx), max(0, self.h - 2 * dy))

    def below_title(self, title_h: int = TITLE_H) -> "Box":
        """The part of a pane under its title strip."""
        return Box(self.x, self.y + title_h, self.w, max(0, self.h - title_h))

    def title(self, title_h: int = TITLE_H) -> "Box":
        return Box(self.x, self.y, self.w, min(self.h, title_h))


@dataclass(frozen=True)
class Layout:
    """Every pane of the window. Each pane box includes its title strip."""
    window: Box
    toolbar: Box
    editor: Box
    helper: Box
    preview: Box
    console: Box
    status: Box
    toolbar_rows: int
    change: Box = Box(0, 0, 0, 0)

    def panes(self):
        return {"editor": self.editor, "helper": self.helper, "preview": self.preview, "console": self.console,
                "change": self.change}


def initial_size(desktop: Optional[Tuple[int, int]], wanted: Tuple[int, int] = DEFAULT_SIZE,
                 margin: Tuple[int, int] = (0, 60)) -> Tuple[int, int]:
    """The window size to open with: the default, shrunk to fit the screen (room for the title bar
    and a panel), never below the minimum."""
    if not desktop or desktop[0] <= 0 or desktop[1] <= 0:
        return wanted
    width = min(wanted[0], desktop[0] - margin[0])
    height = min(wanted[1], desktop[1] - margin[1])
    return max(MIN_SIZE[0], width), max(MIN_SIZE[1], height)


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def toolbar_rows_needed(width: int, button_widths: Sequence[int], gap: int = BUTTON_GAP) -> int:
    """How many rows the toolbar buttons need at this window width (at least 1)."""
    return max(1, len(place_buttons(Box(0, 0, width, TOOLBAR_ROW_H), button_widths, gap)[1]))


def place_buttons(area: Box, button_widths: Sequence[int], gap: int = BUTTON_GAP,
                  row_h: int = TOOLBAR_ROW_H) -> Tuple[List[Box], List[List[int]]]:
    """Put buttons left to right, wrapping onto new rows; returns (boxes, rows of button indexes)."""
    boxes: List[Box] = []
    rows: List[List[int]] = [[]]
    x, row = area.x + gap, 0
    button_h = row_h - 2 * gap
    for index, width in enumerate(button_widths):
        width = min(width, max(1, area.w - 2 * gap))
        if rows[-1] and x + width > area.right - gap:
            row += 1
            rows.append([])
            x = area.x + gap
        boxes.append(Box(x, area.y + gap + row * row_h, width, button_h))
        rows[-1].append(index)
        x += width + gap
    return boxes, rows


def place_right(area: Box, button_widths: Sequence[int], gap: int = 4) -> List[Box]:
    """Buttons in one row at the right end of a strip (the status bar's view buttons), left to right."""
    x = area.right - gap - sum(button_widths) - gap * (len(button_widths) - 1)
    boxes = []
    for width in button_widths:
        boxes.append(Box(x, area.y + gap, width, max(1, area.h - 2 * gap)))
        x += width + gap
    return boxes


def compute_layout(width: int, height: int, toolbar_rows: int = 1) -> Layout:
    """The panes for a window of this size (smaller than MIN_SIZE is laid out as MIN_SIZE, clipped).

    Left column: editor on top, helper below it (the hint sits under the code it talks about).
    Right column: the game preview on top, the console below.
    """
    width, height = max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])
    window = Box(0, 0, width, height)
    toolbar = Box(0, 0, width, toolbar_rows * TOOLBAR_ROW_H)
    status = Box(0, height - STATUS_H, width, STATUS_H)
    top = toolbar.bottom + GAP
    main_h = status.y - GAP - top

    right_w = int(clamp(width * 0.45, 330, 640))
    left_w = width - right_w - 3 * GAP
    left = Box(GAP, top, left_w, main_h)
    right = Box(left.right + GAP, top, right_w, main_h)

    helper_h = int(clamp(main_h * 0.36, 170, 300))
    editor = Box(left.x, left.y, left.w, left.h - helper_h - GAP)
    helper = Box(left.x, editor.bottom + GAP, left.w, helper_h)

    # The preview is sized for a 3:2 game (600x400 is the examples' size), but keeps room for the
    # "Change my game" line under it and the console.
    preview_h = int(clamp(right.w * 2 / 3 + TITLE_H, 200, main_h - 150 - CHANGE_H - 2 * GAP))
    preview = Box(right.x, right.y, right.w, preview_h)
    change = Box(right.x, preview.bottom + GAP, right.w, CHANGE_H)
    console = Box(right.x, change.bottom + GAP, right.w, right.bottom - change.bottom - GAP)
    return Layout(window, toolbar, editor, helper, preview, console, status, toolbar_rows, change)


def fit_inside(area: Box, size: Tuple[int, int]) -> Tuple[Box, float]:
    """The largest box of the game's aspect ratio inside area, centred, and its scale (never above 2x).

    Returns (box, scale); a zero size gives the whole area and scale 1.
    """
    game_w, game_h = size
    if game_w <= 0 or game_h <= 0 or area.w <= 0 or area.h <= 0:
        return area, 1.0
    scale = min(area.w / game_w, area.h / game_h, 2.0)
    w, h = max(1, int(game_w * scale)), max(1, int(game_h * scale))
    return Box(area.x + (area.w - w) // 2, area.y + (area.h - h) // 2, w, h), scale


def to_game(point: Tuple[int, int], shown: Box, size: Tuple[int, int]) -> Tuple[int, int]:
    """A window point over the preview as a point in the game's own pixels (clamped to the game)."""
    game_w, game_h = size
    if shown.w <= 0 or shown.h <= 0:
        return 0, 0
    gx = int((point[0] - shown.x) * game_w / shown.w)
    gy = int((point[1] - shown.y) * game_h / shown.h)
    return int(clamp(gx, 0, game_w - 1)), int(clamp(gy, 0, game_h - 1))


def visible_lines(total: int, area_h: int, line_h: int, scroll_from_end: int = 0) -> Tuple[int, int]:
    """Which lines (first, end) of a bottom-anchored list fit in area_h, scrolled back by scroll_from_end."""
    rows = max(1, area_h // max(1, line_h))
    end = max(0, total - max(0, scroll_from_end))
    return max(0, end - rows), end
