"""How many threads the model may use: the cores left free by the window and the child's game."""
from __future__ import annotations

import os
from typing import Optional

MAX_THREADS = 4              # llama.cpp threads spin: more than the free cores slows everything down


def choose_threads(cpu_count: Optional[int], busy: int = 0) -> int:
    """Model threads from the cores left free: with one busy core of two, 1 thread kept 64 tokens/s
    where 2 threads fell to 0.8 (measured). A running game counts as busy."""
    free = (cpu_count or 1) - max(0, busy)
    return max(1, min(MAX_THREADS, free))


def busy_cores_now() -> int:
    """Cores other processes keep busy right now (the 1-minute load average, rounded down)."""
    try:
        return int(os.getloadavg()[0])
    except (AttributeError, OSError):
        return 0


def threads_now(busy: int = 0) -> int:
    """Threads for a generation starting now: busy is what the caller knows is running (a game)."""
    return choose_threads(os.cpu_count(), max(busy, busy_cores_now()))
