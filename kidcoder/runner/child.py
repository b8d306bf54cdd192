"""Runs inside the game process: `python -m kidcoder.runner.child PROGRAM --msg-fd N --cmd-fd N ...`.

It walls itself in (runner/confine.py: first thing, before any thread), reports Ready with
the walls that are up, runs the child's file as __main__, and turns the ending (quit, frame
limit, stop, error) into protocol messages on the message pipe. The game's own print output
goes to stdout/stderr, which the app reads as the console.
"""
from __future__ import annotations

# Everything the runner needs is imported here, before the program's folder joins sys.path:
# a child's secrets.py or base64.py must not replace the modules shared memory relies on.
import argparse
import builtins
import os
import queue
import runpy
import sys
import tempfile
import threading
import time
import traceback

from kidcoder.runner import confine, fonts, limits, protocol
from kidcoder.runner.child_io import CappedOutput, InputStdin, make_input
from kidcoder.runner.fast_clock import install_fast_clock
from kidcoder.runner.frames import FrameWriter
from kidcoder.paths import assets_dir, cache_dir
from kidcoder.runner.game_hooks import DEFAULT_SIZE, GameHooks, hook_when_imported, uses_pygame
from kidcoder.runner.game_input import scale_input
from kidcoder.runner.protocol import FinishReason
from kidcoder.runner.smoothscale import quiet_simd_warning, use_safe_smoothscale
from kidcoder.runner.probe_child import probe_report

MAX_ERROR_MESSAGE = 4 * 1024
CHECK_SEED = 14
MAX_TRACEBACK = 64 * 1024
MAX_SOURCE_BYTES = 4 * 1024 * 1024


class Channel:
    """The message pipe to the app; write() is safe from any thread."""

    def __init__(self, fd: int):
        self._file = os.fdopen(fd, "wb", buffering=0)
        self._lock = threading.Lock()

    def send(self, message) -> None:
        data = protocol.encode(message)
        with self._lock:
            try:
                self._file.write(data)
            except (BrokenPipeError, OSError):
                os._exit(0)     # the app is gone: nothing left to play for


class Commands:
    """Reads the app's commands on a thread; input events go to the hooks, the rest to queues."""

    def __init__(self, fd: int, channel: Channel, state: "GameState"):
        self._file = os.fdopen(fd, "rb", buffering=0)
        self.channel = channel
        self.state = state
        self.input_lines: "queue.Queue" = queue.Queue()
        self.control: "queue.Queue" = queue.Queue()
        self.hooks = None
        self.input_scale = (1.0, 1.0)       # frame pixels -> game pixels, when frames are scaled down

    def start(self) -> None:
        """Start reading (only once every wall is up: a thread started earlier would stay outside them)."""
        thread = threading.Thread(target=self._read, name="kidcoder-commands", daemon=True)
        thread.start()

    def _read(self) -> None:
        for message in protocol.read_messages(self._file.fileno(), protocol.TO_GAME):
            self._handle(message)
        self.state.finish(FinishReason.STOPPED)     # the app closed the pipe or died

    def _handle(self, message) -> None:
        if isinstance(message, protocol.Stop):
            self.state.finish(FinishReason.STOPPED)
        elif isinstance(message, protocol.InputLine):
            self.input_lines.put(message)
        elif isinstance(message, protocol.CONTROLS):
            self.control.put(message)
        elif isinstance(message, protocol.ProbeAsk):
            self.channel.send(probe_report(self.state, self.hooks))
        elif isinstance(message, protocol.INPUT_EVENTS) and self.hooks is not None:
            self.hooks.queue_event(scale_input(message, self.input_scale))


