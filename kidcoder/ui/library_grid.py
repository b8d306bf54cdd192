"""The pickers' grid of pictures or sounds, as numbers (pure, no pygame): cells, moving, scrolling.

A grid shows `count` items in rows of `columns` cells, `rows` of them at a time,
starting at row `top`. The arrow keys move the selection; the grid scrolls so the
selected item is always on screen.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

GAP = 8


@dataclass(frozen=True)
class GridShape:
    """How the grid fits its area: cell size, columns and whole rows shown."""
    cell_w: int
    cell_h: int
    columns: int
    rows: int

    @property
    def page(self) -> int:
        return self.columns * self.rows


def fit_grid(width: int, height: int, min_cell_w: int, cell_h: int, gap: int = GAP) -> GridShape:
    """As many columns of at least min_cell_w as fit width (cells stretch to fill it), and whole rows."""
    columns = max(1, (width - gap) // (min_cell_w + gap))
    cell_w = (width - gap) // columns - gap
    rows = max(1, (height - gap) // (cell_h + gap))
    return GridShape(cell_w, cell_h, columns, rows)


def cell_box(shape: GridShape, index: int, top: int, gap: int = GAP) -> Optional[Tuple[int, int, int, int]]:
    """(x, y, w, h) of item index inside the grid area, or None when it is scrolled out of sight."""
    row, column = divmod(index, shape.columns)
    row -= top
    if not 0 <= row < shape.rows:
        return None
    return (gap + column * (shape.cell_w + gap), gap + row * (shape.cell_h + gap), shape.cell_w, shape.cell_h)


def item_at(shape: GridShape, point: Tuple[int, int], top: int, count: int, gap: int = GAP) -> Optional[int]:
    """The item under a point of the grid area (or None: a gap, or past the last item)."""
    x, y = point
    column, into_x = divmod(x - gap, shape.cell_w + gap)
    row, into_y = divmod(y - gap, shape.cell_h + gap)
    if x < gap or y < gap or column >= shape.columns or row >= shape.rows:
        return None
    if into_x >= shape.cell_w or into_y >= shape.cell_h:
        return None
    index = (top + row) * shape.columns + column
    return index if index < count else None


MOVES = {"left": -1, "right": 1}


def moved(index: int, step: str, shape: GridShape, count: int) -> Optional[int]:
    """Where the selection goes for a key: left/right/up/down/page_up/page_down/home/end.

    None means "off the top" (up from the first row: the search line takes the keyboard).
    """
    if count <= 0:
        return None if step == "up" else 0
    if step in MOVES:
        return max(0, min(count - 1, index + MOVES[step]))
    if step == "up":
        return index - shape.columns if index >= shape.columns else None
    if step == "down":
        below = index + shape.columns
        last_row_start = (count - 1) // shape.columns * shape.columns
        return below if below < count else (count - 1 if index < last_row_start else index)
    if step == "page_up":
        return max(0, index - shape.page)
    if step == "page_down":
        return min(count - 1, index + shape.page)
    if step == "home":
        return 0
    if step == "end":
        return count - 1
    return index


def scrolled_to(index: int, top: int, shape: GridShape) -> int:
    """The first row to show so that item index is on screen (top itself when it already is)."""
    row = index // shape.columns
    if row < top:
        return row
    if row >= top + shape.rows:
        return row - shape.rows + 1
    return top


def clamp_top(top: int, shape: GridShape, count: int) -> int:
    """A first row between 0 and the one that shows the last row at the bottom."""
    total_rows = (count + shape.columns - 1) // shape.columns
    return max(0, min(top, total_rows - shape.rows))


def visible_range(shape: GridShape, top: int, count: int, ahead_rows: int = 0) -> range:
    """The items on screen, plus ahead_rows more rows below (to load their pictures early)."""
    first = top * shape.columns
    return range(first, min(count, first + shape.page + ahead_rows * shape.columns))
