"""Small copies of the library's pictures for the Pictures picker: made off the UI thread, kept for next time.

`get()` answers at once from the cache (or None: the cell shows a grey square for
a frame or two). `want()` asks the background Worker for the ones on screen; it
loads and scales them one by one and posts each as it is ready, so the first
pictures show while the rest load. A newer `want()` (the child scrolled or typed)
makes the older batch stop. The cache holds at most `limit` pictures; the ones
looked at longest ago go first.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Iterable, Optional, Tuple

import pygame

from kidcoder.background import Result, Worker

KIND = "thumbnail"
LIMIT = 120                   # about 4 MB of 96 px pictures (a page is 28)
Key = Tuple[str, int]         # (entry id, size in pixels)


def load_thumbnail(path: str, size: int) -> pygame.Surface:
    """The picture at path scaled to fit size x size (keeping its shape), on a clear square."""
    picture = pygame.image.load(path)
    w, h = picture.get_size()
    scale = size / max(1, w, h)
    scaled = pygame.transform.smoothscale(picture, (max(1, round(w * scale)), max(1, round(h * scale))))
    square = pygame.Surface((size, size), pygame.SRCALPHA)
    square.blit(scaled, ((size - scaled.get_width()) // 2, (size - scaled.get_height()) // 2))
    return square


class Thumbnails:
    """The cache of scaled pictures and the background loading of new ones."""

    def __init__(self, worker: Worker, limit: int = LIMIT):
        self._worker = worker
        self._limit = limit
        self._cache: "OrderedDict[Key, pygame.Surface]" = OrderedDict()
        self._asked: set = set()
        self._batch = 0               # the newest batch; an older one stops at its next picture

    def get(self, ident: str, size: int) -> Optional[pygame.Surface]:
        picture = self._cache.get((ident, size))
        if picture is not None:
            self._cache.move_to_end((ident, size))
        return picture

    def want(self, entries: Iterable, size: int) -> None:
        """Load these library entries' pictures at size; a new batch (for all of them not cached yet) replaces
        the one under way, unless that one already brings every picture wanted."""
        needed = [(entry.id, str(entry.source)) for entry in entries if (entry.id, size) not in self._cache]
        keys = {(ident, size) for ident, _ in needed}
        if not needed or keys <= self._asked:
            return
        self._batch += 1
        self._asked = keys
        self._worker.submit(KIND, self._load, needed, size, self._batch, lane=KIND, report=False)

    def stop(self) -> None:
        """The picker closed: the batch under way stops at its next picture."""
        self._batch += 1
        self._asked = set()

    def _load(self, missing, size: int, batch: int) -> None:
        """On the worker: each picture, posted as soon as it is made, until a newer batch comes."""
        for ident, path in missing:
            if batch != self._batch:
                return
            try:
                picture = load_thumbnail(path, size)
            except (pygame.error, OSError, ValueError):
                picture = None
            self._worker.post(Result(0, KIND, value=(ident, size, picture)), timeout=1.0)

    def result(self, result: Result) -> bool:
        """A picture made on the worker (on the UI thread): into the cache. True when it is new."""
        ident, size, picture = result.value
        self._asked.discard((ident, size))
        if picture is None:
            return False
        try:
            picture = picture.convert_alpha()        # fast to draw on the window's own surface
        except pygame.error:
            pass
        self._cache[(ident, size)] = picture
        self._cache.move_to_end((ident, size))
        while len(self._cache) > self._limit:
            self._cache.popitem(last=False)
        return True

    def __len__(self) -> int:
        return len(self._cache)
