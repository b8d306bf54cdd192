"""A window's keyboard and mouse as protocol messages for the game: one translation for both windows.

The studio's preview pane and `kidcoder run`'s plain viewer both send the game what
happens in their window: keys (with their text), typed text, the mouse in the game's
own pixels, the wheel, and closing the window. HeldKeys remembers which keys the game
was told are down, so they can be let go when the game loses the keyboard (no stuck arrows).
"""
from __future__ import annotations

from typing import List, Set, Tuple

import pygame

from kidcoder.runner import protocol

Scale = Tuple[float, float]
Offset = Tuple[int, int]


def event_to_message(event, scale: Scale = (1.0, 1.0), offset: Offset = (0, 0)):
    """A pygame event as a protocol message for the game, or None (not something a game gets).

    scale/offset map window coordinates into game coordinates (the preview shows the game scaled)."""

    def game_pos(pos):
        return [int((pos[0] - offset[0]) / scale[0]), int((pos[1] - offset[1]) / scale[1])]

    if event.type in (pygame.KEYDOWN, pygame.KEYUP):
        return protocol.KeyEvent(action="down" if event.type == pygame.KEYDOWN else "up", key=event.key,
                                 mod=event.mod, unicode=getattr(event, "unicode", ""),
                                 scancode=getattr(event, "scancode", 0))
    if event.type == pygame.TEXTINPUT:
        return protocol.TextEvent(text=event.text)
    if event.type == pygame.MOUSEMOTION:
        return protocol.MouseMotion(pos=game_pos(event.pos), rel=[int(event.rel[0] / scale[0]),
                                    int(event.rel[1] / scale[1])], buttons=list(event.buttons))
    if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        return protocol.MouseButton(action="down" if event.type == pygame.MOUSEBUTTONDOWN else "up",
                                    pos=game_pos(event.pos), button=event.button)
    if event.type == pygame.MOUSEWHEEL:
        return protocol.MouseWheel(x=event.x, y=event.y)
    if event.type == pygame.QUIT:
        return protocol.QuitEvent()
    return None


class HeldKeys:
    """The keys a game was told are down; release() lets them all go (when it loses the keyboard)."""

    def __init__(self):
        self._down: Set[int] = set()

    def note(self, event) -> None:
        """Call with every key event sent to the game."""
        if event.type == pygame.KEYDOWN:
            self._down.add(event.key)
        elif event.type == pygame.KEYUP:
            self._down.discard(event.key)

    def release(self) -> List[protocol.KeyEvent]:
        """KEYUP messages for every key still down (and forget them)."""
        released = [protocol.KeyEvent(action="up", key=key) for key in sorted(self._down)]
        self._down.clear()
        return released
