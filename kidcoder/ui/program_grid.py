"""The cards of "My programs": where each card goes (pure maths), and drawing them onto one picture.

The grid shows as many rows as fit and scrolls by rows, so a folder of 200
programs makes no more elements than a folder of 12: the dialog draws the
visible cards onto one surface each time the view changes.
"""
from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

import pygame

from kidcoder.projects.catalog import ProgramEntry, when_text
from kidcoder.projects.thumbnails import fitted_size
from kidcoder.ui.style import wrap_text

GAP = 12
THUMB_WIDTHS = (160, 136, 112, 96)        # the largest that still gives two rows of cards is used
SCROLL_W = 10


@dataclass(frozen=True)
class GridShape:
    """Card size and how many fit, for a grid area of width x height and a text line height."""
    width: int
    height: int
    line_h: int
    thumb_w: int
    columns: int
    rows: int

    @property
    def thumb_h(self) -> int:
        return self.thumb_w * 3 // 4

    @property
    def card_w(self) -> int:
        return self.thumb_w + 12

    @property
    def card_h(self) -> int:
        return self.thumb_h + 12 + 3 * self.line_h

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def card_box(self, slot: int) -> Tuple[int, int, int, int]:
        """(x, y, w, h) of the visible card in slot (0 = top left) inside the grid area."""
        row, col = divmod(slot, self.columns)
        spare = self.width - SCROLL_W - self.columns * self.card_w
        gap = max(GAP, spare // max(1, self.columns)) if self.columns > 1 else GAP
        x = gap // 2 + col * (self.card_w + gap)
        return x, GAP // 2 + row * (self.card_h + GAP), self.card_w, self.card_h

    def slot_at(self, point: Tuple[int, int]) -> Optional[int]:
        for slot in range(self.per_page):
            x, y, w, h = self.card_box(slot)
            if x <= point[0] < x + w and y <= point[1] < y + h:
                return slot
        return None


def grid_shape(width: int, height: int, line_h: int) -> GridShape:
    """The biggest cards that still show two rows (or the smallest, if even those do not)."""
    for thumb_w in THUMB_WIDTHS:
        shape = _shape(width, height, line_h, thumb_w)
        if shape.rows >= 2:
            return shape
    return _shape(width, height, line_h, THUMB_WIDTHS[-1])


def _shape(width: int, height: int, line_h: int, thumb_w: int) -> GridShape:
    probe = GridShape(width, height, line_h, thumb_w, 1, 1)
    columns = max(1, (width - SCROLL_W + GAP) // (probe.card_w + GAP))
    rows = max(1, (height + GAP) // (probe.card_h + GAP))
    return GridShape(width, height, line_h, thumb_w, columns, rows)


class CardPainter:
    """Draws the visible cards: thumbnail (or the name's first letter), the name, when it changed."""

    def __init__(self, fonts, colours, lang: str):
        self.fonts, self.colours, self.lang = fonts, colours, lang
        self._pictures: Dict[Tuple[str, int], Optional[pygame.Surface]] = {}

    def picture(self, entry: ProgramEntry, box: Tuple[int, int]) -> Optional[pygame.Surface]:
        key = (str(entry.path), box[0])
        if key not in self._pictures:
            self._pictures[key] = _decode(entry.thumbnail, box)
        return self._pictures[key]

    def paint(self, surface, shape: GridShape, entries: Sequence[ProgramEntry], first: int, selected: int,
              focused: bool, current: Optional[str], open_words: str) -> None:
        col = self.colours
        surface.fill(col["pane"])
        for slot in range(shape.per_page):
            index = first + slot
            if index >= len(entries):
                break
            self._card(surface, shape, shape.card_box(slot), entries[index], index == selected, focused,
                       current == str(entries[index].path), open_words)
        total_rows = -(-len(entries) // shape.columns)
        if total_rows > shape.rows:          # a scroll bar: where these rows are among all of them
            track = pygame.Rect(shape.width - SCROLL_W, 2, SCROLL_W - 2, shape.height - 4)
            pygame.draw.rect(surface, col["scroll"], track, border_radius=4)
            top = first // shape.columns
            thumb_h = max(20, track.h * shape.rows // total_rows)
            y = track.y + (track.h - thumb_h) * top // max(1, total_rows - shape.rows)
            pygame.draw.rect(surface, col["title"], (track.x, y, track.w, thumb_h), border_radius=4)

    def _card(self, surface, shape: GridShape, box, entry: ProgramEntry, selected: bool, focused: bool,
              is_open: bool, open_words: str) -> None:
        col, fonts = self.colours, self.fonts
        rect = pygame.Rect(box)
        pygame.draw.rect(surface, col["selected"] if selected else col["button"], rect, border_radius=8)
        pygame.draw.rect(surface, col["focus"] if selected and focused else col["border"], rect,
                         3 if selected and focused else 1, border_radius=8)
        thumb = pygame.Rect(rect.x + 6, rect.y + 6, shape.thumb_w, shape.thumb_h)
        pygame.draw.rect(surface, col["preview_bg"], thumb)
        picture = self.picture(entry, thumb.size)
        if picture is not None:
            surface.blit(picture, picture.get_rect(center=thumb.center))
        else:
            letter = fonts.big.render((entry.shown[:1] or "?").upper(), True, col["preview_text"])
            surface.blit(letter, letter.get_rect(center=thumb.center))
        text_colour = col["selected_text"] if selected else col["text"]
        y = thumb.bottom + 4
        lines = wrap_text(entry.shown, fonts.title, rect.w - 10)
        if len(lines) > 2:
            lines = [lines[0], _cut(" ".join(lines[1:]), fonts.title, rect.w - 10)]
        for line in lines[:2]:
            label = fonts.title.render(_cut(line, fonts.title, rect.w - 10), True, text_colour)
            surface.blit(label, (rect.x + 6, y))
            y += shape.line_h
        note = open_words if is_open else when_text(entry.modified, lang=self.lang)
        small = fonts.body.render(_cut(note, fonts.body, rect.w - 10), True, text_colour)
        surface.blit(small, (rect.x + 6, rect.bottom - shape.line_h - 2))


def _cut(text: str, font, width: int) -> str:
    """text, shortened with "..." to fit width pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "...")[0] > width:
        text = text[:-1]
    return text.rstrip() + "..."


def _decode(data: Optional[bytes], box: Tuple[int, int]) -> Optional[pygame.Surface]:
    """A thumbnail's PNG bytes as a surface that fits box, or None (no picture, or not a picture)."""
    if not data:
        return None
    try:
        picture = pygame.image.load(io.BytesIO(data), "thumbnail.png")
    except (pygame.error, ValueError):
        return None
    return pygame.transform.smoothscale(picture, fitted_size(picture.get_size(), box))


def encode_thumbnail(frame) -> bytes:
    """A game's frame (a pygame surface) as a small PNG for My programs."""
    if frame.get_bitsize() not in (24, 32):           # smoothscale wants 24 or 32 bits a pixel
        plain = pygame.Surface(frame.get_size(), 0, 32)
        plain.blit(frame, (0, 0))
        frame = plain
    small = pygame.transform.smoothscale(frame, fitted_size(frame.get_size()))
    # Not pygame.image.save(small, BytesIO()): pygame-ce 2.5.8 never frees the file object it writes to
    # (nor its bound methods), so each game played in one window kept one more (issue 17).
    return png_bytes(*small.get_size(), pygame.image.tobytes(small, "RGB"))


def png_bytes(width: int, height: int, rgb: bytes) -> bytes:
    """A width x height picture, 3 bytes a pixel row by row, as the bytes of a PNG file."""
    row = width * 3
    rows = b"".join(b"\0" + rgb[y * row:(y + 1) * row] for y in range(height))    # filter 0 on each row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))
