"""Inside the game process: the keyboard and mouse as the app sends them.

SDL's own key and mouse state never sees events that are posted into its queue,
so pygame.key.get_pressed() and friends answer from this state instead. The
command thread records input at once (record); the game's thread turns it into
real pygame events (take_pending) and, on each event.get/pump, into the
"just pressed" sets pygame-ce offers.
"""
from __future__ import annotations

import dataclasses
import threading
from typing import List, Set, Tuple

from kidcoder.runner.protocol import KeyEvent, MouseButton, MouseMotion, Press


def scale_input(message, scale: Tuple[float, float]):
    """A mouse message in frame pixels, in game pixels (frames of huge windows are scaled down). Pure."""
    if scale == (1.0, 1.0) or not isinstance(message, (MouseMotion, MouseButton)):
        return message
    changes = {"pos": [int(v * s) for v, s in zip(message.pos[:2], scale)]}
    if isinstance(message, MouseMotion):
        changes["rel"] = [int(v * s) for v, s in zip(message.rel[:2], scale)]
    return dataclasses.replace(message, **changes)


class PressedKeys:
    """What pygame.key.get_pressed() returns in the preview: indexed by key constants, like pygame's."""

    SIZE = 512

    def __init__(self, down):
        self._down = frozenset(down)

    def __getitem__(self, key) -> bool:
        return key in self._down

    def __len__(self) -> int:
        return self.SIZE

    def __iter__(self):
        # Key codes are not positions; what matters for any()/sum() is how many keys are down.
        count = min(len(self._down), self.SIZE)
        return iter([True] * count + [False] * (self.SIZE - count))

    def count(self, value) -> int:
        return min(len(self._down), self.SIZE) if value else self.SIZE - min(len(self._down), self.SIZE)

    def index(self, value) -> int:
        for position, item in enumerate(self):
            if item == value:
                return position
        raise ValueError(value)


class InputState:
    """Keys and mouse buttons held, the mouse position, and what changed since the last event.get()."""

    def __init__(self):
        self._lock = threading.Lock()
        self.keys_down: Set[int] = set()
        self.mods = 0
        self.mouse_pos = (0, 0)
        self.mouse_buttons = [False] * 5
        self._mouse_rel = [0, 0]
        self._pending: List[object] = []
        self._since_get = {"keys_pressed": set(), "keys_released": set(),
                           "buttons_pressed": set(), "buttons_released": set()}
        self.just = {name: frozenset() for name in self._since_get}
        self.rounds = 0          # how often the game asked for its events (the probe run reads it)

    def record(self, message) -> None:
        """Called from the command thread as soon as the app's input arrives."""
        with self._lock:
            if isinstance(message, KeyEvent):
                if message.action == Press.DOWN:
                    self.keys_down.add(message.key)
                else:
                    self.keys_down.discard(message.key)
                self.mods = message.mod
            elif isinstance(message, MouseMotion):
                self._mouse_rel[0] += message.pos[0] - self.mouse_pos[0]
                self._mouse_rel[1] += message.pos[1] - self.mouse_pos[1]
                self.mouse_pos = tuple(message.pos[:2])
            elif isinstance(message, MouseButton):
                self.mouse_pos = tuple(message.pos[:2])
                if 1 <= message.button <= 5:
                    self.mouse_buttons[message.button - 1] = message.action == Press.DOWN
            self._pending.append(message)

    def take_pending(self) -> list:
        """The messages not yet posted as pygame events (main thread). Mostly none: then no lock is taken
        (three times a frame; a list's emptiness is read whole, and one filled meanwhile waits for the next)."""
        if not self._pending:
            return []
        with self._lock:
            waiting, self._pending = self._pending, []
        for message in waiting:
            if isinstance(message, KeyEvent):
                self._since_get["keys_pressed" if message.action == Press.DOWN else "keys_released"].add(message.key)
            elif isinstance(message, MouseButton) and 1 <= message.button <= 5:
                name = "buttons_pressed" if message.action == Press.DOWN else "buttons_released"
                self._since_get[name].add(message.button)
        return waiting

    def new_event_round(self) -> None:
        """The game asked for its events: what arrived since the last time is now "just" pressed."""
        self.rounds += 1
        if not any(self._since_get.values()) and not any(self.just.values()):
            return                  # nothing pressed or let go, now or last time: no new sets every frame
        self.just = {name: frozenset(values) for name, values in self._since_get.items()}
        for values in self._since_get.values():
            values.clear()

    def mouse_rel(self) -> tuple:
        with self._lock:
            rel, self._mouse_rel = tuple(self._mouse_rel), [0, 0]
        return rel

    def buttons(self, which: str, count: int) -> tuple:
        """Mouse buttons as pygame returns them: held ("held"), "just_pressed" or "just_released"."""
        if which == "held":
            return tuple(self.mouse_buttons[:count])
        chosen = self.just["buttons_pressed" if which == "just_pressed" else "buttons_released"]
        return tuple(number in chosen for number in range(1, count + 1))
