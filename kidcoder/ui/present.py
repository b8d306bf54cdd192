"""Show a drawn frame on the screen, sending only the parts that changed since the last frame.

On a software display (Xvfb, old school laptops without a GPU driver) pushing the
whole 1200x900 window costs 10-30 ms a frame, more than everything else together.
A running game or a typed letter changes a small part of it. Each row of each
vertical strip (the layout's columns) gets a CRC; rows whose CRC changed since the
last frame are sent as a few rectangles. Keeping CRCs, not a copy of the last
frame, saves the memory of two full frames.
"""
from __future__ import annotations

import zlib
from typing import List, Optional, Sequence, Tuple

import pygame

MERGE_ROWS = 8          # runs of changed rows closer than this are sent as one rectangle
Run = Tuple[int, int]   # (first row, end row)


def row_hashes(buf, pitch: int, height: int, x0: int, x1: int, bytes_per_pixel: int = 4) -> List[int]:
    """A CRC of columns x0..x1 of every row of a frame buffer (bytes or a memoryview of bytes)."""
    a, b = x0 * bytes_per_pixel, x1 * bytes_per_pixel
    return [zlib.crc32(buf[y * pitch + a:y * pitch + b]) for y in range(height)]


def changed_runs(cur: Sequence[int], prev: Sequence[int], merge: int = MERGE_ROWS) -> List[Run]:
    """Runs of rows whose hashes differ; runs closer than `merge` rows are joined (pure)."""
    runs: List[Run] = []
    for y, (now, before) in enumerate(zip(cur, prev)):
        if now == before:
            continue
        if runs and y - runs[-1][1] < merge:
            runs[-1] = (runs[-1][0], y + 1)
        else:
            runs.append((y, y + 1))
    return runs


class Presenter:
    """present(surface, splits) updates the display where the surface changed; returns the rects sent."""

    def __init__(self):
        self._hashes: Optional[List[List[int]]] = None
        self._shape = None
        self._touched: set = set()     # rects sent by others since the last present (the game's picture: the
                                       # same rect 60 times a second, so it is noted, not applied, each time)

    def forget(self) -> None:
        """The next frame goes out whole (after a resize, a theme change, or the window being covered)."""
        self._hashes = None
        self._touched.clear()

    def touched(self, rect) -> None:
        """rect was sent to the screen by someone else: its rows are sent again next frame, whatever they hold."""
        if self._hashes is not None:
            self._touched.add(tuple(rect))

    def _forget_touched(self) -> None:
        """The rows of the rects sent by others will be sent again."""
        for rect in map(pygame.Rect, self._touched):
            self._forget_rows(rect)
        self._touched.clear()

    def _forget_rows(self, rect) -> None:
        edges = self._shape[4]
        for strip, (x0, x1) in zip(self._hashes, zip(edges, edges[1:])):
            if x0 < rect.right and rect.x < x1:
                first, end = max(0, rect.y), min(len(strip), rect.bottom)
                if end > first:
                    strip[first:end] = [-1] * (end - first)

    def present(self, surface, splits: Sequence[int]) -> list:
        width, height = surface.get_size()
        bpp = surface.get_bytesize()
        edges = sorted({0, width, *[x for x in splits if 0 < x < width]})
        shape = (width, height, surface.get_pitch(), bpp, tuple(edges))
        view = surface.get_view("0")
        buf = memoryview(view).cast("B")
        try:
            hashes = [row_hashes(buf, shape[2], height, x0, x1, bpp) for x0, x1 in zip(edges, edges[1:])]
        finally:
            buf.release()
            del view                   # unlock the surface before the display reads it
        if self._hashes is None or shape != self._shape:
            self._hashes, self._shape = hashes, shape
            self._touched.clear()
            pygame.display.flip()
            return [pygame.Rect(0, 0, width, height)]
        self._forget_touched()
        rects = []
        for (x0, x1), now, before in zip(zip(edges, edges[1:]), hashes, self._hashes):
            for first, end in changed_runs(now, before):
                rects.append(pygame.Rect(x0, first, x1 - x0, end - first))
        self._hashes = hashes
        if rects:
            pygame.display.update(rects)
        return rects
