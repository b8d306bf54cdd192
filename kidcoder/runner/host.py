"""GameProcess: the app's handle on one running game (start, poll, frames, input, pause, stop).

The game runs in a fresh interpreter in its own process group and folder, behind the walls of
runner/containment.py; its pipes are read into a bounded queue (runner/game_pipes.py), so a flood
cannot keep the app busy, and nothing here blocks for longer than stopping a game (~1 s). The app
trusts nothing from the game: messages are type-checked, frames range-checked, and how the game
ended comes from what the app saw (exit status, the cgroup, the frames), not from its claims.
"""
from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Deque, List, Optional, Sequence, Tuple

from kidcoder.runner import protocol
from kidcoder.runner.console_reader import MAX_CONSOLE_LINES
from kidcoder.runner.containment import Containment, layers_off_from_env
from kidcoder.runner.frame_rate import FrameRate, sane_rate
from kidcoder.runner.frames import MAX_SIDE, Frame, FrameBuffer, remove_stale_segments
from kidcoder.runner.game_pipes import GamePipes
from kidcoder.runner.launch import child_command, child_env, kill_group, process_state
from kidcoder.runner.limits import sane_memory_mb
from kidcoder.runner.reports import ConsoleText, NoFrame, ProcessEnded
from kidcoder.runner.stall_watch import StallWatch
from kidcoder.runner.states import GameStatus, ended_status

__all__ = ["GameProcess", "ConsoleText", "NoFrame", "ProcessEnded", "GameStatus"]

