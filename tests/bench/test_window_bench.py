"""The window benchmark's probe drives the real window loop: a real game, typed keys, the idle window.

Only what was measured is checked, never how fast (speed lives in `kidcoder bench`)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kidcoder.bench import window, xo

ROOT = Path(__file__).resolve().parents[2]


class NoGroup:
    """Runs outside any cgroup (what QuotaGroup.enter does, minus the group)."""

    def enter(self):
        pass


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return str(tmp_path_factory.mktemp("probe-home"))


def test_typing_while_a_game_plays_is_measured_key_by_key(home, monkeypatch):
    # Unsaved work left in the home (as the window before leaves it) must not open a "get your work
    # back?" dialog in the measured window: it would take every key.
    from kidcoder.editor.files import ProjectFiles

    monkeypatch.setenv("KIDCODER_HOME", home)
    files = ProjectFiles()
    files.autosave(files.new("print('unsaved work')\n"))
    for _ in range(2):
        played = window.play(home, ["bouncing_ball.py"], seconds=1.0, group=NoGroup())
        figures = played["examples"]["bouncing_ball.py"]
        assert played["game_frames_shown"] > 0 and figures["preview_fps"] > 0
        assert played["window_frames"] > 0 and played["frame_ms_p95"] > 0
        assert played["keys_lost"] == 0 and played["key_ms_p95"] > 0
        assert played["rss_mb"] > 0
        assert figures["window_cpu_ms_per_frame"] > 0 and figures["game_cpu_ms_per_frame"] >= 0   # (clock ticks)


def test_cold_start_is_timed_to_the_first_picture_and_then_to_the_whole_window(home):
    times = window.cold_starts(home, runs=1)
    (first,), (ready,), (gui,) = times["first"], times["ready"], times["gui"]
    assert 0 < first <= ready < gui < 300          # ready before gui: the editor took keys before pygame-gui
    # the measured start found the picture of the window the warm-up kept (ui/first_frame.py): the everyday start
    assert list((Path(home) / "cache" / window.FIRST_FRAME).glob("*.pixels"))


def test_the_idle_window_reports_its_cpu_use(home):
    assert 0 <= window.idle_cpu_pct(home, seconds=0.5) < 200     # two threads may both be busy


def test_a_game_alone_counts_its_own_frames():
    assert xo.standalone_fps("moving_square.py", NoGroup(), seconds=0.5) > 0


def test_every_gallery_example_is_measured_and_ratios_need_a_standalone_figure():
    index = json.loads((ROOT / "assets" / "examples" / "index.json").read_text(encoding="utf-8"))
    assert xo.gallery_examples() == [entry["file"] for entry in index]
    shown = {"a.py": {"preview_fps": 30.0, "window_cpu_ms_per_frame": 1.2, "game_cpu_ms_per_frame": 1.4},
             "b.py": {"preview_fps": 10.0, "window_cpu_ms_per_frame": None}}
    assert xo.ratios(shown, {"a.py": 60.0, "b.py": 0.0}) == {
        "a.py": {"preview_fps": 30.0, "standalone_fps": 60.0, "ratio": 0.5, "window_cpu_ms_per_frame": 1.2,
                 "game_cpu_ms_per_frame": 1.4},
        "b.py": {"preview_fps": 10.0, "standalone_fps": 0.0, "ratio": None}}
    assert xo.quota_key(12.5) == "xo_12.5" and xo.quota_key(25.0) == "xo_25"


@pytest.mark.parametrize("args, words", [
    (["--cpu-quota", "0"], "must be more than 0"),
    (["--cpu-quota", "150"], "must be at most 100"),
    (["--xo-examples", "nope.py"], "not a gallery example: nope.py"),
])
def test_bad_xo_options_are_one_line_and_exit_2(args, words):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "kidcoder", "bench", *args], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 2
    assert words in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_a_process_left_from_one_cold_start_is_ended_before_the_next():
    left = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])

    class Group(NoGroup):
        def pids(self):
            return [left.pid] if left.poll() is None else []

    window._drain(Group(), timeout=0.3)
    assert left.wait(timeout=10) is not None        # it would have shared the next start's quota
