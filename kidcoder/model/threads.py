"""How many threads the model may use: the cores left free by the window, the child's game and other programs.

The 1-minute load average counted the model's own last answer, so back-to-back requests
got one thread (issue 19). LoadMeter reads /proc/stat instead and takes away the CPU time
of the model's own processes, between the previous request and this one. A running game
always means one thread: llama.cpp's threads spin, and a game that misses frames is worse
than a slower hint. With no game, every core other programs leave free is used: on an idle
2-core laptop, 2 threads (Qwen 0.5B's first word in about half the time, measured), as the
worker runs at low priority in its own session and the window, waiting for events, needs
little (model/priority.py).
"""
from __future__ import annotations

import math
import os
import time
from typing import Iterable, Optional, Tuple

MAX_THREADS = 4              # llama.cpp threads spin: more than the free cores slows everything down
MIN_WINDOW_S = 0.1           # a shorter gap between readings says too little: read again after this
STALE_S = 30.0               # a reading older than this says nothing about now
WINDOW_CORES = 1             # never taken by the model while a game runs: the window draws and the game runs there
SPARE = 0.25                 # other programs using less than this share of a core leave it free


def usable_cores() -> int:
    """The cores this process may run on (a laptop's, or the one core `taskset` or a cgroup leaves it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def choose_threads(cpu_count: Optional[int], busy: int = 0, keep: int = WINDOW_CORES) -> int:
    """Model threads from the cores left free, keep cores kept for the window and the child's game
    (cores - keep - busy, at least 1): with one busy core of two, 1 thread kept 64 tokens/s where 2 threads
    fell to 0.8 (measured), so busy cores are never counted as free."""
    free = (cpu_count or 1) - max(0, keep) - max(0, busy)
    return max(1, min(MAX_THREADS, free))


def _ticks(pid: int) -> int:
    """utime + stime of one process, in clock ticks (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_ticks() -> Optional[Tuple[int, int]]:
    """(all ticks, busy ticks) of every core together, from /proc/stat (None where there is no /proc)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)          # idle + iowait
    total = sum(fields[:8])                                              # guest time is inside user time
    return total, total - idle


class LoadMeter:
    """Cores kept busy by everything except the model's own processes, since the last reading."""

    def __init__(self):
        self._last: Optional[Tuple[float, int, int, int]] = None

    def _reading(self, own_pids: Iterable[int]) -> Optional[Tuple[float, int, int, int]]:
        ticks = _cpu_ticks()
        if ticks is None:
            return None
        return time.monotonic(), ticks[0], ticks[1], sum(_ticks(pid) for pid in own_pids)

    def others_busy(self, own_pids: Iterable[int] = ()) -> Optional[float]:
        """Busy cores, not counting own_pids (None when the system does not say)."""
        own_pids = tuple(own_pids)
        now = self._reading(own_pids)
        if now is None:
            return None
        last = self._last
        if last is None or now[0] - last[0] < MIN_WINDOW_S or now[0] - last[0] > STALE_S:
            time.sleep(MIN_WINDOW_S)
            last, now = now, self._reading(own_pids)
        self._last = now
        total = now[1] - last[1]
        if total <= 0:
            return None
        busy = (now[2] - last[2]) - max(0, now[3] - last[3])
        return max(0.0, busy / total * (os.cpu_count() or 1))


def threads_now(game_running: bool, meter: Optional[LoadMeter] = None, own_pids: Iterable[int] = ()) -> int:
    """Threads for a generation starting now: 1 while a game runs (or when the load is unknown), else every
    core other programs leave free, the window's included (the model's own earlier work does not count;
    the window's own drawing counts when it is busy)."""
    if game_running or meter is None:
        return 1
    others = meter.others_busy(own_pids)
    if others is None:
        return 1
    return choose_threads(usable_cores(), math.ceil(others - SPARE), keep=0)
