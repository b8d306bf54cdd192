"""The search index's start-up check waits (stopped) while a game plays, and goes on when none does: under a
short CPU even a niced process would take the game's share while the game sleeps between frames."""
import subprocess
import sys
import time

import pytest

from kidcoder.ui.assist import IndexBuilder

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0]


def becomes(pid: int, wanted, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if wanted(state(pid)):
            return True
        time.sleep(0.01)
    return False


def test_the_index_check_is_stopped_while_a_game_plays_and_goes_on_after():
    builder = IndexBuilder()
    builder.hold(True)                              # nothing started yet: nothing to stop
    builder.process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    pid = builder.process.pid
    try:
        builder.hold(True)
        assert becomes(pid, lambda s: s == "T")
        builder.hold(True)                          # asked again each frame: still stopped, nothing sent
        assert state(pid) == "T"
        builder.hold(False)
        assert becomes(pid, lambda s: s != "T")
        builder.stop()                              # at quit: it ends, stopped or not
        assert builder.process.poll() is not None
    finally:
        if builder.process.poll() is None:
            builder.process.kill()
            builder.process.wait()


def test_a_stopped_index_check_still_ends_at_quit():
    builder = IndexBuilder()
    builder.process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    builder.hold(True)
    assert becomes(builder.process.pid, lambda s: s == "T")
    builder.stop()
    assert builder.process.poll() is not None
