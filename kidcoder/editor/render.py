"""Turning coloured lines of code into pygame surfaces, with a cache so typing redraws one line.

EditorFonts loads the bundled monospace font (assets/fonts, licence beside it)
in the three styles the themes use. LineRenderer keeps the rendered surface
of each (text, spans) pair it has seen, so scrolling and typing only render
lines that actually changed.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import List, Optional, Tuple

import pygame

from kidcoder import paths
from kidcoder.config import default
from kidcoder.editor import textops
from kidcoder.editor.highlight import Span
from kidcoder.editor.theme import SyntaxTheme, TokenStyle

FONT_FILES = {"regular": "DejaVuSansMono.ttf", "bold": "DejaVuSansMono-Bold.ttf",
              "italic": "DejaVuSansMono-Oblique.ttf"}
MIN_FONT_SIZE, MAX_FONT_SIZE = 12, 48
DEFAULT_FONT_SIZE = default("font_size")     # what Ctrl+0 goes back to
LONG_LINE = 400   # characters; longer lines are rendered in pieces around what is visible
CHUNK = 256


class EditorFonts:
    """The monospace font in regular, bold and italic at one size, and its cell size in pixels."""

    def __init__(self, size: int = DEFAULT_FONT_SIZE):
        if not pygame.font.get_init():
            pygame.font.init()
        self.size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size)))
        self._fonts = {style: self._load(name) for style, name in FONT_FILES.items()}
        self.char_width = max(1, self._fonts["regular"].size("M")[0])
        self.line_height = max(self._fonts["regular"].get_linesize(), self.size + 2)

    def _load(self, filename: str) -> pygame.font.Font:
        path = paths.assets_dir() / "fonts" / filename
        try:
            return pygame.font.Font(str(path), self.size)
        except (OSError, FileNotFoundError, pygame.error):
            return pygame.font.Font(None, self.size + 4)  # pygame's own font, never no font

    def font_for(self, style: TokenStyle) -> pygame.font.Font:
        if style.bold:
            return self._fonts["bold"]
        if style.italic:
            return self._fonts["italic"]
        return self._fonts["regular"]

    @property
    def regular(self) -> pygame.font.Font:
        return self._fonts["regular"]

    @property
    def bold(self) -> pygame.font.Font:
        return self._fonts["bold"]


def style_runs(text: str, spans: List[Span], theme: SyntaxTheme) -> List[Tuple[int, int, TokenStyle]]:
    """The line cut into runs of one style each (plain gaps included, equal neighbours merged)."""
    plain = theme.style(None)
    runs: List[Tuple[int, int, TokenStyle]] = []
    pos = 0
    for start, end, kind in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        if start > pos:
            runs.append((pos, start, plain))
        runs.append((start, end, theme.style(kind)))
        pos = end
    if pos < len(text):
        runs.append((pos, len(text), plain))
    merged: List[Tuple[int, int, TokenStyle]] = []
    for run in runs:
        if merged and merged[-1][2] == run[2] and merged[-1][1] == run[0]:
            merged[-1] = (merged[-1][0], run[1], run[2])
        else:
            merged.append(run)
    return merged


class LineRenderer:
    """Rendered lines of code on transparent surfaces, cached by text and spans."""

    def __init__(self, fonts: EditorFonts, theme: SyntaxTheme, capacity: int = 600):
        self.fonts = fonts
        self.theme = theme
        self.capacity = capacity
        self._cache: "OrderedDict[tuple, Optional[pygame.Surface]]" = OrderedDict()
        self.renders = 0  # how many lines were actually rendered (tests check the cache works)

    def clear(self) -> None:
        self._cache.clear()

    def line(self, text: str, spans: List[Span]) -> Optional[pygame.Surface]:
        """The surface for one line (None for an empty line)."""
        key = (text, tuple(spans))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        surface = self._render(text, spans)
        self._cache[key] = surface
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return surface

    def visible_part(self, text: str, spans: List[Span], left: int, cols: int
                     ) -> Tuple[Optional[pygame.Surface], int]:
        """The surface for the part of a line that can be seen, and its first screen column.

        Short lines are rendered whole; a very long line (a big list of numbers)
        only around the visible columns, so typing in it stays fast.
        """
        if len(text) <= LONG_LINE:
            return self.line(text, spans), 0
        shown = textops.expand_tabs(text)
        moved = [(textops.display_col(text, a), textops.display_col(text, b), kind) for a, b, kind in spans]
        start = (left // CHUNK) * CHUNK
        end = start + cols + CHUNK
        part = [(max(a, start) - start, min(b, end) - start, kind) for a, b, kind in moved if b > start and a < end]
        return self.line(shown[start:end], part), start

    def _render(self, text: str, spans: List[Span]) -> Optional[pygame.Surface]:
        if not text.strip():
            return None
        self.renders += 1
        cw, lh = self.fonts.char_width, self.fonts.line_height
        width = textops.display_col(text, len(text)) * cw
        surface = pygame.Surface((max(1, width), lh), pygame.SRCALPHA)
        for start, end, style in style_runs(text, spans, self.theme):
            piece = text[start:end]
            x = textops.display_col(text, start) * cw
            if "\t" in piece:
                piece = textops.expand_tabs(text[:end])[textops.display_col(text, start):]
            if not piece.strip():
                continue
            font = self.fonts.font_for(style)
            glyphs = font.render(piece, True, style.color)
            surface.blit(glyphs, (x, (lh - glyphs.get_height()) // 2))
            if style.underline:
                y = lh - max(2, lh // 10)
                pygame.draw.line(surface, style.color, (x, y), (x + len(piece) * cw - 1, y), max(1, lh // 16))
        return surface


def draw_wavy_line(surface: pygame.Surface, color, x1: int, x2: int, y: int, amplitude: int = 2) -> None:
    """A wavy underline from x1 to x2: the shape says "problem here", not only the colour."""
    step = max(2, amplitude * 2)
    points = []
    up = True
    for x in range(x1, max(x1 + step, x2) + 1, step):
        points.append((x, y - amplitude if up else y + amplitude))
        up = not up
    if len(points) >= 2:
        pygame.draw.lines(surface, color, False, points, 2)