NO_FRAME_SECONDS = 3.0
STOP_GRACE_SECONDS = 1.0
END_GRACE_SECONDS = 2.0         # after the process ended, how long its last messages may take to arrive
PARENT_CHECK_SECONDS = 0.5
NATIVE_NOISE = ("ALSA lib ",)
# a message from the game -> (the GameProcess attribute it sets, the value it gives it)
REMEMBERED = {
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
                 fast_clock: bool = False, screen_size: Optional[tuple] = None,
                 layers_off: Optional[Sequence[str]] = None):
        self.program = Path(program).resolve()
        self.frame_limit = max(0, int(frames or 0))
        self.memory_mb = sane_memory_mb(memory_mb)
        self.layers_off = layers_off_from_env() if layers_off is None else list(layers_off)
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
        self._pipes: Optional[GamePipes] = None
        self._cmd_file = None
        self._cmd_lock = threading.Lock()
        self._frames: Optional[FrameBuffer] = None
        self._walls: Optional[Containment] = None
        self._exited_at: Optional[float] = None
        self._parent_checked_at = 0.0
        self._out_of_memory = False
        self._last_frame_number = 0
        self._last_frame_time = 0.0
        self._stall = StallWatch(self.no_frame_seconds)     # stuck, or only starved of the processor? (once)
        self._waiting_for_input = False
        self._waiting_after_frame = -1          # the game waits for events after this frame
        self._stop_reason: Optional[GameStatus] = None
        self._ended_reported = False
        self.ready: Optional[protocol.Ready] = None
        self.contained: List[str] = []          # the walls up around the game (from its Ready message)
        self.caption = ""
        self.size: Optional[tuple] = None
        self.paused, self.paused_at = False, None      # paused_at: the frame it paused at (its Paused message)
        self.finished: Optional[protocol.Finished] = None
        self.error: Optional[protocol.GameError] = None
        self.console: Deque[str] = collections.deque(maxlen=MAX_CONSOLE_LINES + 1)
        self.console_truncated, self.started_at = False, 0.0
        self.first_frame_at: Optional[float] = None
        self.frames_seen = 0
        self.frame_rate = FrameRate()

    # ---- life cycle ---------------------------------------------------------------------
    def start(self) -> None:
        """Spawn the child. Raises FileNotFoundError if the program is missing or not a plain file.
        Call it from a thread that outlives the game (the UI thread, a worker lane): the game dies with
        the thread that started it (the kernel's parent-death signal), so it never outlives the app."""
        if not self.program.is_file():         # (is_file: False for a folder, a FIFO or a device)
            raise FileNotFoundError(str(self.program))
        remove_stale_segments()
        self._frames = FrameBuffer()
        self._walls = Containment(self.program, self.memory_mb, self.layers_off)
        msg_read, msg_write = os.pipe()
        cmd_read, cmd_write = os.pipe()
        args = child_command(self.python, self.program, msg_fd=msg_write, cmd_fd=cmd_read,
                             frames_args=self._frames.child_args(), frames=self.frame_limit,
                             memory_mb=self.memory_mb, allow_network=self.allow_network,
                             fast_clock=self.fast_clock, screen_size=self.screen_size,
                             walls=self._walls.child_args())
        self.started_at = time.monotonic()
        try:
            self.process = subprocess.Popen(
                args, cwd=str(self.program.parent), env=child_env(os.environ), stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                pass_fds=(msg_write, cmd_read) + self._frames.pass_fds, start_new_session=True)
        except BaseException:
            os.close(msg_read)
            os.close(cmd_write)
            self._free()
            raise
        finally:
            os.close(msg_write)
            os.close(cmd_read)
        self._cmd_file = os.fdopen(cmd_write, "wb", buffering=0)
        self._last_frame_time = time.monotonic()
        self._pipes = GamePipes(msg_read, self.process.stdout.fileno())
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
        """Ask politely; after `grace` seconds end the game and everything it started. Returns when
        it is gone. reason GameStatus.TIMEOUT makes status() say the run ran out of time."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self._stop_reason = self._stop_reason or GameStatus(reason)
            self._send(protocol.Stop())
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self._end_outside()
        self._end_all()

    def _end_outside(self) -> None:
        """The process the app started ends the game and its leftovers when told (SIGTERM)."""
        try:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=0.5)
        except (subprocess.TimeoutExpired, OSError):
            pass

    def _end_all(self) -> None:
        kill_group(self.process)
        if self._walls is not None:
            self._walls.end_all()

    def kill(self) -> None:
        """End the game now, without asking."""
        if self.process is not None:
            self._stop_reason = self._stop_reason or GameStatus.KILLED
            self._end_all()

    def close(self) -> None:
        """Stop the game and free its frame buffer, cgroup and temporary folder. Safe to call twice."""
        self.stop()
        if self._pipes is not None:
            self._pipes.close()
        if self._walls is not None:
            self._out_of_memory = self._out_of_memory or self._walls.ran_out_of_memory()
        self._free()
        if self._cmd_file is not None:
            try:
                self._cmd_file.close()
            except OSError:
                pass
            self._cmd_file = None

    def _free(self) -> None:
        if self._frames is not None:
            self._frames.latest_info()          # keeps the last good numbers after the buffer is gone
            self._frames.close()
        if self._walls is not None:
            self._walls.close()
            self._walls = None

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
    def poll(self) -> list:
        """What happened since the last call (at most MAX_PER_POLL game messages, the rest next
        time): protocol messages and host messages."""
        out = self._drain()
        self._check_frames(out)
        self._check_parent(out)
        self._check_ended(out)
        return out

    def news_waiting(self) -> bool:
        """A message or printed text waits for poll() (cheap: nothing is read)."""
        return self._pipes is not None and self._pipes.waiting()

    def _drain(self) -> list:
        """Up to MAX_PER_POLL waiting messages, each noted (what the game said changes this object)."""
        out = self._pipes.drain() if self._pipes is not None else []
        for message in out:
            self._note(message)
        return out

    def _note(self, message) -> None:
        """What the game said changes what this object reports (caption, size, error, end, ...)."""
        kept = REMEMBERED.get(type(message))
        if isinstance(message, protocol.Ready):
            if self.ready is None:            # only the first: sent before any of the game's code ran
                self.ready, self.contained = message, list(message.contained)
        elif kept is not None:
            setattr(self, kept[0], kept[1](message))
        elif isinstance(message, protocol.DisplayOpened):
            if 1 <= message.width <= MAX_SIDE and 1 <= message.height <= MAX_SIDE:
                self.size = (message.width, message.height)
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

    def latest_number(self) -> int:
        """The newest frame's number (0 before the first); cheap, no copy."""
        return self._latest_info()[0]

    def _latest_info(self):
        return self._frames.latest_info() if self._frames is not None else (0, 0.0)

    @property
    def frame_bell(self) -> Optional[int]:
        """Readable when the game drew a frame since it was last answered (FrameBuffer.bell); None: none."""
        return self._frames.bell if self._frames is not None else None

    def fps(self, now: Optional[float] = None) -> float:
        """Frames shown per second over the last few seconds (see frame_rate: never a burst rate)."""
        return sane_rate(self.frame_rate.recent(time.monotonic() if now is None else now))

    def average_fps(self, now: Optional[float] = None) -> float:
        """Frames per second from the first frame until now (or the end): a whole run's figure."""
        return sane_rate(self.frame_rate.overall(time.monotonic() if now is None else now))

    def latest_frame(self) -> Optional[Frame]:
        """A copy of the newest whole frame, or None before the first one."""
        return self._frames.latest() if self._frames is not None else None

    def latest_frame_into(self, draw) -> Optional[Tuple[int, float]]:
        """The newest frame's pixels handed to draw where they lie, with no copy (FrameBuffer.latest_into)."""
        return self._frames.latest_into(draw) if self._frames is not None else None

    def _check_frames(self, out: list) -> None:
        number, when = self._latest_info()
        now = time.monotonic()
        if number != self._last_frame_number:
            if self.first_frame_at is None:
                self.first_frame_at = now
            # the game's clock stamps the frame; a time it could not have written is the app's own
            self.frame_rate.seen(number, when if self.started_at - 1.0 <= when <= now + 1.0 else now)
            self._last_frame_number = number
            self._last_frame_time = now
            self._stall.frame()
            self.frames_seen = number
            return
        # Only a game with a window can be "stuck"; one waiting for the player or for input() is not.
        if (self.running and self.size is not None and not self.paused and not self._waiting_for_input
                and self._waiting_after_frame != number
                and self._stall.check(self.process.pid, now - self._last_frame_time, now)):
            out.append(NoFrame(seconds=round(now - self._last_frame_time, 1)))

    def _check_parent(self, out: list) -> None:
        """The process the app started must never be stopped (SIGSTOP from the game would hold the
        game's clean-up): if it is, the game is ended."""
        now = time.monotonic()
        if self.process is None or now - self._parent_checked_at < PARENT_CHECK_SECONDS:
            return
        self._parent_checked_at = now
        if self.running and process_state(self.process.pid) in ("T", "t"):
            self.kill()

    def _check_ended(self, out: list) -> None:
        if self._ended_reported or self.process is None or self.process.poll() is None:
            return
        now = time.monotonic()
        self._exited_at = now if self._exited_at is None else self._exited_at
        # The last messages may still be on their way: wait for both pipes to close (bounded).
        if not self._pipes.finished and now - self._exited_at < END_GRACE_SECONDS:
            return
        self._check_frames([])
        if self._walls is not None:
            self._out_of_memory = self._out_of_memory or self._walls.ran_out_of_memory()
        self._ended_reported = True
        out.append(ProcessEnded(status=self.status(), returncode=self.process.returncode))

    @property
    def ran_out_of_memory(self) -> bool:
        """The kernel ended the game for going over its memory cgroup's limit."""
        return self._out_of_memory

    def status(self) -> GameStatus:
        """How the game ended (GameStatus.RUNNING while it runs), from what the app saw."""
        if self.running:
            return GameStatus.RUNNING
        returncode = self.process.returncode if self.process is not None else None
        return ended_status(self.finished, self._stop_reason, returncode=returncode,
                            out_of_memory=self._out_of_memory, frames_seen=self.frames_seen,
                            frame_limit=self.frame_limit)

    def wait_ended(self, timeout: float) -> list:
        """Poll until the process has ended or timeout passes; returns all messages seen."""
        deadline, seen = time.monotonic() + timeout, []
        while time.monotonic() < deadline:
            seen.extend(self.poll())
            if self._ended_reported:
                return seen
            time.sleep(0.005)
        return seen
