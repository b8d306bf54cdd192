"""Pure rectangle maths for the window: from a window size to the rectangles of every pane.

No pygame here, so the layout is tested at any size without a window. A Box is
(x, y, w, h); the app turns boxes into pygame.Rect objects.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, NamedTuple, Optional, Sequence, Tuple

from kidcoder.ui.window_size import DEFAULT_SIZE, MIN_SIZE, initial_size  # noqa: F401  (the window's size)
GAP = 6                 # space between panes
TITLE_H = 30            # the title strip at the top of each pane
TOOLBAR_ROW_H = 44
STATUS_H = 34
BUTTON_GAP = 6
CODE_W = 743            # 61 columns of code at the default text size (the starter's longest line), the numbers, the bar
RIGHT_MIN_W = 330       # the game's column: never narrower (a 3:2 game 322 pixels wide) ...
RIGHT_MAX_SHARE = 0.50  # ... nor wider than half the window
PICTURE_PAD = 4         # around the game's picture in the preview
PICTURE_MIN_H = 160
PICTURE_REST_SHARE = 0.5  # the game's picture while no game plays: half as tall (the helper gets the room)
PICTURE_REST_H = 110
PREVIEW_HINT_H = 28     # the "click to play" strip under the game's picture
CHANGE_H = 36           # the one-line "Change my game" row under the preview
DOCK_MIN_H = 200        # the helper: its tabs, a few lines of text and the question line
PICTURE_MAX_SHARE = 0.58  # on big screens the game stops growing before the helper gets short
EDITOR_PLAY_MIN_W = 560   # a game shown at its own size never leaves the editor narrower (~45 columns)


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
    """Every pane of the window. Each pane box includes its title strip.

    The helper and the console share one box, the dock: they are two tabs of it.
    `change` is the row under the game for a one-line "Change my game" box (zero height
    when the window has no pane for it).
    """
    window: Box
    toolbar: Box
    editor: Box
    helper: Box
    preview: Box
    console: Box
    status: Box
    toolbar_rows: int
    change: Box = Box(0, 0, 0, 0)
    playing: bool = False          # laid out for a game that plays: the game big, the helper smaller
    game_size: Optional[Tuple[int, int]] = None     # the playing game's size it was laid out for (None: unknown)

    @property
    def dock(self) -> Box:
        return self.helper

    def panes(self):
        return {"editor": self.editor, "helper": self.helper, "preview": self.preview, "console": self.console,
                "change": self.change}


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


def compute_layout(width: int, height: int, toolbar_rows: int = 1, change_row: bool = False,
                   code_w: int = CODE_W, playing: bool = False,
                   game_size: Optional[Tuple[int, int]] = None) -> Layout:
    """The panes for a window of this size (smaller than MIN_SIZE is laid out as MIN_SIZE, clipped).

    Left column: the editor, the whole height, at least code_w wide when the window allows
    (60 columns of code at the default text size on a 1200-wide screen).
    Right column: the game on top; under it the "Change my game" row (change_row); then the
    dock, where the helper and the console are two tabs. While a game plays (playing) the
    game is as big as the column lets a 3:2 game be (it is the child's reward) and the click-
    to-play strip is under it; otherwise the game's box is half as tall and the helper gets
    the room for an answer. A playing game whose own size (game_size) fits gets a box of
    exactly that size (see own_size_column): shown pixel for pixel, it is sharp and costs no scaling.
    """
    width, height = max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])
    window = Box(0, 0, width, height)
    toolbar = Box(0, 0, width, toolbar_rows * TOOLBAR_ROW_H)
    status = Box(0, height - STATUS_H, width, STATUS_H)
    top = toolbar.bottom + GAP
    main_h = status.y - GAP - top

    right_w = int(clamp(width - 3 * GAP - code_w, RIGHT_MIN_W, width * RIGHT_MAX_SHARE))
    change_h = CHANGE_H + GAP if change_row else 0
    hint_h = PREVIEW_HINT_H if playing else 0
    room = min(main_h * PICTURE_MAX_SHARE, main_h - change_h - GAP - DOCK_MIN_H - TITLE_H - hint_h)
    own = own_size_column(width, right_w, room, game_size) if playing else None
    if own is not None:
        right_w, game_h = own
    else:
        game_h = (right_w - 2 * PICTURE_PAD) * 2 // 3 + 2 * PICTURE_PAD      # a 3:2 game at the column's width
        game_h = int(clamp(game_h, PICTURE_MIN_H, room))
    if not playing:
        game_h = max(PICTURE_REST_H, int(game_h * PICTURE_REST_SHARE))
    left_w = width - right_w - 3 * GAP
    editor = Box(GAP, top, left_w, main_h)
    right = Box(editor.right + GAP, top, right_w, main_h)
    preview_h = TITLE_H + game_h + hint_h
    preview = Box(right.x, right.y, right.w, preview_h)
    change = Box(right.x, preview.bottom + GAP, right.w, CHANGE_H if change_row else 0)
    dock_y = preview.bottom + change_h + GAP
    dock = Box(right.x, dock_y, right.w, right.bottom - dock_y)
    return Layout(window, toolbar, editor, dock, preview, dock, status, toolbar_rows, change, playing,
                  game_size if playing else None)


def own_size_column(width: int, right_w: int, room: float,
                    game_size: Optional[Tuple[int, int]]) -> Optional[Tuple[int, int]]:
    """(column width, picture box height) that show a game of game_size at its own size, or None when it
    does not fit: the column only widens (never past leaving the editor EDITOR_PLAY_MIN_W) and the box
    is the game's height (at least PICTURE_MIN_H, at most room, which keeps the helper its height)."""
    if not game_size or game_size[0] <= 0 or game_size[1] <= 0:
        return None
    column = max(right_w, game_size[0] + 2 * PICTURE_PAD)
    box_h = max(PICTURE_MIN_H, game_size[1] + 2 * PICTURE_PAD)
    if column > right_w and width - 3 * GAP - column < EDITOR_PLAY_MIN_W:
        return None
    if box_h > room:
        return None
    return column, box_h


def picture_area(preview: Box, playing: bool) -> Box:
    """Where the game's picture may go in the preview box: under the title, above the click-to-play
    strip (there while a game plays), with a small margin."""
    body = preview.below_title()
    strip = PREVIEW_HINT_H if playing else 0
    return Box(body.x, body.y, body.w, max(0, body.h - strip)).inset(PICTURE_PAD)


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


def shown_place(area: Box, game_size) -> Tuple[Box, float]:
    """Where the game's picture goes in area, and its scale: a game that fits is shown at its own
    size, centred (no scaling costs nothing and looks best); a bigger one is scaled down to fit."""
    w, h = game_size
    if 0 < w <= area.w and 0 < h <= area.h:
        return Box(area.x + (area.w - w) // 2, area.y + (area.h - h) // 2, w, h), 1.0
    return fit_inside(area, game_size)
