"""A game with no new frame is called stuck only when it is: not when it only waits for the processor."""
import os
import subprocess
import sys
import time

import pytest

from kidcoder.runner.host import GameProcess, NoFrame
from kidcoder.runner.proc_tree import threads
from kidcoder.runner.stall_watch import STUCK_CPU_S, StallWatch, looks_stuck, sched_seconds

from tests.runner.helpers import reported_stuck, wait_until

SPIN = [sys.executable, "-c", "while True: pass"]


def test_a_game_that_ran_or_waited_to_run_is_not_stuck_until_it_used_enough_processor_time():
    assert not looks_stuck(used_s=0.1, waited_s=2.5, wall_s=3.0)     # starved
    assert not looks_stuck(used_s=0.2, waited_s=0.5, wall_s=0.7)     # a slow frame, then starved
    assert not looks_stuck(used_s=0.0, waited_s=0.0, wall_s=3.0, ready=True)    # waits, not counted yet
    assert looks_stuck(used_s=STUCK_CPU_S, waited_s=2.5, wall_s=3.0)     # a loop that spins, starved
    assert looks_stuck(used_s=2.0, waited_s=0.0, wall_s=2.0)         # spins with the processor to itself


def test_a_game_that_sleeps_with_no_frame_is_stuck():
    assert looks_stuck(used_s=0.0, waited_s=0.0, wall_s=3.0)         # sleeps, or waits on something
    assert looks_stuck(used_s=0.1, waited_s=0.3, wall_s=1.0)


def test_the_watch_counts_from_a_third_of_the_time_and_starts_again_with_each_frame():
    readings = iter([(0.0, 0.0, True), (0.05, 1.9, False), (0.05, 1.9, False)])
    watch = StallWatch(3.0, read=lambda pid: next(readings))
    assert not watch.check(1, idle_s=0.5, now=100.5)
    assert not watch.check(1, idle_s=1.0, now=101.0)      # the mark: (0, 0) at 101
    assert not watch.check(1, idle_s=3.0, now=103.0)      # 2 s: used 0.05, waited 1.9: starved
    assert not watch.check(1, idle_s=3.1, now=103.1)      # looked at 0.25 s apart at most
    sleeping = StallWatch(3.0, read=lambda pid: (0.2, 0.1, False))        # the same: nothing more used or waited
    assert not sleeping.check(1, idle_s=1.0, now=1.0)
    assert sleeping.check(1, idle_s=3.0, now=3.0)
    assert not sleeping.check(1, idle_s=4.0, now=4.0)     # said once
    sleeping.frame()
    assert not sleeping.check(1, idle_s=1.0, now=5.0)
    assert sleeping.check(1, idle_s=3.0, now=7.0)         # and again after the next frame


def test_with_nothing_to_read_the_clock_alone_decides():
    watch = StallWatch(3.0, read=lambda pid: None)
    assert not watch.check(1, idle_s=2.9, now=2.9)
    assert watch.check(1, idle_s=3.0, now=3.0)


def _just_ran(pid, timeout_s=2.0):
    """sched_seconds(pid) read just after the process's thread was given the processor again: the kernel
    adds a wait to schedstat only then, so a spinner read while it waits (a loaded machine) shows less."""
    def slices():
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[2])
    before, end = slices(), time.monotonic() + timeout_s
    while slices() == before and time.monotonic() < end:
        pass
    return sched_seconds(pid)


def _stolen_s(core):
    """Seconds the virtual machine's host took core `core` away (/proc/stat's steal): in a loaded cloud
    machine a spinner neither runs nor waits in the kernel's queue then, so schedstat cannot show it."""
    with open("/proc/stat", encoding="ascii") as stat:
        line = next(line for line in stat if line.startswith(f"cpu{core} "))
    return int(line.split()[8]) / os.sysconf("SC_CLK_TCK")


