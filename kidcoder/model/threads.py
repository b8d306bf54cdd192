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
import threading
import time
from collections import deque
from typing import Deque, Iterable, Optional, Tuple

MAX_THREADS = 4              # llama.cpp threads spin: more than the free cores slows everything down
MIN_WINDOW_S = 0.1           # a shorter gap between readings says too little: read again after this
MIN_LOOK_S = 1.0             # a question is measured over at least this much of the time before it, when known
MARK_EVERY_S = 5.0           # how often the window keeps a reading (LoadMeter.mark)
STALE_S = 30.0               # a reading older than this says nothing about now
WINDOW_CORES = 1             # never taken by the model while a game runs: the window draws and the game runs there
SPARE = 0.25                 # other programs using less than this share of a core leave it free


_now, _sleep = time.monotonic, time.sleep     # (a test gives its own clock)


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
    """Cores kept busy by everything except the model's own processes, since a reading a few seconds ago.

    The window marks a reading every MARK_EVERY_S (mark(), from its frame loop), so a question is measured
    over the seconds before it: with only a 0.1 s look at the moment of the click, the window's own answer
    to the click (the helper's text laid out again) counted as a busy core, and a session's first question
    got 1 thread on an idle 2-core laptop."""

    def __init__(self):
        self._marks: Deque[Tuple[float, int, int, int]] = deque(maxlen=2)
        self._lock = threading.Lock()

    def _reading(self, own_pids: Iterable[int]) -> Optional[Tuple[float, int, int, int]]:
        ticks = _cpu_ticks()
        if ticks is None:
            return None
        return _now(), ticks[0], ticks[1], sum(_ticks(pid) for pid in own_pids)

    def mark(self, own_pids: Iterable[int] = (), every_s: float = MARK_EVERY_S) -> None:
        """Keep a reading to measure the next question from (reads /proc only every every_s: call it often)."""
        with self._lock:
            if self._marks and _now() - self._marks[-1][0] < every_s:
                return
        reading = self._reading(tuple(own_pids))
        if reading is not None:
            with self._lock:
                self._marks.append(reading)

    def _since(self, now: float) -> Optional[Tuple[float, int, int, int]]:
        """The newest mark at least MIN_LOOK_S old (the older one when the newest is too fresh), not stale."""
        with self._lock:
            marks = list(self._marks)
        fresh = [m for m in marks if MIN_LOOK_S <= now - m[0] <= STALE_S]
        if fresh:
            return fresh[-1]
        usable = [m for m in marks if MIN_WINDOW_S <= now - m[0] <= STALE_S]
        return usable[0] if usable else None

    def others_busy(self, own_pids: Iterable[int] = ()) -> Optional[float]:
        """Busy cores, not counting own_pids (None when the system does not say)."""
        own_pids = tuple(own_pids)
        now = self._reading(own_pids)
        if now is None:
            return None
        last = self._since(now[0])
        if last is None:
            _sleep(MIN_WINDOW_S)
            last, now = now, self._reading(own_pids)
        with self._lock:
            self._marks.append(now)
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
