"""How many frames a game really shows per second: over the last few seconds, not in a burst.

An event-driven game (it waits in event.wait() and draws only when something
happens) may draw 7 frames within 3 ms at the start and then nothing for 10 s;
the rate between its first and newest frame is then 2,000 fps, which is not
what the child saw. FrameRate counts the frames published in the last WINDOW_S
seconds up to now, so a game that draws nothing falls to 0 fps. Pure: the
caller passes the times (time.monotonic(), the clock frames are stamped with).
"""
from __future__ import annotations

import collections
import math
from typing import Deque, Optional, Tuple

WINDOW_S = 3.0       # the rate is over this many seconds up to now
SETTLE_S = 1.0       # before the first frame is this old there is no honest figure yet (0.0)


class FrameRate:
    """Frames seen (number, publish time) in; frames per second out."""

    def __init__(self, window_s: float = WINDOW_S, settle_s: float = SETTLE_S):
        self.window_s, self.settle_s = window_s, settle_s
        self.first: Optional[Tuple[float, int]] = None
        self._samples: Deque[Tuple[float, int]] = collections.deque()

    def seen(self, number: int, when: float) -> None:
        """A newer frame was published: its number (the game's frame count) and time."""
        if self._samples and number <= self._samples[-1][1]:
            return
        if self.first is None:
            self.first = (when, number)
        self._samples.append((when, number))
        # keep one sample from before the window: the count in the window starts from it
        while len(self._samples) > 2 and self._samples[1][0] <= when - self.window_s:
            self._samples.popleft()

    def recent(self, now: float) -> float:
        """Frames shown per second over the last window_s seconds up to now (0.0 when unsure)."""
        if self.first is None or now - self.first[0] < self.settle_s:
            return 0.0
        latest = self._samples[-1][1]
        start = now - self.window_s
        base = None
        for when, number in self._samples:
            if when > start:
                break
            base = number
        if base is not None:
            return (latest - base) / self.window_s
        return (latest - self.first[1] + 1) / (now - self.first[0])

    def overall(self, now: float) -> float:
        """Frames per second from the first frame until now (a whole run, for `kidcoder run`)."""
        if self.first is None or now <= self.first[0]:
            return 0.0
        return (self._samples[-1][1] - self.first[1] + 1) / (now - self.first[0])


def sane_rate(rate: float) -> float:
    """A rate the game cannot forge into nonsense: finite, 0 to 100,000 frames per second."""
    return rate if math.isfinite(rate) and 0.0 <= rate <= 100000.0 else 0.0