def test_schedstat_tells_a_spinning_process_from_a_sleeping_one():
    core = min(os.sched_getaffinity(0))
    spinner = subprocess.Popen(SPIN, preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        time.sleep(0.5)
        spin0, sleep0, stolen0 = _just_ran(spinner.pid), sched_seconds(sleeper.pid), _stolen_s(core)
        time.sleep(0.8)
        spin1, sleep1, stolen1 = _just_ran(spinner.pid), sched_seconds(sleeper.pid), _stolen_s(core)
    finally:
        spinner.kill(), sleeper.kill()
        spinner.wait(), sleeper.wait()
    used, waited = spin1[0] - spin0[0], spin1[1] - spin0[1]
    assert used > 0.05 and used + waited + stolen1 - stolen0 > 0.6, (used, waited, stolen1 - stolen0)
    assert sleep1[0] - sleep0[0] < 0.01 and sleep1[1] - sleep0[1] < 0.01
    assert sched_seconds(spinner.pid) is None            # gone


def _starve(pid, core, starved=True):
    """The game's threads on one core, last in line: SCHED_IDLE, and its session's autogroup (the game
    has its own session: with autogroups, sessions share the processor as groups) at nice 19; or back."""
    for tid in (int(folder.rsplit("/", 1)[1]) for folder in threads(pid)):
        os.sched_setaffinity(tid, {core} if starved else os.sched_getaffinity(0))
        os.sched_setscheduler(tid, os.SCHED_IDLE if starved else os.SCHED_OTHER, os.sched_param(0))
    if os.path.exists(f"/proc/{pid}/autogroup"):
        with open(f"/proc/{pid}/autogroup", "w") as group:
            group.write("19" if starved else "0")


HEAVY_FRAMES = """import time, pygame
pygame.init()
screen = pygame.display.set_mode((60, 40))
while True:
    pygame.event.get()
    began = time.process_time()
    while time.process_time() - began < 0.3:
        pass
    screen.fill((9, 9, 9))
    pygame.display.flip()
"""


def test_a_game_starved_of_the_processor_is_not_called_stuck(tmp_path):
    """The game gets almost no processor time (SCHED_IDLE, on the core a busy process uses) for 3.5 s: it
    draws no frame, and is not said to be stuck; the same watch calls a sleeping game stuck (below)."""
    program = tmp_path / "heavy.py"
    program.write_text(HEAVY_FRAMES)
    core = min(os.sched_getaffinity(0))
    with GameProcess(program, interactive=False, no_frame_seconds=1.0) as game:
        game.start()
        assert wait_until(lambda: game.poll() is not None and game.latest_number() >= 2)
        try:
            _starve(game.process.pid, core)
        except (OSError, AttributeError) as exc:
            pytest.skip(f"cannot starve the game here: {exc}")
        spinner = subprocess.Popen(SPIN, preexec_fn=lambda: os.sched_setaffinity(0, {core}),
                                   start_new_session=True)      # (not in this test's autogroup: it would slow it)
        seen, frames, last_frame, longest = [], game.latest_number(), time.monotonic(), 0.0
        try:
            ends = time.monotonic() + 3.5
            while time.monotonic() < ends:
                seen += game.poll()
                if game.latest_number() != frames:
                    frames, last_frame = game.latest_number(), time.monotonic()
                longest = max(longest, time.monotonic() - last_frame)
                time.sleep(0.02)
        finally:
            spinner.kill()
            spinner.wait()
            _starve(game.process.pid, core, starved=False)
        assert longest >= 2.0, "the game was not starved: this test shows nothing"
        assert not [m for m in seen if isinstance(m, NoFrame)]
        assert wait_until(lambda: game.poll() is not None and game.latest_number() > frames)   # it goes on


def test_a_game_that_sleeps_after_its_first_frame_is_still_called_stuck(tmp_path):
    source = ("import time, pygame\npygame.init()\nscreen = pygame.display.set_mode((50, 50))\n"
              "pygame.display.flip()\ntime.sleep(60)\n")
    with reported_stuck(tmp_path / "sleeps.py", source) as game:
        assert game.running
