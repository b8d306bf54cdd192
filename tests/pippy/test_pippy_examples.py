"""Pippy's own example programs run unchanged.

The examples are Pippy's (GPL), read where Debian's sugar-pippy-activity package installs them
(.ci/run installs it); they are not copied into this repository. Without the package these tests
are skipped and say so.

Each graphics example runs through `python -m kidcoder run FILE --headless`, shows frames
and a picture that is not one flat colour, and answers the keys it expects; physics and
camera stop at the right line with KidCoder's clear message in both languages.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from kidcoder.i18n import tr
from kidcoder.runner import protocol
from kidcoder.runner.headless import run_program
from kidcoder.runner.host import GameProcess, ProcessEnded
from tests.runner.helpers import wait_until

EXAMPLES = Path(os.environ.get("KIDCODER_PIPPY_EXAMPLES", "/usr/share/sugar/activities/Pippy.activity/data/en"))
pytestmark = pytest.mark.skipif(not (EXAMPLES / "graphics" / "bounce").is_file(),
                                reason=f"Pippy's examples are not installed ({EXAMPLES}): "
                                       "apt-get install sugar-pippy-activity")
ROOT = Path(__file__).resolve().parents[2]
GAMES = ["bounce", "lines", "pong", "snow", "tree"]


def copy_example(tmp_path, folder, name):
    """The example as a child would open it: NAME.py in a folder of its own."""
    target = tmp_path / f"{name}.py"
    shutil.copy(EXAMPLES / folder / name, target)
    return target


def distinct_colours(png):
    picture = pygame.image.load(str(png))
    width, height = picture.get_size()
    return {tuple(picture.get_at((x, y)))[:3] for x in range(0, width, 3) for y in range(0, height, 3)}


def cli_run(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "kidcoder", "run", *args, "--json"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", GAMES)
def test_graphics_example_runs_through_the_cli(tmp_path, name):
    program = copy_example(tmp_path, "graphics", name)
    shot = tmp_path / "shot.png"
    result = cli_run(str(program), "--headless", "--frames", "30", "--seconds", "60", "--screenshot", str(shot))
    assert result["exit"] == "ok", result
    assert result["frames"] == 30
    assert result["error"] is None
    assert len(distinct_colours(shot)) > 1, "the picture is one flat colour"


def key(code, action="down"):
    return protocol.KeyEvent(action=action, key=code, unicode=chr(code) if code < 128 else "")


def start(program, **options):
    game = GameProcess(program, interactive=False, **options)
    game.start()
    return game


def frames_reach(game, count, timeout=30.0):
    def reached():
        game.poll()
        return game.latest_number() >= count
    return wait_until(reached, timeout)


def ended(game, timeout=30.0):
    seen = game.wait_ended(timeout)
    return any(isinstance(m, ProcessEnded) for m in seen)


@pytest.mark.parametrize("name, quit_key", [("bounce", pygame.K_a), ("lines", pygame.K_SPACE),
                                            ("snow", pygame.K_ESCAPE), ("tree", pygame.K_ESCAPE)])
def test_example_quits_on_the_key_it_expects(tmp_path, name, quit_key):
    with start(copy_example(tmp_path, "graphics", name)) as game:
        assert frames_reach(game, 5)
        game.send_event(key(quit_key))
        assert ended(game)
        assert game.status() == "ok"
        assert game.error is None


def test_pong_starts_on_g_follows_the_mouse_and_quits_on_escape(tmp_path):
    with start(copy_example(tmp_path, "graphics", "pong"), screen_size=(600, 400)) as game:
        assert frames_reach(game, 3)
        assert game.size == (600, 400)           # set_mode((0, 0), FULLSCREEN) filled the "screen" it was given
        title = game.latest_frame().to_surface()
        game.send_event(key(pygame.K_g))
        before = game.latest_number()
        assert frames_reach(game, before + 10)
        game.send_event(protocol.MouseMotion(pos=[590, 40], rel=[0, 0], buttons=[0, 0, 0]))
        assert frames_reach(game, game.latest_number() + 5)
        playing = game.latest_frame().to_surface()
        assert pygame.image.tobytes(title, "RGB") != pygame.image.tobytes(playing, "RGB")
        # the paddle follows the mouse: drawn at the right edge, near the top
        assert playing.get_at((600 - 20, 40))[:3] == (250, 250, 250)
        game.send_event(key(pygame.K_ESCAPE))
        assert ended(game)
        assert game.status() == "ok"


@pytest.mark.parametrize("name, line, key_name, values", [
    ("physics", 8, "diag.pippy_physics", {}),
    ("camera", 3, "diag.pippy_toolkit", {"name": "gi"}),
])
def test_what_kidcoder_cannot_offer_stops_at_the_line_with_a_clear_message(tmp_path, name, line, key_name, values):
    if name == "camera" and _has_gi():
        pytest.skip("this Python has gi: the camera example gets as far as the camera itself")
    from kidcoder.helper.hints import hint_for_program

    program = copy_example(tmp_path, "graphics", name)
    result = run_program(program, frames=30, seconds=30)
    assert result.exit == "error"
    assert result.error["line"] == line
    for lang in ("en", "es"):
        hint = hint_for_program(program.read_text(), str(program), level=1, lang=lang)
        assert hint["problem"]["line"] == line
        assert hint["hint"] == tr(key_name + ".nudge", lang=lang, line=line, **values)
        explained = hint_for_program(program.read_text(), str(program), level=2, lang=lang)
        assert explained["hint"] == tr(key_name + ".explain", lang=lang, line=line, **values)


def _has_gi():
    try:
        import gi  # noqa: F401
    except ImportError:
        return False
    return True


def test_jump_animates_in_the_console(tmp_path):
    result = run_program(copy_example(tmp_path, "graphics", "jump"), frames=None, seconds=2)
    text = "".join(result.console)
    assert result.error is None
    assert "\\o/" in text and "_o_" in text and "/|\\" in text
    assert "\x1b" not in text                   # no terminal codes in KidCoder's console pane


def test_life_reads_its_answers_and_prints_each_pulse(tmp_path):
    result = run_program(copy_example(tmp_path, "graphics", "life"), frames=None, seconds=30,
                         stdin_lines=["4", "2"])
    text = "".join(result.console)
    assert result.exit == "ok", result.error
    assert "Pulse:  1" in text and "Pulse:  2" in text


@pytest.mark.parametrize("name", ["playSine", "sequence", "getSoundList"])
def test_sound_examples_play_through_pygames_mixer(tmp_path, name):
    result = run_program(copy_example(tmp_path, "sound", name), frames=None, seconds=60)
    assert result.exit == "ok", result.error


def test_a_sound_that_is_not_there_is_named_at_its_line(tmp_path):
    result = run_program(copy_example(tmp_path, "sound", "playWave"), frames=None, seconds=30)
    assert result.exit == "error"
    assert result.error["type"] == "FileNotFoundError"
    assert result.error["line"] == 3
    assert "didjeridu" in result.error["message"] and "sounds folder" in result.error["message"]
