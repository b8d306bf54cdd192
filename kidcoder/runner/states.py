"""How a game run stands and how it ended, as string enums (JSON and "ok" == RunExit.OK keep working).

GameStatus is what GameProcess.status() says; RunExit is the `exit` of `kidcoder run --json`,
where a game the host stopped counts as killed.
"""
from __future__ import annotations

from typing import Optional

from kidcoder.runner.protocol import FinishReason, Finished
from kidcoder.strenum import StrEnum


class GameStatus(StrEnum):
    """A game process: still running, or how it ended."""
    RUNNING = "running"
    OK = "ok"               # it quit by itself or reached its frames, with exit code 0
    ERROR = "error"         # an exception, or a non-zero exit code
    KILLED = "killed"       # the memory limit, or it was ended without a word
    STOPPED = "stopped"     # the app stopped it
    TIMEOUT = "timeout"     # it ran out of time


class RunExit(StrEnum):
    """`kidcoder run --json`'s exit: ok | error | timeout | killed."""
    OK = "ok"
    ERROR = "error"
    TIMEOUT = "timeout"
    KILLED = "killed"


def ended_status(finished: Optional[Finished], stop_reason: Optional[GameStatus], returncode: Optional[int] = 0,
                 out_of_memory: bool = False, frames_seen: Optional[int] = None,
                 frame_limit: int = 0) -> GameStatus:
    """How a game that is no longer running ended. What the app saw decides (its exit status, the
    memory cgroup, the frames in the buffer); the game's Finished message only fills in why, and
    is believed only where it agrees (a forged "quit" after a crash is not ok)."""
    if stop_reason == GameStatus.TIMEOUT:
        return GameStatus.TIMEOUT
    if out_of_memory or (returncode is not None and returncode < 0 and stop_reason is None):
        return GameStatus.KILLED            # the kernel (or something outside) ended it by a signal
    if finished is not None:
        if finished.reason == FinishReason.QUIT:
            return GameStatus.OK if returncode == 0 and finished.exit_code == 0 else GameStatus.ERROR
        if finished.reason == FinishReason.FRAMES:
            reached = frame_limit > 0 and (frames_seen is None or frames_seen >= frame_limit)
            if returncode == 0 and reached:
                return GameStatus.OK
        elif finished.reason == FinishReason.MEMORY:
            return GameStatus.KILLED
        elif finished.reason == FinishReason.STOPPED:
            return GameStatus.STOPPED
        elif finished.reason == FinishReason.ERROR:
            return GameStatus.ERROR
    if stop_reason == GameStatus.STOPPED:
        return GameStatus.STOPPED
    return GameStatus.KILLED


def run_exit(status: GameStatus) -> RunExit:
    """The contract's exit for a game status: stopped by the host (or, at worst, still not gone) is killed."""
    return RunExit.KILLED if status in (GameStatus.STOPPED, GameStatus.RUNNING) else RunExit(status)
