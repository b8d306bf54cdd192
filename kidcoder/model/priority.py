"""The model worker steps aside: the window and the child's game get the processor first, always.

Measured (issue 19): a niced process in the window's own session still made a 60 Hz
ticker late (1-5 late frames in 10 s, every run), and so did the model. Linux's autogroup
schedules each session as one group: the niced work used up the session's fair share, so
the window, woken for its next frame, waited behind other programs. The same burner in a
session of its own left the ticker as punctual as with no burner at all. So the worker
starts its own session and lowers its own priority. On one core, where the window has no
other core to go to, its group gets the lowest weight and it the lowest nice. With more
cores the group keeps the usual weight: at the lowest, on a machine busy with other
programs, the model got no first word in 120 s (measured).
Each step is best effort: a system without setsid, autogroup or nice keeps the others.
Tried and left out (issue 19): the worker at SCHED_IDLE on 2 cores gave no fewer late frames in the window
with no game (SmolLM2, 5 runs each, a busy 2-core VM: 2.0 against 2.8 a run, within the noise).
"""
from __future__ import annotations

import os
from typing import Dict, Optional

from kidcoder.model.threads import usable_cores

NICE = 10               # with a second core the model is behind the window, but not starved by a game
NICE_ONE_CORE = 19      # on one core (an XO) the window and the game share it with the model: lowest priority
GROUP_NICE_ONE_CORE = 19    # the weight of the worker's own session group (/proc/self/autogroup) on one core


def nice_for(cores: Optional[int]) -> int:
    """The worker's nice value on a machine with this many cores."""
    return NICE_ONE_CORE if (cores or 1) <= 1 else NICE


def step_aside(cores: Optional[int] = None, autogroup_path: str = "/proc/self/autogroup") -> Dict[str, object]:
    """Put the calling process in its own session with the lowest group weight and lower its priority;
    returns what was done (for the worker's log)."""
    done: Dict[str, object] = {}
    try:
        os.setsid()
        done["session"] = True
    except (AttributeError, OSError):     # no setsid (Windows), or already a session leader
        done["session"] = False
    cores = cores if cores is not None else usable_cores()
    done["group_nice"] = None
    if (cores or 1) <= 1:
        try:
            with open(autogroup_path, "w", encoding="ascii") as group:
                group.write(str(GROUP_NICE_ONE_CORE))
            done["group_nice"] = GROUP_NICE_ONE_CORE
        except OSError:                   # no autogroup (a kernel without it, or a cgroup of its own)
            pass
    want = nice_for(cores)
    try:
        done["nice"] = os.nice(max(0, want - os.nice(0)))
    except (AttributeError, OSError):
        done["nice"] = None
    return done
