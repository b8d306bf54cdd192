"""What GameProcess.poll() adds to the game's own messages: its console text, a game that shows no
new frame, and the end of the process. The host makes these itself; they never cross a pipe."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from kidcoder.runner.states import GameStatus


@dataclass
class ConsoleText:
    """Text the game printed (stdout or stderr)."""
    text: str


@dataclass
class NoFrame:
    """The game has shown no new frame for `seconds` (a loop without flip, or a long calculation)."""
    seconds: float


@dataclass
class ProcessEnded:
    """The game process is gone, with this status (never RUNNING)."""
    status: GameStatus
    returncode: Optional[int]


@dataclass
class PipeClosed:
    """A reader thread's pipe closed (kept inside GameProcess)."""
    which: str
