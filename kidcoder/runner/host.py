"""GameProcess: the app's handle on one running game (start, poll, frames, input, pause, stop).

The game runs in a fresh interpreter in its own process group, with the
program's folder as its working directory. Two reader threads turn the child's
message pipe and its stdout/stderr into a queue that poll() drains; nothing here
blocks the caller for more than the time it takes to stop a game (at most ~1 s).
"""
from __future__ import annotations

import collections
import os
import queue
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Deque, List, Optional

from kidcoder.runner import protocol
from kidcoder.runner.console_reader import MAX_CONSOLE_LINES, read_console
from kidcoder.runner.frame_rate import FrameRate
from kidcoder.runner.frames import (SEGMENT_PREFIX, Frame, FrameReader, remove_stale_segments, segments_named,
                                    unlink_segment)
from kidcoder.runner.launch import child_command, child_env, kill_group
from kidcoder.runner.reports import ConsoleText, NoFrame, PipeClosed, ProcessEnded
from kidcoder.runner.states import GameStatus, ended_status

__all__ = ["GameProcess", "ConsoleText", "NoFrame", "ProcessEnded", "GameStatus"]

NO_FRAME_SECONDS = 3.0
STOP_GRACE_SECONDS = 1.0
NATIVE_NOISE = ("ALSA lib ",)
# a message from the game -> (the GameProcess attribute it sets, the value it gives it)
REMEMBERED = {
    protocol.Ready: ("ready", lambda message: message),
    protocol.Caption: ("caption", lambda message: message.text),
    protocol.Paused: ("paused_at", lambda message: message.frame),
    protocol.InputRequest: ("_waiting_for_input", lambda message: True),
    protocol.WaitingForEvents: ("_waiting_after_frame", lambda message: message.frame),
    protocol.GameError: ("error", lambda message: message),
    protocol.Finished: ("finished", lambda message: message),
}


