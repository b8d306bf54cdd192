"""How one run of a program went (RunResult), read from a finished GameProcess; a frame saved as PNG.

Both ways of running a program from the command line build their answer here: the
headless run (runner/headless.py) and the plain window (runner/viewer.py), so neither
imports the other for it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import List, Optional

from kidcoder.runner.host import GameProcess
from kidcoder.runner.states import GameStatus, RunExit, run_exit


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


def result_of(game: GameProcess, elapsed: float, warnings: List[str], timed_out: bool) -> RunResult:
    """The RunResult of a game that has ended (or was stopped: timed_out says it ran out of time)."""
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
    fps = game.average_fps()
    start_s = (game.first_frame_at - game.started_at) if game.first_frame_at else None
    return RunResult(exit=status, frames=frames, fps=fps, error=error, console=list(game.console),
                     warnings=warnings, caption=game.caption, size=game.size, seconds=elapsed,
                     start_seconds=start_s)


def save_png(frame, path) -> None:
    """Save a Frame as a PNG file (pygame can save without a display)."""
    import pygame

    pygame.image.save(frame.to_surface(), os.fspath(path))
