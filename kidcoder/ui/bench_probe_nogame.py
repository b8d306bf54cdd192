"""The window benchmark's model mode, second part: the model answers while NO game plays (it may then use every
free core: model/threads.py), and the window is watched for frames that came late.

Why apart from bench_probe_model: with no game the window does not draw 60 times a second; it sleeps until
something is due (the caret's blink, a look at the model's words every redraw.WORK_WAKE_S, the words being
laid out at full pace: redraw.Pacer.wait_s) and draws only what changed. A gap between presents says
nothing then; what a child would see is a frame that came later than the window meant it to. So each of the
loop's steps is timed against when it was due (the step before it began + the sleep the Pacer chose;
a step an event woke sooner was due when it began): a step that ended more than one 60 Hz frame after it
was due is a late frame. Beside it, the window thread's run_delay (/proc/thread-self/schedstat: time it
was ready to run but waited for a core) at each wake: what the model's threads took from it.
Runs after the game rounds (bench_probe.py), the same Ask and Control, in turns (A C, C A, ...).
"""
from __future__ import annotations

import time
from typing import Dict, List, Optional

from kidcoder.ui.bench_probe_model import Ask, Control

LATE_AFTER_DUE_S = 1 / 60      # a step that ends more than a 60 Hz frame after it was due came late


def run_delay_s() -> Optional[float]:
    """Seconds this thread was ready to run but waited for a core, so far (None without schedstat)."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


class Punctual:
    """Times every step of the App's loop against when it was due; installed once, before app.run() (it
    wraps app.step and app.pacer.wait_s, as run_loop is handed them then)."""

    def __init__(self, app):
        self.app = app
        self.steps: List[tuple] = []      # (due, began, ended, presented, run_delay waited at this wake,
                                          # run_delay waited during the step, the thread's CPU time in it)
        self._due: Optional[float] = None
        self._delay = run_delay_s()
        self.on = False
        step, wait_s = app.step, app.pacer.wait_s

        def timed(dt: float = 1 / 60) -> None:
            began, delay, drawn, cpu = time.perf_counter(), run_delay_s(), app.drawn, time.thread_time()
            step(dt)
            ended, cpu, after = time.perf_counter(), time.thread_time() - cpu, run_delay_s()
            if self.on:
                due = began if self._due is None else min(began, self._due)
                waited = None if delay is None or self._delay is None else delay - self._delay
                inside = None if delay is None or after is None else after - delay
                self.steps.append((due, began, ended, app.drawn != drawn, waited, inside, cpu))
            self._delay = after
            self._began = began

        def planned() -> float:
            wait = wait_s()
            self._due = self._began + wait        # run_loop sleeps until the step's start + this
            return wait
        self._began = time.perf_counter()
        app.step, app.pacer.wait_s = timed, planned

    def start(self) -> None:
        self.steps, self.on = [], True

    def stop(self) -> List[tuple]:
        self.on = False
        return self.steps


def punctual_figures(steps: List[tuple]) -> Dict[str, object]:
    """Late frames from the timed steps (pure): a step is late when it ended more than LATE_AFTER_DUE_S
    after it was due; how late the worst was; the run_delay at the wakes (the window ready, no core free)."""
    late = [s[2] - s[0] for s in steps]
    delays = [s[4] for s in steps if s[4] is not None]
    late_steps = [s for s, t in zip(steps, late) if t > LATE_AFTER_DUE_S]
    return {"steps": len(steps), "steps_presented": sum(1 for s in steps if s[3]),
            "window_late": len(late_steps),
            # a late step whose own work (the thread's CPU time) took a frame: the window's cost, not a wait
            "late_own_work": sum(1 for s in late_steps if s[6] > LATE_AFTER_DUE_S),
            "late_waited_ms": [round(((s[4] or 0.0) + (s[5] or 0.0)) * 1000, 1) for s in late_steps][:40],
            "late_cpu_ms": [round(s[6] * 1000, 1) for s in late_steps][:40],
            "run_delay_in_steps_worst_ms": round(max((s[5] or 0.0 for s in steps), default=0.0) * 1000, 2),
            "window_worst_ms": round(max(late, default=0.0) * 1000, 1),
            "woke_late": sum(1 for due, began, *_ in steps if began - due > LATE_AFTER_DUE_S),
            "run_delay_ms": round(sum(delays) * 1000, 1) if delays else None,
            "run_delay_worst_ms": round(max(delays) * 1000, 2) if delays else None}


class _Timed:
    """Mixin: the Watch of an Ask or Control also times the loop's steps (Punctual)."""

    punctual: Punctual

    def tick(self, window, app, now: float) -> bool:
        watching = self.watch is not None
        done = super().tick(window, app, now)
        if not watching and self.watch is not None:
            self.punctual.start()
        if done:
            row = self.results[-1]
            row.update(punctual_figures(self.punctual.stop()), presents_late=row["window_late"],
                       presents_worst_gap_ms=row["window_worst_ms"], threads=_threads(app))
        return done


class NoGameAsk(_Timed, Ask):
    def __init__(self, punctual: Punctual, results: list, durations: list):
        super().__init__(results, "nogame", durations)
        self.punctual = punctual


class NoGameControl(_Timed, Control):
    def __init__(self, punctual: Punctual, results: list, durations: list, fallback_s: float):
        super().__init__(results, durations, fallback_s, label="nogame_control")
        self.punctual = punctual


def _threads(app) -> Optional[int]:
    service = app.assist.stream.service
    return getattr(service, "last_threads", None)


def nogame_tasks(app, rounds: int, fallback_s: float, results: list) -> list:
    """After the game stopped: rounds of Ask and Control in turns (A C, C A, ...), the loop's steps timed."""
    punctual = Punctual(app)
    durations: list = []
    tasks: list = []
    for number in range(rounds):
        pair = [NoGameAsk(punctual, results, durations), NoGameControl(punctual, results, durations, fallback_s)]
        tasks += pair if number % 2 == 0 else pair[::-1]
    return tasks
