"""Run a program to the end without a window: the CLI's `kidcoder run` and every automatic check.

run_program() blocks until the game quits, reaches N frames, fails, or runs out
of time, and returns a RunResult whose as_contract() is the `run --json` object.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from kidcoder.runner.host import GameProcess, NoFrame, ProcessEnded
from kidcoder.runner.states import GameStatus, RunExit, run_exit

DEFAULT_SECONDS = 10.0


@dataclass
class RunResult:
    """How one run went (exit: a RunExit, which is also its plain text)."""
    exit: RunExit
    frames: int
    fps: float
    error: Optional[dict] = None
    console: List[str] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    caption: str = ""
    size: Optional[tuple] = None
    seconds: float = 0.0
    start_seconds: Optional[float] = None     # spawn to first frame

    def as_contract(self) -> dict:
        error = None
        if self.error:
            error = {"type": self.error["type"], "message": self.error["message"], "line": self.error["line"]}
        return {"exit": self.exit, "frames": self.frames, "fps": round(self.fps, 2), "error": error}


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
        result = _result(game, time.monotonic() - started, warnings, timed_out)
    if screenshot and last is not None:
        save_png(last, screenshot)
    return result


def _result(game: GameProcess, elapsed: float, warnings: List[str], timed_out: bool) -> RunResult:
    status = run_exit(GameStatus.TIMEOUT if timed_out else game.status())
    error = None
    if game.error is not None:
        e = game.error
        error = {"type": e.type, "message": e.message, "line": e.line, "column": e.column,
                 "traceback": e.traceback}
    elif status == "error" and game.finished is not None and game.finished.exit_code:
        error = {"type": "SystemExit", "message": f"The program ended with exit code {game.finished.exit_code}.",
                 "line": None, "column": None, "traceback": ""}
    elif status == "killed" and not timed_out:
        code = game.process.returncode if game.process else None
        error = {"type": "Killed", "message": f"The game process was ended (code {code}).", "line": None,
                 "column": None, "traceback": ""}
    if game.finished is not None and game.finished.reason == "memory" and error is not None:
        error["type"] = "MemoryError"
    frames = game.finished.frames if game.finished is not None else game.frames_seen
    fps = game.fps()
    start_s = (game.first_frame_at - game.started_at) if game.first_frame_at else None
    return RunResult(exit=status, frames=frames, fps=fps, error=error, console=list(game.console),
                     warnings=warnings, caption=game.caption, size=game.size, seconds=elapsed,
                     start_seconds=start_s)


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


def save_png(frame, path) -> None:
    """Save a Frame as a PNG file (pygame can save without a display)."""
    import pygame

    pygame.image.save(frame.to_surface(), os.fspath(path))


def run_file(path, frames: Optional[int] = None, seconds: Optional[float] = None,
             screenshot: Optional[str] = None, stdin_lines: Optional[List[str]] = None,
             headless: bool = True) -> dict:
    """`kidcoder run`: headless, or in a plain window that shows the frames; returns the contract dict."""
    if not headless:
        from kidcoder.runner.viewer import run_in_window

        return run_in_window(path, frames=frames, seconds=seconds, screenshot=screenshot,
                             stdin_lines=stdin_lines)
    result = run_program(path, frames=frames, seconds=seconds or DEFAULT_SECONDS, stdin_lines=stdin_lines,
                         screenshot=screenshot)
    return result.as_contract()
