"""Inside the game process: answer the helper's probe run (ProbeAsk) from the command thread.

The game's own thread may be stuck in an endless loop, so the answer is built here, on the
command thread: how many frames and event reads there were, and which line of the child's
file the main thread is running right now (where it is stuck, if it is).
"""
from __future__ import annotations

import os
import sys
import threading
import time

from kidcoder.runner import protocol

_HERE = os.path.dirname(os.path.abspath(__file__))
_WAITS = {("game_hooks.py", "wait"): "events", ("child_io.py", "kid_input"): "input"}


def main_thread_place(program: str):
    """(line, function, waiting) of the main thread: the innermost frame in the child's own
    file, and whether it sits in event.wait() or input(). (None, "", "") if it is not there."""
    frame = sys._current_frames().get(threading.main_thread().ident)
    target = os.path.normcase(program)
    waiting = ""
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(_HERE) and not waiting:
            waiting = _WAITS.get((os.path.basename(filename), frame.f_code.co_name), "")
        if os.path.normcase(filename) == target:
            name = frame.f_code.co_name
            return frame.f_lineno, "" if name == "<module>" else name, waiting
        frame = frame.f_back
    return None, "", waiting


def probe_report(state, hooks) -> protocol.ProbeReport:
    """The counters and the main thread's place, for the host's probe run."""
    line, function, waiting = main_thread_place(state.program) if state.program else (None, "", "")
    reads = hooks.input.rounds if hooks is not None else 0
    return protocol.ProbeReport(frames=state.frames, event_reads=reads, set_modes=state.set_modes, line=line,
                                function=function, waiting=waiting, pygame="pygame" in sys.modules,
                                cpu=round(time.process_time(), 3))
