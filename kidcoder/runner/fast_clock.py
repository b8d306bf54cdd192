"""Inside the game process, for automatic checks only: waiting costs nothing, game time still moves.

With fast_clock, Clock.tick(fps) never sleeps, but the game's clock (get_ticks,
the value tick returns) moves as if each frame took 1/fps seconds, so timers and
speeds behave as they would for a child, only sooner.
"""
from __future__ import annotations


def _check_self(obj, name: str) -> None:
    """Misuse (clock = pygame.time.Clock without brackets) fails with pygame's own message."""
    if not isinstance(obj, FastClock):
        raise TypeError(f"descriptor '{name}' for 'pygame.time.Clock' objects doesn't apply to a "
                        f"'{type(obj).__name__}' object")


class FastClock:
    """A stand-in for pygame.time.Clock (which cannot be subclassed)."""

    virtual_ms = 0.0          # shared by every FastClock: how far game time is ahead of real time
    real_ticks = staticmethod(lambda: 0)

    def __init__(self):
        self._real_ticks = FastClock.real_ticks
        self._last = None
        self._time = 0
        self._raw = 0
        self._fps_times = []

    def _now(self) -> float:
        return self._real_ticks() + FastClock.virtual_ms

    def tick(self, framerate=0):
        _check_self(self, "tick")
        now = self._now()
        raw = 0 if self._last is None else now - self._last
        if framerate and framerate > 0 and raw < 1000.0 / framerate:
            FastClock.virtual_ms += 1000.0 / framerate - raw
            now = self._now()
        elapsed = 0 if self._last is None else now - self._last
        self._last = now
        self._raw, self._time = int(raw), int(round(elapsed))
        self._fps_times = (self._fps_times + [elapsed])[-10:]
        return self._time

    tick_busy_loop = tick

    def get_time(self):
        _check_self(self, "get_time")
        return self._time

    def get_rawtime(self):
        _check_self(self, "get_rawtime")
        return self._raw

    def get_fps(self):
        _check_self(self, "get_fps")
        total = sum(self._fps_times)
        return 1000.0 * len(self._fps_times) / total if total else 0.0


def install_fast_clock(pg) -> None:
    """Make waiting free: Clock.tick, time.delay/wait and get_ticks use game time."""
    real_ticks = pg.time.get_ticks

    def get_ticks():
        return int(real_ticks() + FastClock.virtual_ms)

    def skip(milliseconds):
        FastClock.virtual_ms += max(0, int(milliseconds))
        return int(milliseconds)

    FastClock.real_ticks = staticmethod(real_ticks)
    FastClock.__name__ = FastClock.__qualname__ = "Clock"     # what a child sees in messages
    pg.time.Clock = FastClock
    pg.time.get_ticks = get_ticks
    pg.time.delay = skip
    pg.time.wait = skip
