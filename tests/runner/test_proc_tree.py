"""The process-tree walk that the stall watch and the benchmark probes share, on real processes."""
import subprocess
import sys
import time

import pytest

from kidcoder.runner.proc_tree import inner_process, process_tree, threads
from kidcoder.ui.proc_cpu import process_cpu
from tests.runner.helpers import wait_until

# A launcher that starts a child which spins for a while, then sleeps: like a game under its launcher.
LAUNCHER = """import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", "import time\\nt = time.process_time()\\n"
                          "while time.process_time() - t < 0.4: pass\\ntime.sleep(60)"])
child.wait()
"""


def test_a_launcher_and_its_child_are_walked_and_their_processor_time_counted():
    launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER])
    try:
        assert wait_until(lambda: len(process_tree(launcher.pid)) == 2)
        parent, child = process_tree(launcher.pid)
        assert parent == launcher.pid and child != launcher.pid
        folders = threads(launcher.pid)
        assert f"/proc/{launcher.pid}/task/{launcher.pid}" in folders
        assert f"/proc/{child}/task/{child}" in folders
        assert wait_until(lambda: process_cpu(launcher.pid) >= 0.35, timeout=20)   # the child's spin counts
    finally:
        for pid in process_tree(launcher.pid)[::-1]:
            subprocess.run(["kill", str(pid)])
        launcher.wait()
    time.sleep(0.05)
    assert process_cpu(launcher.pid) == 0.0


def test_a_process_that_is_gone_is_said_so():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with pytest.raises(OSError):
        process_tree(gone.pid)
    assert process_cpu(gone.pid) == 0.0 and process_cpu(None) == 0.0


def test_the_game_process_is_found_under_its_launcher_by_the_pid_it_calls_itself(tmp_path):
    # The probe reads the main thread of the game, not of the launcher that only waits for it (a
    # launcher "asleep" in wait() made every pause of a game look like a game asleep in time.sleep).
    from kidcoder.runner import protocol
    from kidcoder.runner.host import GameProcess
    program = tmp_path / "game.py"
    program.write_text("import time\nwhile True:\n    time.sleep(0.01)\n", encoding="utf-8")
    game = GameProcess(program, frames=0, interactive=False)
    with game:
        game.start()
        ready = []
        assert wait_until(lambda: ready.extend(m for m in game.poll() if isinstance(m, protocol.Ready)) or ready,
                          timeout=20)
        inner = inner_process(game.process.pid, ready[0].pid)
        assert inner in process_tree(game.process.pid)
        # its main thread sleeps in time.sleep (a launcher would be in wait(): "do_wait")
        assert wait_until(lambda: open(f"/proc/{inner}/wchan").read().startswith("hrtimer"), timeout=10)
        assert inner_process(game.process.pid, 999999) is None
        game.stop()