class GameState:
    """Counts frames, holds pause/step, and ends the process the same way every time."""

    def __init__(self, channel: Channel, frame_limit, writer: FrameWriter):
        self.channel = channel
        self.frame_limit = frame_limit
        self.frames = 0
        self.set_modes = 0
        self.program = ""
        self.writer = writer
        self.size = None
        self.paused = False
        self.steps = 0
        self.commands = None
        self._lock = threading.Lock()
        self._announced = False
        self._waiting_told = False

    def finish(self, reason: FinishReason, exit_code: int = 0) -> None:
        """Send Finished and leave at once (from any thread): for Stop and the frame limit, where
        no more game code may run."""
        with self._lock:
            self.announce(reason, exit_code)
            os._exit(0)

    def announce(self, reason: FinishReason, exit_code: int = 0) -> None:
        """Send Finished once; the caller then lets Python end normally (files flushed, atexit run)."""
        if self._announced:
            return
        self._announced = True
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        self.channel.send(protocol.Finished(reason=reason, frames=self.frames, exit_code=exit_code,
                                            output_truncated=CappedOutput.budget["truncated"]))

    def on_display(self, surface) -> None:
        self.set_modes += 1
        width, height = surface.get_size()
        if self.size == (width, height):
            return        # set_mode again with the same size (often inside the loop): nothing to tell
        self.size = (width, height)
        shown = self.writer.frame_size(width, height)
        self.commands.input_scale = (width / shown[0], height / shown[1])
        self.channel.send(protocol.DisplayOpened(width=shown[0], height=shown[1]))

    def publish(self, surface) -> None:
        if self.size is None:
            self.on_display(surface)
        self.frames += 1
        self.writer.publish(surface, self.frames, time.monotonic())
        self._waiting_told = False
        if self.frame_limit and self.frames >= self.frame_limit:
            self.finish(FinishReason.FRAMES)
        self._hold_if_paused()

    def on_wait(self) -> None:
        """The game waits in event.wait(): tell the app once per frame, so its watchdog stays quiet."""
        if not self._waiting_told:
            self._waiting_told = True
            self.channel.send(protocol.WaitingForEvents(frame=self.frames))

    def _hold_if_paused(self) -> None:
        """After a frame: take Pause/Resume/Step commands; while paused, hold here until a step."""
        control = self.commands.control
        if not self.paused and not control.queue:
            return          # the usual frame: no command waits (no lock, no queue.Empty raised every frame)
        told = False
        while True:
            holding = self.paused and self.steps == 0
            if holding and not told:
                self.channel.send(protocol.Paused(frame=self.frames))
                told = True
            try:
                message = control.get() if holding else control.get_nowait()
            except queue.Empty:
                return
            if isinstance(message, protocol.Pause):
                self.paused, self.steps = True, 0
            elif isinstance(message, protocol.Resume):
                self.paused = False
            elif isinstance(message, protocol.Step):
                self.steps += 1
            if self.paused and self.steps:
                self.steps -= 1          # this step's frame is the next one
                return
            if not self.paused:
                return


def program_line(exc: BaseException, program: str):
    """The line (and column) in the child's own file where exc happened, or (None, None)."""
    target = os.path.normcase(os.path.abspath(program))
    if isinstance(exc, SyntaxError) and exc.filename and \
            os.path.normcase(os.path.abspath(exc.filename)) == target:
        return exc.lineno, exc.offset
    line = column = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.normcase(os.path.abspath(frame.filename)) == target:
            line, column = frame.lineno, getattr(frame, "colno", None)
    return line, (column + 1 if column is not None else None)


def child_traceback(exc: BaseException) -> str:
    """The traceback without KidCoder's and runpy's own frames: only what the child wrote."""
    here = os.path.dirname(os.path.abspath(__file__))
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.startswith(here) and "runpy" not in os.path.basename(f.filename)
              and not f.filename.startswith("<frozen runpy")]
    text = "Traceback (most recent call last):\n" if frames else ""
    text += "".join(traceback.format_list(frames))
    text += "".join(traceback.format_exception_only(type(exc), exc))
    return text


