"""Watching one game for the probe run: its reports, its progress, and whether it is stuck.

A game is stuck when it makes no frame and reads no event while it spins the CPU (a loop that
never ends) or while its main thread sleeps (a loop with time.sleep). A game that only waits
for the CPU on a busy machine, or whose answer comes late, is not stuck.
"""
from __future__ import annotations

import time
import zlib
from typing import Collection, Dict, Optional

from kidcoder.runner import protocol
from kidcoder.runner.host import GameProcess, ProcessEnded
from kidcoder.runner.proc_tree import inner_process

STALL_SECONDS = 2.0           # no frame and no event read for this long: the game is stuck
CPU_STALL_SECONDS = 0.3       # ... or while it used this much CPU: it spins in a loop (any machine load)
START_CPU_STALL_SECONDS = 0.5 # at the start (where reaching a line not run before also counts as progress)
SURE_CPU_SECONDS = 0.05       # in a loop that surely never ends (the caller's stuck_lines): only a crash can stop it
SURE_SLEEP_SECONDS = 0.3      # ... or asleep in it this long (time.sleep in a loop that never ends)
READY_SECONDS = 0.1           # spawn to Ready on a quiet machine; a slower Ready stretches the start
MAX_SLOWNESS = 4.0
MAX_PAUSE_SECONDS = 1.0
POLL_SECONDS = 0.01
ASK_SECONDS = 1.0             # a busy machine may take long to answer; no answer is not "stuck"


class Watcher:
    """One GameProcess, polled; keeps the newest ProbeReport and the end of the game."""

    def __init__(self, game: GameProcess, stuck_lines: Collection[int] = ()):
        self.game = game
        self.stuck_lines = frozenset(stuck_lines)   # lines of loops that surely never end (told by the caller)
        self.report: Optional[protocol.ProbeReport] = None     # the newest report
        self.answers = 0
        self.ended = False
        self.display = False
        self.waiting_input = False
        self.spawned = time.monotonic()
        self.slowness = 1.0          # how much slower than a quiet machine this one is now
        self.longest_pause = 0.0
        self._progress = None
        self._progress_at: Optional[float] = None
        self._progress_cpu = 0.0
        self._asleep = 0.0            # seconds the game's main thread slept since its last progress
        self._lines: set = set()
        self._sampled_at: Optional[float] = None
        self.game_pid: Optional[int] = None   # the game's own process (it runs under a launcher), once Ready
        self.why = ""                 # what the last stuck() that said yes rested on

    @property
    def stall(self) -> float:
        """How long without a frame or an event read means stuck by the clock on the wall: never
        shorter than three of the longest pauses this game has already made while playing."""
        return max(STALL_SECONDS, 3 * self.longest_pause)

    def stuck(self, report: protocol.ProbeReport, cpu_limit: float = CPU_STALL_SECONDS) -> bool:
        """No frame and no event read since the last progress, while the game spent cpu_limit of
        CPU (a loop that spins) or slept for the stall time (a loop that sleeps). A game that only
        waits for the CPU on a busy machine is neither. In a loop that surely never ends, a little
        CPU is enough (it is given the time to crash on its first round, if it does)."""
        if self._progress is not None and (report.frames, report.event_reads) != self._progress:
            return False
        stall = self.stall
        if report.line in self.stuck_lines:
            cpu_limit, stall = min(cpu_limit, SURE_CPU_SECONDS), SURE_SLEEP_SECONDS
        spent = report.cpu - self._progress_cpu
        if spent >= cpu_limit or self._asleep >= stall:
            self.why = f"no frame or event read at line {report.line}: {spent:.2f} s of CPU, {self._asleep:.2f} s asleep"
            return True
        return False

    def _note_progress(self, report: protocol.ProbeReport) -> None:
        now = time.monotonic()
        if self._sampled_at is not None and _sleeping(self.game_pid):
            self._asleep += now - self._sampled_at
        self._sampled_at = now
        progress = (report.frames, report.event_reads)
        if not report.frames and report.line is not None and report.line not in self._lines:
            # Before the first frame, running new lines is progress too (loading pictures, making
            # sprites); a loop that is stuck goes round the same few lines.
            self._lines.add(report.line)
            self._progress_cpu, self._asleep = report.cpu, 0.0
        if progress != self._progress:
            self._asleep = 0.0
            if self._progress is not None and self._progress_at is not None:
                self.longest_pause = min(MAX_PAUSE_SECONDS, max(self.longest_pause, now - self._progress_at))
            self._progress, self._progress_at, self._progress_cpu = progress, now, report.cpu

    def pump(self) -> None:
        for message in self.game.poll():
            if isinstance(message, protocol.ProbeReport):
                self.report = message
                self.answers += 1
                self._note_progress(message)
            elif isinstance(message, protocol.Ready):
                if self.game.process is not None:
                    self.game_pid = inner_process(self.game.process.pid, message.pid)
                ready = time.monotonic() - self.spawned
                self.slowness = min(MAX_SLOWNESS, max(1.0, ready / READY_SECONDS))
            elif isinstance(message, protocol.DisplayOpened):
                self.display = True
            elif isinstance(message, protocol.InputRequest):
                self.waiting_input = True
            elif isinstance(message, protocol.InputAnswered):
                self.waiting_input = False
            elif isinstance(message, ProcessEnded):
                self.ended = True

    def ask(self, timeout: float = ASK_SECONDS) -> Optional[protocol.ProbeReport]:
        """A fresh report (None if the game ended or did not answer in time)."""
        if self.ended:
            return None
        answers = self.answers
        self.game.send_event(protocol.ProbeAsk())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.ended:
            self.pump()
            if self.answers > answers:
                return self.report
            time.sleep(POLL_SECONDS / 2)
        return None

    def wait_for(self, done, timeout: float) -> None:
        """Ask for reports until done(report) is true, the game ends, or timeout passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.ended:
            report = self.ask(max(0.05, deadline - time.monotonic()))
            if report is not None and done(report):
                return
            time.sleep(POLL_SECONDS)

    def wait_ended(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.ended:
            self.pump()
            time.sleep(POLL_SECONDS)

    def picture(self) -> Dict[str, object]:
        """A checksum of the newest frame and whether it is one plain colour."""
        frame = self.game.latest_frame()
        if frame is None:
            return {"hash": None, "plain": None}
        pixels = frame.pixels
        plain = pixels == pixels[:4] * (len(pixels) // 4)
        return {"hash": zlib.crc32(pixels), "plain": plain}


def _sleeping(pid: Optional[int]) -> bool:
    """The game's main thread sleeps by itself (time.sleep, waiting for a file): not running, not
    waiting for the CPU, and not waiting for a lock (the command thread may hold the interpreter
    lock while it answers). pid: the game's own process, not its launcher (which only waits for it).
    Linux only: elsewhere, or before the game is known, every pause without progress counts."""
    if pid is None:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rsplit(b")", 1)[1].split()[:1]
    except (OSError, IndexError):
        return True
    if state not in ([b"S"], [b"D"]):
        return False
    try:
        with open(f"/proc/{pid}/wchan", "rb") as wchan:
            return not wchan.read().startswith(b"futex")
    except OSError:
        return True
