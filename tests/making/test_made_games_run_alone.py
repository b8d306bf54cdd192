"""Made games are portable: a COPY of the project folder runs 120 frames with plain `python game.py`.

KidCoder makes the game (generate_game copies the pictures into images/); then
the folder is copied elsewhere and run by a plain Python under the dummy video
and audio drivers, with nothing of KidCoder's: only a sitecustomize that counts
frames and notes which pictures were loaded (tests/making/plain_python).
"""
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kidcoder.making.generate import generate_game
from kidcoder.making.settings_block import read_settings

HARNESS = Path(__file__).resolve().parent / "plain_python"
FRAMES = 120
DESCRIPTIONS = [
    ("a cat that catches fish", "en", "catch"),
    ("a dog that collects bones", "en", "catch"),
    ("a rocket that flies to the moon", "en", "space_shooter"),
    ("un perro que atrapa huesos", "es", "catch"),
    ("a dragon that dodges fireballs", "en", "dodge"),
    ("una nave que dispara a los marcianos", "es", "space_shooter"),
    ("a dinosaur jumping on platforms collecting eggs", "en", "platformer"),
    ("a car race against trucks", "en", "racing"),
    ("un caballero que busca el tesoro en un laberinto", "es", "maze"),
    ("a snake that eats apples", "en", "snake"),
    ("click the cookies as fast as you can", "en", "clicker"),
    ("pong with a tennis ball", "en", "pong"),
    ("un concurso de sumas con estrellas", "es", "quiz"),
    ("break the bricks", "en", "breakout"),
    ("pintar con el raton", "es", "painter"),
    ("a blorg that eats zorps", "en", "catch"),
]


def _play(folder: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "KIDCODER"))}
    env.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(HARNESS),
                "PLAY_FRAMES": str(FRAMES), "PLAY_REPORT": str(folder / "report.json"),
                "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    done = subprocess.run([sys.executable, "game.py"], cwd=str(folder), env=env, capture_output=True, text=True,
                          timeout=120)
    report = json.loads((folder / "report.json").read_text()) if (folder / "report.json").exists() else {}
    return {"code": done.returncode, "stderr": done.stderr[-800:], **report}


@pytest.fixture(scope="module")
def made_games(tmp_path_factory):
    made = {}
    for number, (description, lang, _template) in enumerate(DESCRIPTIONS):
        project = tmp_path_factory.mktemp(f"project{number}")
        result = generate_game(description, lang, out=str(project / "game.py"))
        copy = tmp_path_factory.mktemp(f"copy{number}") / "game"
        shutil.copytree(project, copy)
        made[description] = (result, copy)
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = dict(zip(made, pool.map(lambda item: _play(item[1]), made.values())))
    return {description: (made[description][0], made[description][1], runs[description]) for description in made}


@pytest.mark.parametrize("description,lang,template", DESCRIPTIONS, ids=[d[0] for d in DESCRIPTIONS])
def test_a_copy_of_the_made_game_runs_120_frames_with_plain_python(made_games, description, lang, template):
    result, copy, run = made_games[description]
    assert result["template"] == template
    assert (run["code"], run.get("frames")) == (0, FRAMES), run["stderr"]
    settings = read_settings((copy / "game.py").read_text(encoding="utf-8"))
    pictures = [value for name, value in settings.items() if name.endswith("_PICTURE") and value]
    for picture in pictures:
        assert (copy / picture).is_file(), picture
        assert picture in run["loaded"], f"{picture} was not shown"
    if pictures:
        assert (copy / "images" / "CREDITS.txt").is_file()


def test_made_games_show_the_pictures_of_what_was_named(made_games):
    settings = {description: read_settings((copy / "game.py").read_text(encoding="utf-8"))
                for description, (_result, copy, _run) in made_games.items()}
    cat = settings["a cat that catches fish"]
    assert (cat["PLAYER_PICTURE"], cat["THING_PICTURE"]) == ("images/cat.png", "images/fish.png")
    dog = settings["un perro que atrapa huesos"]
    assert (dog["PLAYER_NAME"], dog["PLAYER_PICTURE"], dog["THING_PICTURE"]) == ("perro", "images/dog.png",
                                                                                 "images/bone.png")
    rocket = settings["a rocket that flies to the moon"]
    assert (rocket["PLAYER_PICTURE"], rocket["THING_PICTURE"]) == ("images/rocket.png", "images/moon.png")
    blorg = settings["a blorg that eats zorps"]
    assert (blorg["PLAYER_PICTURE"], blorg["THING_PICTURE"]) == ("", ""), "nothing fits: shapes, as before"
    assert blorg["PLAYER_NAME"] == "blorg"