def _size(text: str):
    width, _, height = text.partition("x")
    return max(1, min(4096, int(width))), max(1, min(4096, int(height)))


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="kidcoder.runner.child")
    parser.add_argument("program")
    parser.add_argument("--msg-fd", type=int, required=True)
    parser.add_argument("--cmd-fd", type=int, required=True)
    parser.add_argument("--frames-fd", type=int, default=None, help="the app's sealed frame buffer")
    parser.add_argument("--frames-shm", default=None, help="... or its shared-memory name")
    parser.add_argument("--frames-bell", type=int, default=None, help="rung after each frame (runner/frames.py)")
    parser.add_argument("--frames", type=int, default=0)
    parser.add_argument("--memory-mb", type=int, default=limits.DEFAULT_MEMORY_MB)
    parser.add_argument("--allow-network", action="store_true")
    parser.add_argument("--host-pid", type=int, default=0, help="the app: the game dies with it")
    parser.add_argument("--cgroup", action="append", default=[], help="a cgroup.procs file to join")
    parser.add_argument("--writable", action="append", default=[], help="a folder the game may write in")
    parser.add_argument("--temp", default=None, help="the game's private temporary folder")
    parser.add_argument("--layers-off", default="", help="kernel layers to leave off (confine.SWITCHABLE)")
    parser.add_argument("--fast-clock", action="store_true", help="clock.tick never sleeps (checks)")
    parser.add_argument("--screen-size", type=_size, default=None, help="WxH a full-screen game gets")
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    walls = confine.Walls(cgroup_files=args.cgroup, writable=args.writable, memory_mb=args.memory_mb,
                          allow_network=args.allow_network, off=confine.parse_off(args.layers_off))
    up = confine.before_threads(walls, args.host_pid or os.getppid())    # from here on: the game
    channel = Channel(args.msg_fd)
    writer = FrameWriter(fd=args.frames_fd, name=args.frames_shm, bell=args.frames_bell)
    commands = Commands(args.cmd_fd, channel, None)
    state = GameState(channel, args.frames, writer)
    commands.state, state.commands = state, commands

    program = os.path.abspath(args.program)
    state.program = program
    with open(program, "rb") as f:
        source = f.read(MAX_SOURCE_BYTES).decode("utf-8", "replace")
    if args.temp:                        # the game's own temporary folder: the only one it may write in
        for name in ("TMPDIR", "TEMP", "TMP"):
            os.environ[name] = args.temp
        tempfile.tempdir = args.temp
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    quiet_simd_warning()
    font_list = cache_dir() / fonts.CACHE_NAME

    def install(pygame) -> None:
        use_safe_smoothscale(pygame)
        hooks = GameHooks(pygame, publish=state.publish, on_display=state.on_display,
                          on_caption=lambda text: channel.send(protocol.Caption(text=text)),
                          on_wait=state.on_wait, screen_size=args.screen_size or DEFAULT_SIZE)
        hooks.install()
        fonts.use_cached_fonts(pygame.sysfont, font_list)
        commands.hooks = hooks
        if args.fast_clock:
            install_fast_clock(pygame)

    if uses_pygame(source):
        import pygame   # only for programs that use it: the others start without its cost

        fonts.prime(pygame.sysfont, font_list)      # fc-list may run now, never behind the walls
        install(pygame)
    else:
        hook_when_imported(install)      # a module of the program may still bring pygame in
    up = confine.in_the_game(walls, up)
    if not args.allow_network:
        limits.switch_off_network()
    limits.switch_off_subprocesses()
    sys.stdout = CappedOutput(sys.stdout)
    sys.stderr = CappedOutput(sys.stderr)
    kid_input = make_input(channel, commands)
    builtins.input = kid_input
    sys.stdin = InputStdin(kid_input)
    commands.start()
    channel.send(protocol.Ready(version=protocol.PROTOCOL_VERSION, pid=os.getpid(), contained=up))
    _out_of_reach()

    sys.argv = [program]
    if args.fast_clock:
        import random

        random.seed(CHECK_SEED)    # checks and probe runs see the same enemies each time: reproducible
    sys.path.insert(0, os.path.dirname(program))
    sys.path.append(str(assets_dir() / "gamelib"))    # modules games may import (pippy); the game's own win
    reason, code = run_program_file(program, channel)
    if reason == FinishReason.MEMORY:
        state.finish(reason)
    state.announce(reason, code)
    # Python now ends as usual: the program's files are flushed, its threads joined, atexit run.
    sys.exit(code if reason == FinishReason.QUIT else 1)


def _out_of_reach() -> None:
    """Take the runner's modules out of sys.modules, so `import kidcoder...` in a game gets fresh
    copies, not the running ones (the kernel's walls, not this, are what protect the laptop)."""
    for name in [name for name in sys.modules if name == "kidcoder" or name.startswith("kidcoder.")]:
        del sys.modules[name]


def run_program_file(program: str, channel: Channel):
    """Run the child's file as __main__; (reason, exit code) tell how it ended."""
    try:
        runpy.run_path(program, run_name="__main__")
    except SystemExit as exc:
        code = exc.code
        if code is None or code == 0:
            return FinishReason.QUIT, 0
        if not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        line, column = program_line(exc, program)
        channel.send(protocol.GameError(type="SystemExit", message=f"The program ended with exit code {code}.",
                                        line=line, traceback=child_traceback(exc)[-MAX_TRACEBACK:],
                                        column=column))
        return FinishReason.QUIT, code
    except MemoryError as exc:
        _report(channel, exc, program)
        return FinishReason.MEMORY, 1
    except BaseException as exc:      # every other ending is the child's error, reported kindly
        _report(channel, exc, program)
        return FinishReason.ERROR, 1
    return FinishReason.QUIT, 0


def _report(channel: Channel, exc: BaseException, program: str) -> None:
    line, column = program_line(exc, program)
    text = child_traceback(exc)
    try:
        sys.stderr.write(text)
    except Exception:
        pass
    message = str(exc) if not isinstance(exc, SyntaxError) else (exc.msg or str(exc))
    if isinstance(exc, MemoryError) and not message:
        message = "The program used more memory than it is allowed."
    if len(message) > MAX_ERROR_MESSAGE:
        message = message[:MAX_ERROR_MESSAGE] + " ..."
    if len(text) > MAX_TRACEBACK:
        text = "...\n" + text[-MAX_TRACEBACK:]
    channel.send(protocol.GameError(type=type(exc).__name__, message=message, line=line,
                                    traceback=text, column=column))


if __name__ == "__main__":
    main()
