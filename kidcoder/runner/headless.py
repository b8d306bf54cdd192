"""Run a program to the end without a window: the CLI's `kidcoder run` and every automatic check.

run_program() blocks until the game quits, reaches N frames, fails, or runs out
of time, and returns a RunResult whose as_contract() is the `run --json` object.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import List, Optional

from kidcoder.runner.host import GameProcess, NoFrame, ProcessEnded
from kidcoder.runner.results import RunResult, result_of, save_png
from kidcoder.runner.states import GameStatus

DEFAULT_SECONDS = 10.0


def run_program(path, frames: Optional[int] = 60, seconds: Optional[float] = DEFAULT_SECONDS,
                stdin_lines: Optional[List[str]] = None, memory_mb: int = 512, allow_network: bool = False,
                screenshot: Optional[str] = None, fast_clock: bool = False) -> RunResult:
    """Run the file at path headless and wait for it to end (or for `seconds`).

    fast_clock=True is for automatic checks: clock.tick() and time.delay() do not sleep, while
    the game's own clock still moves 1/fps per frame, so 120 frames take a fraction of 2 s."""
    game = GameProcess(path, frames=frames or 0, memory_mb=memory_mb, allow_network=allow_network,
                       interactive=False, stdin_lines=stdin_lines, fast_clock=fast_clock)
    seconds = seconds or DEFAULT_SECONDS
    warnings: List[str] = []
    started = time.monotonic()
    with game:
        game.start()
        deadline = started + seconds
        ended = False
        while time.monotonic() < deadline:
            for message in game.poll():
                if isinstance(message, NoFrame) and "no_frame" not in warnings:
                    warnings.append("no_frame")
                if isinstance(message, ProcessEnded):
                    ended = True
            if ended:
                break
            time.sleep(0.005)
        timed_out = not ended
        if timed_out:
            game.stop(grace=0.2, reason=GameStatus.TIMEOUT)
            game.wait_ended(2.0)
        last = game.latest_frame() if screenshot else None
        result = result_of(game, time.monotonic() - started, warnings, timed_out)
    if screenshot and last is not None:
        save_png(last, screenshot)
    return result


def run_source(source: str, frames: Optional[int] = 60, seconds: Optional[float] = DEFAULT_SECONDS,
               filename: str = "game.py", stdin_lines: Optional[List[str]] = None, **options) -> RunResult:
    """Write source into a fresh temporary folder and run it there (for checks of generated code)."""
    folder = tempfile.mkdtemp(prefix="kidcoder-check-")
    try:
        path = Path(folder) / filename
        path.write_text(source, encoding="utf-8")
        return run_program(path, frames=frames, seconds=seconds, stdin_lines=stdin_lines, **options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_file(path, frames: Optional[int] = None, seconds: Optional[float] = None,
             screenshot: Optional[str] = None, stdin_lines: Optional[List[str]] = None,
             headless: bool = True, memory_mb: int = 512, allow_network: bool = False) -> dict:
    """`kidcoder run`: headless, or in a plain window that shows the frames; returns the contract dict.
    memory_mb and allow_network: the teacher's settings (the plain window keeps the defaults)."""
    if not headless:
        from kidcoder.runner.viewer import run_in_window

        return run_in_window(path, frames=frames, seconds=seconds, screenshot=screenshot,
                             stdin_lines=stdin_lines)
    result = run_program(path, frames=frames, seconds=seconds or DEFAULT_SECONDS, stdin_lines=stdin_lines,
                         screenshot=screenshot, memory_mb=memory_mb, allow_network=allow_network)
    return result.as_contract()