class GameProcess:
    """One child program. Create, start(), then call poll() often (each UI frame is fine)."""

    def __init__(self, program, *, frames: int = 0, memory_mb: int = 512, allow_network: bool = False,
                 interactive: bool = True, stdin_lines: Optional[List[str]] = None,
                 python: str = sys.executable, no_frame_seconds: float = NO_FRAME_SECONDS,
                 fast_clock: bool = False, screen_size: Optional[tuple] = None):
        self.program = Path(program).resolve()
        self.frame_limit = frames
        self.memory_mb = memory_mb
        self.allow_network = allow_network
        self.interactive = interactive
        self.stdin_lines = list(stdin_lines or [])
        self.python = python
        self.no_frame_seconds = no_frame_seconds
        self.fast_clock = fast_clock      # checks: clock.tick never sleeps, game time still advances
        self.screen_size = screen_size    # (w, h) a full-screen game gets (the preview pane); None: 640x480
        self._reset()

    def _reset(self) -> None:
        self.process: Optional[subprocess.Popen] = None
        self._queue: "queue.Queue" = queue.Queue()
        self._cmd_file = None
        self._cmd_lock = threading.Lock()
        self._reader: Optional[FrameReader] = None
        self._segments: List[str] = []
        self._prefix = f"{SEGMENT_PREFIX}{os.getpid()}x{uuid.uuid4().hex[:10]}"
        self._threads: List[threading.Thread] = []
        self._last_frame_number = 0
        self._last_frame_time = 0.0
        self._no_frame_reported = False
        self._waiting_for_input = False
        self._waiting_after_frame = -1          # the game waits for events after this frame
        self._stop_reason: Optional[GameStatus] = None
        self._ended_reported = False
        self.ready: Optional[protocol.Ready] = None
        self.caption = ""
        self.size: Optional[tuple] = None
        self.paused = False
        self.paused_at: Optional[int] = None
        self.finished: Optional[protocol.Finished] = None
        self.error: Optional[protocol.GameError] = None
        self.console: Deque[str] = collections.deque(maxlen=MAX_CONSOLE_LINES + 1)
        self.console_truncated = False
        self.started_at = 0.0
        self.first_frame_at: Optional[float] = None
        self.frames_seen = 0
        self.frame_rate = FrameRate()

    # ---- life cycle ---------------------------------------------------------------------
    def start(self) -> None:
        """Spawn the child. Raises FileNotFoundError if the program is missing."""
        if not self.program.is_file():
            raise FileNotFoundError(str(self.program))
        remove_stale_segments()
        msg_read, msg_write = os.pipe()
        cmd_read, cmd_write = os.pipe()
        args = child_command(self.python, self.program, msg_fd=msg_write, cmd_fd=cmd_read, shm_prefix=self._prefix,
                             frames=self.frame_limit, memory_mb=self.memory_mb, allow_network=self.allow_network,
                             fast_clock=self.fast_clock, screen_size=self.screen_size)
        self.started_at = time.monotonic()
        try:
            self.process = subprocess.Popen(
                args, cwd=str(self.program.parent), env=child_env(os.environ), stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, pass_fds=(msg_write, cmd_read),
                start_new_session=True)
        finally:
            os.close(msg_write)
            os.close(cmd_read)
        self._cmd_file = os.fdopen(cmd_write, "wb", buffering=0)
        self._last_frame_time = time.monotonic()
        self._spawn_reader(self._read_messages, msg_read)
        self._spawn_reader(self._read_output, self.process.stdout.fileno())
        for line in self.stdin_lines:
            self._send(protocol.InputLine(text=line))
        if not self.interactive:
            self._send(protocol.InputLine(eof=True))

    def restart(self) -> None:
        """Stop the running game (if any) and start the program again from the top."""
        self.close()
        self._reset()
        self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = STOP_GRACE_SECONDS, reason: GameStatus = GameStatus.STOPPED) -> None:
        """Ask politely; after `grace` seconds kill the whole process group. Returns when it is gone.
        reason GameStatus.TIMEOUT makes status() say the run ran out of time."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self._stop_reason = self._stop_reason or GameStatus(reason)
            self._send(protocol.Stop())
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                pass
        kill_group(self.process)

    def kill(self) -> None:
        """End the game now, without asking."""
        if self.process is not None:
            self._stop_reason = self._stop_reason or GameStatus.KILLED
            kill_group(self.process)

    def close(self) -> None:
        """Stop the game and free its shared memory. Safe to call twice."""
        self.stop()
        for thread in self._threads:
            thread.join(timeout=1.0)
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        for name in set(self._segments) | set(segments_named(self._prefix)):
            unlink_segment(name)
        self._segments = []
        if self._cmd_file is not None:
            try:
                self._cmd_file.close()
            except OSError:
                pass
            self._cmd_file = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- talking to the game ----------------------------------------------------------------
    def _send(self, message) -> bool:
        with self._cmd_lock:
            if self._cmd_file is None:
                return False
            try:
                self._cmd_file.write(protocol.encode(message))
                return True
            except (BrokenPipeError, OSError, ValueError):
                return False

    def send_event(self, message) -> bool:
        """Send an input event (KeyEvent, TextEvent, MouseMotion, MouseButton, MouseWheel, QuitEvent)."""
        return self._send(message)

    def send_input(self, text: str) -> bool:
        """Answer the program's input() with one line."""
        self._waiting_for_input = False
        self._last_frame_time = time.monotonic()
        return self._send(protocol.InputLine(text=text))

    def end_input(self) -> bool:
        """Nobody will type any more: the program's next input() ends with a kind EOFError."""
        self._waiting_for_input = False
        return self._send(protocol.InputLine(eof=True))

    def pause(self) -> bool:
        self.paused = True
        return self._send(protocol.Pause())

    def resume(self) -> bool:
        self.paused = False
        self.paused_at = None
        self._last_frame_time = time.monotonic()
        return self._send(protocol.Resume())

    def step(self) -> bool:
        """While paused, let exactly one more frame through."""
        if not self.paused:
            self.pause()
        return self._send(protocol.Step())

    @property
    def waiting_for_input(self) -> bool:
        return self._waiting_for_input

    # ---- reading what the game says -------------------------------------------------------
    def _spawn_reader(self, target, fd: int) -> None:
        thread = threading.Thread(target=target, args=(fd,), daemon=True, name="kidcoder-game-reader")
        thread.start()
        self._threads.append(thread)

    def _read_messages(self, fd: int) -> None:
        for message in protocol.read_messages(fd, protocol.FROM_GAME):
            self._queue.put(message)
        os.close(fd)
        self._queue.put(PipeClosed("messages"))

    def _read_output(self, fd: int) -> None:
        read_console(fd, lambda text: self._queue.put(ConsoleText(text)))
        self._queue.put(PipeClosed("output"))

    def poll(self) -> list:
        """Everything that happened since the last call: protocol messages and host messages."""
        out = self._drain()
        self._check_frames(out)
        self._check_ended(out)
        return out

    def _drain(self) -> list:
        """The messages waiting in the queue, each noted (what the game said changes this object)."""
        out = []
        while True:
            try:
                message = self._queue.get_nowait()
            except queue.Empty:
                return out
            if not isinstance(message, PipeClosed):
                self._note(message)
                out.append(message)

    def _note(self, message) -> None:
        """What the game said changes what this object reports (caption, size, error, end, ...)."""
        kept = REMEMBERED.get(type(message))
        if kept is not None:
            setattr(self, kept[0], kept[1](message))
        elif isinstance(message, protocol.DisplayOpened):
            self._attach(message)
        elif isinstance(message, protocol.InputAnswered):
            self._waiting_for_input = False
            self._last_frame_time = time.monotonic()
        elif isinstance(message, ConsoleText):
            self._add_console(message.text)

    def _add_console(self, text: str) -> None:
        if self.console and not self.console[-1].endswith("\n"):
            text = self.console.pop() + text
        for piece in text.splitlines(keepends=True):
            if piece.startswith(NATIVE_NOISE) and piece.endswith("\n"):
                continue          # the sound library talking about a missing sound card, not the game
            self.console.append(piece)

    def _attach(self, message: protocol.DisplayOpened) -> None:
        name = f"{self._prefix}_{len(self._segments) + 1}"
        self._segments.append(name)
        if self._reader is not None:
            self._reader.close()
            unlink_segment(self._reader.name)
        try:
            self._reader = FrameReader(name)
        except (FileNotFoundError, OSError, ValueError):
            self._reader = None
        self.size = (message.width, message.height)

    def latest_number(self) -> int:
        """The newest frame's number (0 before the first); cheap, no copy."""
        return self._latest_info()[0]

    def _latest_info(self):
        return self._reader.latest_info() if self._reader is not None else (0, 0.0)

    def fps(self, now: Optional[float] = None) -> float:
        """Frames shown per second over the last few seconds (see frame_rate: never a burst rate)."""
        return self.frame_rate.recent(time.monotonic() if now is None else now)

    def average_fps(self, now: Optional[float] = None) -> float:
        """Frames per second from the first frame until now (or the end): a whole run's figure."""
        return self.frame_rate.overall(time.monotonic() if now is None else now)

    def latest_frame(self) -> Optional[Frame]:
        """A copy of the newest whole frame, or None before the first one."""
        if self._reader is None:
            return None
        return self._reader.latest()

    def _check_frames(self, out: list) -> None:
        number, when = self._latest_info()
        now = time.monotonic()
        if number != self._last_frame_number:
            if self.first_frame_at is None:
                self.first_frame_at = now
            self.frame_rate.seen(number, when)
            self._last_frame_number = number
            self._last_frame_time = now
            self._no_frame_reported = False
            self.frames_seen = number
            return
        # Only a game with a window can be "stuck"; one waiting for the player or for input() is not.
        if (self.running and self.size is not None and not self.paused and not self._waiting_for_input
                and self._waiting_after_frame != number and not self._no_frame_reported
                and now - self._last_frame_time >= self.no_frame_seconds):
            self._no_frame_reported = True
            out.append(NoFrame(seconds=round(now - self._last_frame_time, 1)))

    def _check_ended(self, out: list) -> None:
        if self._ended_reported or self.process is None or self.process.poll() is None:
            return
        # Let the reader threads finish so the last messages are not lost.
        for thread in self._threads:
            thread.join(timeout=0.5)
        out.extend(self._drain())
        self._check_frames([])
        self._ended_reported = True
        out.append(ProcessEnded(status=self.status(), returncode=self.process.returncode))

    def status(self) -> GameStatus:
        """How the game ended (GameStatus.RUNNING while it runs)."""
        if self.running:
            return GameStatus.RUNNING
        return ended_status(self.finished, self._stop_reason)

    def wait_ended(self, timeout: float) -> list:
        """Poll until the process has ended or timeout passes; returns all messages seen."""
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            seen.extend(self.poll())
            if self._ended_reported:
                return seen
            time.sleep(0.005)
        return seen
