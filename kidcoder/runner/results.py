"""How one run of a program went (RunResult), read from a finished GameProcess; a frame saved as PNG.

Both ways of running a program from the command line build their answer here: the
headless run (runner/headless.py) and the plain window (runner/viewer.py), so neither
imports the other for it.
"""
from __future__ import annotations

import math
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
    contained: List[str] = field(default_factory=list)     # the walls that were up around the game

    def as_contract(self) -> dict:
        """The `kidcoder run --json` object: plain, finite JSON values only."""
        error = None
        if self.error:
            error = {"type": self.error["type"], "message": self.error["message"], "line": self.error["line"]}
        fps = round(self.fps, 2) if isinstance(self.fps, (int, float)) and math.isfinite(self.fps) else 0.0
        return {"exit": self.exit, "frames": int(self.frames), "fps": fps, "error": error,
                "contained": list(self.contained)}


def result_of(game: GameProcess, elapsed: float, warnings: List[str], timed_out: bool) -> RunResult:
    """The RunResult of a game that has ended (or was stopped: timed_out says it ran out of time).
    Everything here is what the app saw; the game's own claims only fill in the details."""
    status = run_exit(GameStatus.TIMEOUT if timed_out else game.status())
    code = game.process.returncode if game.process else None
    error = None
    if game.ran_out_of_memory:
        error = {"type": "MemoryError", "message": "The program used more memory than it is allowed.",
                 "line": None, "column": None, "traceback": ""}
    elif game.error is not None:
        e = game.error
        error = {"type": e.type, "message": e.message, "line": e.line, "column": e.column,
                 "traceback": e.traceback}
    elif status == "error":
        exit_code = code or (game.finished.exit_code if game.finished is not None else 1)
        error = {"type": "SystemExit", "message": f"The program ended with exit code {exit_code}.",
                 "line": None, "column": None, "traceback": ""}
    elif status == "killed" and not timed_out:
        error = {"type": "Killed", "message": f"The game process was ended (code {code}).", "line": None,
                 "column": None, "traceback": ""}
    if game.finished is not None and game.finished.reason == "memory" and error is not None:
        error["type"] = "MemoryError"
    start_s = (game.first_frame_at - game.started_at) if game.first_frame_at else None
    return RunResult(exit=status, frames=game.frames_seen, fps=game.average_fps(), error=error, console=list(game.console),
                     warnings=warnings, caption=game.caption, size=game.size, seconds=elapsed,
                     start_seconds=start_s, contained=list(game.contained))


class ScreenshotError(Exception):
    """The screenshot could not be saved (its folder is gone, read-only or full): one clear line."""


def save_png(frame, path) -> None:
    """Save a Frame as a PNG file (pygame can save without a display); raises ScreenshotError."""
    import pygame

    try:
        pygame.image.save(frame.to_surface(), os.fspath(path))
    except (pygame.error, OSError) as exc:
        raise ScreenshotError(f"could not save the screenshot {os.fspath(path)}: {exc}") from None
