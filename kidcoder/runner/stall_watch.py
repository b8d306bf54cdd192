"""Is a game that drew no new frame for a while stuck, or only waiting for the processor?

On a slow laptop (an XO's one core, or a core the window's own start is using) a game can go seconds
between frames only because it did not get to run. Calling it stuck then puts "Is the game loop
stuck?" over a game that is fine, and a note in the helper. The kernel tells the two apart:
/proc/PID/task/TID/schedstat holds the processor time each thread used and the time it waited,
ready to run, for the processor (a CPU quota's throttled time included). A loop that spins uses
processor time; one that sleeps or waits on something neither runs nor waits for the processor; a
starved game mostly waits, and is ready to run ('R' in /proc/PID/task/TID/stat: a thread's wait is
added to schedstat only once it runs again). So a game is called stuck once it used STUCK_CPU_S of
processor time with no frame (no frame of a child's game needs that much), or, when none of its
threads is ready to run, if it mostly neither ran nor waited to run (it sleeps). With no /proc (or no
schedstat), the clock alone decides, as before.
"""
from __future__ import annotations

from typing import Optional, Tuple

from kidcoder.runner.proc_tree import threads

STUCK_CPU_S = 0.5       # processor time used with no new frame: stuck, however slow the machine
MARK_SHARE = 1 / 3      # the watch starts counting after this share of the no-frame time
CHECK_EVERY_S = 0.25    # a starved game is looked at again this often (each look reads /proc)


def looks_stuck(used_s: float, waited_s: float, wall_s: float, ready: bool = False,
                stuck_cpu_s: float = STUCK_CPU_S) -> bool:
    """Over wall_s with no frame the game used used_s of processor time and waited waited_s for it, and
    now it is (or is not) ready to run: stuck when it used stuck_cpu_s, or mostly slept (pure)."""
    return used_s >= stuck_cpu_s or (not ready and used_s + waited_s < wall_s / 2)


def sched_seconds(pid: Optional[int]) -> Optional[Tuple[float, float, bool]]:
    """(processor seconds used, seconds waited for the processor, a thread is ready to run now) for a
    process's threads and its child processes' (a game runs under a launcher); None when unreadable."""
    try:
        folders = threads(pid)
    except (OSError, TypeError):
        return None
    used = waited = 0.0
    ready = False
    for folder in folders:
        try:
            with open(f"{folder}/schedstat", encoding="ascii") as stat:
                fields = stat.read().split()
            with open(f"{folder}/stat", encoding="ascii") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):       # the thread ended after the walk
            continue
        used, waited, ready = used + int(fields[0]) / 1e9, waited + int(fields[1]) / 1e9, ready or state == "R"
    return used, waited, ready


class StallWatch:
    """Says when a game with no new frame for `seconds` is stuck, once until its next frame: check() each
    poll, frame() on each frame."""

    def __init__(self, seconds: float, read=sched_seconds):
        self.seconds = seconds
        self.read = read
        self._mark: Optional[tuple] = None      # (when, what the game had used and waited then)
        self._looked_at = -1e9
        self.reported = False

    def frame(self) -> None:
        self._mark, self.reported = None, False

    def check(self, pid: Optional[int], idle_s: float, now: float) -> bool:
        """idle_s: seconds since the game's last frame. True when it is stuck (not only starved), once."""
        if self.reported:
            return False
        if idle_s < self.seconds * MARK_SHARE:
            self._mark = None
            return False
        if self._mark is None:
            self._mark = (now, self.read(pid))
        if idle_s < self.seconds or now - self._looked_at < CHECK_EVERY_S:
            return False
        self._looked_at = now
        at, before = self._mark
        after = self.read(pid) if before is not None else None
        self.reported = after is None or looks_stuck(after[0] - before[0], after[1] - before[1], now - at,
                                                     ready=after[2])
        return self.reported
