"""The probe run: the helper plays a game the way a child would and writes down what happened.

probe_program() starts the game headless on the fast clock, watches it start, leaves it alone
for a moment, then presses arrows, space, a letter and Enter, moves and clicks the mouse,
presses Escape and closes the window. After each input it records whether the game still
flips frames and reads its events, whether the picture changed, and any crash with its line;
a stuck game tells the line its main thread is running (ProbeAsk/ProbeReport). The result is
a plain dict (the trace) that diagnosis.symptoms reads without any process or pygame:

    {"version": 1, "seconds": 1.4, "runs": [run, ...]}      a second run only tests closing
    run  = {"steps": [step, ...], "size": [w, h] | None, "caption": str, "ended": bool,
            "exit": "ok" | "error" | "running" | ..., "error": {type, message, line} | None,
            "console": [last lines], "pygame": bool}
    step = {"input": "start" | "idle" | "key:right" | ... | "mouse:click" | "close",
            "frames": new flips, "reads": new event reads, "set_modes": new set_mode calls,
            "line": line of the child's file the game was running, "function": str,
            "waiting": "events" | "input" | "", "changed": the picture changed,
            "plain": the picture is one colour, "ended": bool, "error": {...} | None,
            "alive_after": still going a moment later, "window" (start only), "seconds": since start,
            "why": what a step that stuck was judged on (CPU spent, time asleep; only then)}

A game is "stuck" when it makes no frame and reads no event while it spins the CPU or sleeps;
waiting for the CPU on a busy machine does not count (see Watcher.stuck).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Collection, Dict, Iterable, List, Optional

from kidcoder.runner import protocol
from kidcoder.runner.host import GameProcess
from kidcoder.runner.probe_watch import START_CPU_STALL_SECONDS, Watcher

TRACE_VERSION = 1
BUDGET_SECONDS = 3.0          # the whole probe, both runs, on this machine
START_LIMIT_SECONDS = 10.0    # spawn to "it is running" (first frames, waiting, or clearly stuck)
SETTLE_FRAMES = 3
IDLE_SECONDS = 0.12
STEP_SECONDS = 0.3            # one input: long enough for a few frames, short for a stuck game
CLOSE_SECONDS = 0.6
STARVED_STALLS = 3           # no progress, neither spinning nor asleep: wait this many stalls more
# SDL2 key codes (what pygame 2 calls K_RIGHT ...), so the host need not import pygame.
KEYS = {"right": 0x4000004F, "left": 0x40000050, "down": 0x40000051, "up": 0x40000052,
        "space": 32, "a": 97, "return": 13, "escape": 27}
UNICODE = {"space": " ", "a": "a", "return": "\r", "escape": "\x1b"}
# What a child does, in order. Escape and close come last: they may end the game.
PLAY = ("key:right", "key:left", "key:up", "key:down", "key:space", "key:a", "key:return",
        "mouse:move", "mouse:click", "mouse:right_click", "key:escape")


def _counts(report: Optional[protocol.ProbeReport]) -> Dict[str, object]:
    if report is None:
        return {"frames": None, "reads": None, "set_modes": None, "line": None, "function": "", "waiting": ""}
    return {"frames": report.frames, "reads": report.event_reads, "set_modes": report.set_modes,
            "line": report.line, "function": report.function, "waiting": report.waiting}


def _error(game: GameProcess) -> Optional[dict]:
    e = game.error
    if e is None:
        return None
    return {"type": e.type, "message": e.message[:300], "line": e.line}


def _record(watch: Watcher, name: str, before: Dict[str, object], started: float) -> Dict[str, object]:
    """One step of the trace: what changed between `before` and now."""
    watch.ask()
    now = _counts(watch.report)
    picture = watch.picture()
    step = {"input": name, "seconds": round(time.monotonic() - started, 3)}
    for key in ("frames", "reads", "set_modes"):
        if now[key] is None or before.get(key) is None:
            step[key] = None
        else:
            step[key] = now[key] - before[key]
    step.update(line=now["line"], function=now["function"], waiting=now["waiting"],
                changed=(picture["hash"] is not None and picture["hash"] != before.get("hash")),
                plain=picture["plain"], ended=watch.ended, error=_error(watch.game) if watch.ended else None,
                input_wait=watch.waiting_input)
    step["_totals"] = dict(now, hash=picture["hash"])
    return step


def _send_input(game: GameProcess, name: str, size, phase: str) -> None:
    kind, _, what = name.partition(":")
    width, height = size or (640, 480)
    centre = [width // 2, height // 2]
    if kind == "key":
        key = KEYS[what]
        game.send_event(protocol.KeyEvent(action="down" if phase == "down" else "up", key=key,
                                          unicode=UNICODE.get(what, "") if phase == "down" else ""))
        if phase == "down" and len(UNICODE.get(what, "")) == 1 and what in ("a", "space"):
            game.send_event(protocol.TextEvent(text=UNICODE[what]))
    elif what == "move" and phase == "down":
        for step in range(1, 5):
            pos = [width * step // 5, height * step // 5]
            game.send_event(protocol.MouseMotion(pos=pos, rel=[width // 5, height // 5], buttons=[0, 0, 0]))
    elif what in ("click", "right_click"):
        button = 1 if what == "click" else 3
        game.send_event(protocol.MouseButton(action="down" if phase == "down" else "up", pos=centre,
                                             button=button))


def _play_step(watch: Watcher, name: str, size, started: float) -> Dict[str, object]:
    before = dict(_counts(watch.report), hash=watch.picture()["hash"])
    base = watch.report
    _send_input(watch.game, name, size, "down")

    def handled(report: protocol.ProbeReport) -> bool:
        if base is None:
            return report.frames > 0
        reads = report.event_reads - base.event_reads
        frames = report.frames - base.frames
        return reads >= 2 and (frames >= SETTLE_FRAMES or report.waiting == "events" or reads >= 50)

    watch.wait_for(handled, STEP_SECONDS)
    if not watch.ended:
        _send_input(watch.game, name, size, "up")
        mid = watch.report
        watch.wait_for(lambda r: mid is None or r.event_reads > mid.event_reads, STEP_SECONDS / 3)
    alive = _alive_after(watch)
    step = _record(watch, name, before, started)
    step["alive_after"] = alive
    if not alive and watch.why:
        step["why"] = watch.why       # what the stuck call rests on (for whoever reads a trace)
    return step


def _alive_after(watch: Watcher, least: int = 1) -> bool:
    """Does the game still go on now (`least` new frames or event reads soon after a fresh report)? A
    game can handle an input, draw a frame or two, and only then get stuck in what it started. No
    progress while the game neither spins nor sleeps is a machine that gives it no CPU (a busy
    laptop, a host that took the virtual core): it is given up to STARVED_STALLS stalls to go on."""
    if watch.ended:
        return False
    watch.why = ""
    base = watch.ask()
    if base is None:
        return not watch.ended       # no answer in time: a busy machine, not a sign of a stuck game
    answers = watch.answers

    def moved(report: protocol.ProbeReport) -> bool:
        return report.frames - base.frames >= least or report.event_reads - base.event_reads >= least

    deadline = time.monotonic() + STARVED_STALLS * watch.stall
    while True:
        watch.wait_for(lambda r: moved(r) or watch.stuck(r), watch.stall)
        if watch.answers == answers:
            return not watch.ended   # no second answer: nothing known, so not called stuck
        if watch.ended or moved(watch.report):
            return not watch.ended
        if watch.stuck(watch.report):
            break
        if time.monotonic() >= deadline:
            watch.why = f"no frame or event read for {STARVED_STALLS} stalls, neither spinning nor asleep"
            break
    # No progress: maybe it is on its way out (Escape quits it). A last look over one more stall: a game
    # that goes on after all was held up by the machine (a host that took the core, a report that came
    # late), not stuck; a stuck game shows the same counts all the while.
    watch.wait_for(moved, watch.stall)
    if not watch.ended and moved(watch.report):
        watch.why = ""
        return True
    return False


def _running(step: Dict[str, object]) -> bool:
    """The game still answers: it flipped or read its events during the step."""
    return bool(step.get("frames")) or bool(step.get("reads"))


def _start(watch: Watcher, started: float) -> Dict[str, object]:
    def settled(report: protocol.ProbeReport) -> bool:
        if report.frames >= SETTLE_FRAMES or report.waiting in ("events", "input") or report.event_reads >= 20:
            return True
        # Running the child's own code, yet no frame and no event read: stuck there.
        return report.line is not None and watch.stuck(report, START_CPU_STALL_SECONDS)

    # No report comes before Ready: until then, only the end of the game can stop the wait.
    watch.wait_for(settled, START_LIMIT_SECONDS)
    step = _record(watch, "start", {"frames": 0, "reads": 0, "set_modes": 0, "hash": None}, started)
    step["window"] = watch.display
    return step


def _idle(watch: Watcher, start: Dict[str, object], started: float) -> Dict[str, object]:
    """Leave the game alone for a moment: does it draw new pictures by itself, or wait?"""
    before = dict(start["_totals"])
    base = watch.report
    time.sleep(IDLE_SECONDS)
    if base is not None:
        watch.wait_for(lambda r: r.frames - base.frames >= SETTLE_FRAMES or r.event_reads - base.event_reads
                       >= SETTLE_FRAMES or watch.stuck(r), watch.stall)
    return _record(watch, "idle", before, started)


def _close(watch: Watcher, started: float) -> Dict[str, object]:
    before = dict(_counts(watch.report), hash=watch.picture()["hash"])
    watch.game.send_event(protocol.QuitEvent())
    watch.wait_ended(CLOSE_SECONDS * watch.slowness)
    # Two new frames or reads: one could be the frame it was drawing when the close came.
    alive = _alive_after(watch, least=2) if not watch.ended else False
    step = _record(watch, "close", before, started)
    step["alive_after"] = alive       # still flipping or reading events after the close: it ignores it
    return step


def _one_run(path: Path, plan: List[str], stdin_lines, started: float, budget: float,
             stuck_lines: Collection[int] = ()) -> Dict[str, object]:
    """Start, idle, play each input of plan (stopping early if the game ends or gets stuck),
    then close the window."""
    game = GameProcess(path, frames=0, interactive=False, stdin_lines=stdin_lines, fast_clock=True)
    steps: List[Dict[str, object]] = []
    with game:
        game.start()
        watch = Watcher(game, stuck_lines)
        start = _start(watch, started)
        steps.append(start)
        stuck = not watch.ended and not _running(start)
        if not watch.ended and not stuck:
            steps.append(_idle(watch, start, started))
            stuck = not watch.ended and not _running(steps[-1])
        for name in plan:
            if watch.ended or stuck or time.monotonic() - started > budget * min(2.0, watch.slowness) - CLOSE_SECONDS:
                break
            step = _play_step(watch, name, game.size, started)
            steps.append(step)
            stuck = not watch.ended and not (_running(step) and step["alive_after"])
        if not watch.ended and not stuck:   # a stuck main thread cannot see the close: do not wait for it
            steps.append(_close(watch, started))
        last = watch.report
        result = {"steps": steps, "size": list(game.size) if game.size else None, "caption": game.caption,
                  "ended": watch.ended, "exit": game.status() if watch.ended else "running",
                  "error": _error(game), "console": [line.rstrip("\n") for line in list(game.console)[-20:]],
                  "pygame": bool(last and last.pygame)}
        if not watch.ended:
            game.stop(grace=0.1, reason="stopped")
    for step in steps:
        step.pop("_totals", None)
    return result


def probe_program(path, stdin_lines: Optional[List[str]] = None, budget: float = BUDGET_SECONDS,
                  play=PLAY, stuck_lines: Collection[int] = ()) -> Dict[str, object]:
    """Play the program at path like a child would; the trace (see the module docstring).

    A second, short run tests closing the window when the first run ended before it got there
    (Escape quit the game, or a key crashed it). stuck_lines: lines of loops that surely never end
    (diagnosis.stuck_lines): a game seen there without progress is told stuck much sooner."""
    started = time.monotonic()
    path = Path(path)
    first = _one_run(path, list(play), stdin_lines, started, budget, stuck_lines)
    trace = {"version": TRACE_VERSION, "runs": [first]}
    played_close = any(step["input"] == "close" for step in first["steps"])
    began = len(first["steps"]) > 1   # it got past the start, so inputs were tried
    # Stuck before any input: a second run would only get stuck at the same place again.
    stuck_early = not first["ended"] and first["steps"][-1]["input"] in ("start", "idle")
    if not played_close and began and not stuck_early and time.monotonic() - started < budget - 1.0:
        trace["runs"].append(_one_run(path, [], stdin_lines, started, budget))
    trace["seconds"] = round(time.monotonic() - started, 3)
    return trace


def probe_source(source: str, filename: str = "game.py", links: Iterable[Path] = (),
                 stdin_lines: Optional[List[str]] = None, budget: float = BUDGET_SECONDS,
                 stuck_lines: Collection[int] = ()) -> Dict[str, object]:
    """probe_program() on source written into a fresh folder, beside links to the files in `links`
    (the pictures and sounds the program names)."""
    folder = Path(tempfile.mkdtemp(prefix="kidcoder-probe-"))
    try:
        for target in links:
            target = Path(target)
            try:
                os.symlink(target, folder / target.name, target_is_directory=target.is_dir())
            except OSError:
                if target.is_file():
                    shutil.copy2(target, folder / target.name)
        path = folder / filename
        path.write_text(source, encoding="utf-8")
        return probe_program(path, stdin_lines=stdin_lines, budget=budget, stuck_lines=stuck_lines)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
