"""Clipboards the editor buffer can copy to: one inside the app, one shared with the system.

The buffer only needs an object with get() -> str and put(text). The system
clipboard goes through pygame (imported lazily, so the buffer stays free of
pygame) and falls back to the in-app one when the video driver has none.
"""
from __future__ import annotations


class InAppClipboard:
    """A clipboard that lives only inside KidCoder (tests, or machines without a system clipboard)."""

    def __init__(self, text: str = ""):
        self._text = text

    def get(self) -> str:
        return self._text

    def put(self, text: str) -> None:
        self._text = text


class SystemClipboard:
    """The computer's clipboard through pygame.scrap; copies are also kept in-app in case it fails."""

    def __init__(self):
        self._fallback = InAppClipboard()
        self._last_put = None

    def get(self) -> str:
        try:
            import pygame   # lazy: buffer.py imports this module and must stay pygame-free
            text = pygame.scrap.get_text()
        except Exception:  # no display, dummy driver or no clipboard support
            return self._fallback.get()
        if not text and self._last_put is not None:
            # Some drivers accept put_text but read back nothing: trust our own copy then.
            return self._fallback.get()
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def put(self, text: str) -> None:
        self._fallback.put(text)
        self._last_put = text
        try:
            import pygame   # lazy: see get()
            pygame.scrap.put_text(text)
        except Exception:
            pass
