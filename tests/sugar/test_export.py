"""`kidcoder export GAME.py --xo`: the bundle's contents, its icon, the CLI contract, Sugar's own reader,
and the game still running with plain `python GAME.py` (and through the bundle's launcher)."""
import configparser
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pygame
import pytest

from kidcoder.sugar.export import ExportError, export_game
from kidcoder.runner.headless import run_program

ROOT = Path(__file__).resolve().parents[2]
SUGAR_PYTHON = "/usr/bin/python3"
GAME = """\
import sys
import pygame
import pippy
import helpers

pygame.init()
screen = pygame.display.set_mode((320, 240))
logo = pygame.image.load("images/logo.png")
for frame in range(30):
    screen.fill(helpers.SKY)
    screen.blit(logo, (frame * 4, 100))
    pygame.display.flip()
    pippy.pygame.next_frame(max_fps=200)
sys.exit()
"""


def make_game(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir()
    (folder / "sounds").mkdir()
    logo = pygame.Surface((40, 40))
    logo.fill((250, 200, 0))
    pygame.image.save(logo, str(folder / "images" / "logo.png"))
    (folder / "sounds" / "beep.wav").write_bytes(b"RIFF....WAVE")
    (folder / "images" / ".hidden.png").write_bytes(b"x")
    os.symlink("/etc/hostname", folder / "images" / "elsewhere.png")
    (folder / "helpers.py").write_text("SKY = (30, 40, 120)\n", encoding="utf-8")
    (folder / "unused.py").write_text("print('not imported')\n", encoding="utf-8")
    game = folder / "star_catcher.py"
    game.write_text(GAME, encoding="utf-8")
    return game


def bundle_files(xo):
    with zipfile.ZipFile(xo) as archive:
        names = archive.namelist()
        root = names[0].split("/")[0]
        return root, {name[len(root) + 1:]: archive.read(name) for name in names}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    game = make_game(folder / "game")
    result = export_game(game, name="Star Catcher!", out=folder / "Star.xo", now=1_700_000_000)
    return game, result


def test_the_bundle_holds_the_game_its_media_modules_and_launcher(exported):
    game, result = exported
    root, files = bundle_files(result["file"])
    assert root.startswith("StarCatcher") and root.endswith(".activity")
    assert files["star_catcher.py"] == game.read_bytes()
    assert files["helpers.py"] == (game.parent / "helpers.py").read_bytes()
    assert "unused.py" not in files
    assert files["images/logo.png"] == (game.parent / "images" / "logo.png").read_bytes()
    assert "sounds/beep.wav" in files
    assert "images/.hidden.png" not in files and "images/elsewhere.png" not in files
    assert {"launch_game.py", "sugar_window.py", "pippy/__init__.py", "pippy/game.py"} <= set(files)
    assert result["files"] == len(files)
    info = configparser.ConfigParser()
    info.read_string(files["activity/activity.info"].decode("utf-8"))
    section = info["Activity"]
    assert section["name"] == "Star Catcher!"
    assert section["bundle_id"] == result["bundle_id"]
    assert section["bundle_id"].startswith("org.kidcoder.game.StarCatcher.k")
    assert section["exec"] == "python3 launch_game.py star_catcher.py"
    assert section["icon"] == "activity-icon"
    assert section["activity_version"] == "20231114.2213"
    assert result["icon"] == "frame"
    svg = files["activity/activity-icon.svg"].decode("utf-8")
    assert "&stroke_color;" in svg and "data:image/png;base64," in svg


def test_sharing_again_keeps_the_bundle_id_and_raises_the_version(exported, tmp_path):
    game, first = exported
    again = export_game(game, name="Star Catcher!", out=tmp_path / "again.xo", now=1_700_000_600)
    assert again["bundle_id"] == first["bundle_id"]
    _, files = bundle_files(again["file"])
    assert b"activity_version = 20231114.2223" in files["activity/activity.info"]


def test_the_game_in_the_bundle_runs_with_plain_python_and_with_its_launcher(exported, tmp_path):
    _, result = exported
    with zipfile.ZipFile(result["file"]) as archive:
        archive.extractall(tmp_path)
    root = next(tmp_path.glob("*.activity"))
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH="")
    plain = subprocess.run([sys.executable, "star_catcher.py"], cwd=root, env=env, capture_output=True,
                           text=True, timeout=120)
    assert plain.returncode == 0, plain.stderr
    launched = subprocess.run([sys.executable, str(root / "launch_game.py"), "star_catcher.py", "-b", result["bundle_id"],
                               "-a", "0123abcd"], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
    assert launched.returncode == 0, launched.stderr
    assert run_program(root / "star_catcher.py", frames=None, seconds=60).exit == "ok"


def test_the_icon_is_a_chosen_picture_or_a_joystick_without_a_frame(tmp_path):
    quiet = tmp_path / "quiet.py"
    quiet.write_text("print('no window')\n", encoding="utf-8")
    assert export_game(quiet, out=tmp_path / "q.xo")["icon"] == "joystick"
    picture = tmp_path / "me.png"
    pygame.image.save(pygame.Surface((30, 60)), str(picture))
    assert export_game(quiet, out=tmp_path / "p.xo", picture=str(picture))["icon"] == "picture"
    _, files = bundle_files(tmp_path / "q.xo")
    assert files["activity/activity.info"].startswith(b"[Activity]\nname = quiet\n")


@pytest.mark.parametrize("name, text, key", [("notes.txt", "hello", "sugar.export.not_python"),
                                             ("broken.py", "if True\n    pass\n", "sugar.export.syntax")])
def test_what_cannot_be_shared_is_said_with_a_key(tmp_path, name, text, key):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        export_game(path, out=tmp_path / "x.xo")
    assert caught.value.key == key
    assert not (tmp_path / "x.xo").exists()


def test_a_name_without_letters_or_numbers_is_refused(tmp_path):
    with pytest.raises(ExportError) as caught:
        export_game(_ok_game(tmp_path), name="!!!", out=tmp_path / "y.xo")
    assert caught.value.key == "sugar.export.bad_name"


def _ok_game(folder):
    path = folder / "ok.py"
    path.write_text("print(1)\n", encoding="utf-8")
    return path


def kidcoder(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kidcoder", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180)


def test_the_command_line_contract(tmp_path):
    game = _ok_game(tmp_path)
    done = kidcoder("export", str(game), "--xo", "--name", "Tiny", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"file", "name", "bundle_id", "icon", "files", "bytes"}
    assert result["file"] == str(tmp_path / "Tiny.xo") and Path(result["file"]).is_file()
    for args in (["export", "nothere.py", "--xo"], ["export", str(game)], ["export", str(game), "--xo", "--out", "x.zip"],
                 ["export", str(game), "--xo", "--name", "  "]):
        bad = kidcoder(*args, cwd=tmp_path)
        assert bad.returncode == 2, args
        assert bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1 and bad.stderr.startswith("kidcoder: ")


def _sugar_reader_or_skip():
    if not os.path.exists(SUGAR_PYTHON) or subprocess.run(
            [SUGAR_PYTHON, "-c", "import sugar3.bundle.activitybundle"], capture_output=True).returncode != 0:
        pytest.skip("sugar3 (Debian's python3-sugar3) is not installed: Sugar's own bundle reader is missing")


READ_BUNDLE = """
import json, sys
from sugar3.bundle.activitybundle import ActivityBundle
bundle = ActivityBundle(sys.argv[1])
icon = bundle.get_icon()
print(json.dumps({"id": bundle.get_bundle_id(), "name": bundle.get_name(), "command": bundle.get_command(),
                  "version": bundle.get_activity_version(), "icon": open(icon).read()[:200] if icon else None}))
"""


def test_sugars_own_bundle_reader_accepts_the_game_bundle(exported):
    _sugar_reader_or_skip()
    _, result = exported
    read = subprocess.run([SUGAR_PYTHON, "-c", READ_BUNDLE, result["file"]], capture_output=True, text=True,
                          timeout=60)
    assert read.returncode == 0, read.stderr
    seen = json.loads(read.stdout)
    assert seen["id"] == result["bundle_id"] and seen["name"] == "Star Catcher!"
    assert seen["command"] == "python3 launch_game.py star_catcher.py"
    assert seen["icon"].startswith("<?xml")


def test_sugars_own_bundle_reader_accepts_kidcoders_activity_bundle(tmp_path):
    _sugar_reader_or_skip()
    out = tmp_path / "KidCoder.xo"
    build = subprocess.run([sys.executable, str(ROOT / "tools" / "sugar" / "build_kidcoder_xo.py"), "--out", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert build.returncode == 0, build.stderr
    read = subprocess.run([SUGAR_PYTHON, "-c", READ_BUNDLE, str(out)], capture_output=True, text=True, timeout=60)
    assert read.returncode == 0, read.stderr
    seen = json.loads(read.stdout)
    assert seen["id"] == "org.kidcoder.KidCoder"
    assert seen["command"] == "sh activity/kidcoder-activity"
    with zipfile.ZipFile(out) as archive:
        mode = archive.getinfo("KidCoder.activity/activity/kidcoder-activity").external_attr >> 16
    assert mode & 0o111


def test_the_launcher_finds_the_python_named_in_the_bundle(tmp_path):
    """activity/kidcoder-activity, as Sugar runs it, starts `python -m kidcoder.sugar.activity` with our args."""
    bundle = tmp_path / "KidCoder.activity"
    shutil.copytree(ROOT / "activity", bundle / "activity")
    fake = tmp_path / "python3"
    fake.write_text("#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/called\"\n", encoding="utf-8")
    fake.chmod(0o755)
    (bundle / "activity" / "kidcoder-python").write_text(f"{fake}\n", encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    subprocess.run(["sh", "activity/kidcoder-activity", "-b", "org.kidcoder.KidCoder", "-a", "abc"], cwd=bundle,
                   env=env, check=True, timeout=30)
    assert (tmp_path / "called").read_text().split() == ["-m", "kidcoder.sugar.activity", "-b",
                                                         "org.kidcoder.KidCoder", "-a", "abc"]


def test_activity_info_survives_sugars_config_reader_and_bad_paths_are_refused(tmp_path):
    from kidcoder.sugar.bundle import ActivityInfo, activity_info_text, write_xo

    text = activity_info_text(ActivityInfo(name="100% fun\nreally", bundle_id="org.x.Fun", exec_line="python3 a.py",
                                           icon="i", summary="50% of it"))
    info = configparser.ConfigParser()             # Sugar reads it with interpolation on
    info.read_string(text)
    assert info["Activity"]["name"] == "100% fun really" and info["Activity"]["summary"] == "50% of it"
    with pytest.raises(ValueError):
        activity_info_text(ActivityInfo(name="x", bundle_id="org.x y", exec_line="a", icon="i"))
    files = {"activity/activity.info": text.encode(), "../escape.py": b""}
    with pytest.raises(ValueError):
        write_xo(tmp_path / "bad.xo", "Fun.activity", files)
    with pytest.raises(ValueError):
        write_xo(tmp_path / "bad.xo", "Fun", {"activity/activity.info": b""})
    assert list(tmp_path.iterdir()) == []              # nothing half-written is left


def test_versions_made_in_the_small_hours_are_ones_sugar_accepts_and_still_grow():
    """00:02 once gave "20261202.0002", which Sugar refuses (a leading zero in a segment)."""
    from kidcoder.sugar.bundle import minutes_version

    moments = [1_796_169_600 + minutes * 60 for minutes in (0, 2, 59, 9 * 60 + 59, 10 * 60, 23 * 60 + 59)]
    versions = [minutes_version(now) for now in moments] + [minutes_version(1_796_169_600 + 86_400)]
    assert versions[:3] == ["20261202.0", "20261202.2", "20261202.59"]
    for version in versions:
        assert not any(len(part) > 1 and part.startswith("0") for part in version.split("."))
    numbers = [tuple(int(part) for part in version.split(".")) for version in versions]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    if subprocess.run([SUGAR_PYTHON, "-c", "import sugar3.bundle.bundleversion"], capture_output=True).returncode == 0:
        check = "import sys; from sugar3.bundle.bundleversion import NormalizedVersion as V; [V(v) for v in sys.argv[1:]]"
        done = subprocess.run([SUGAR_PYTHON, "-c", check, *versions], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
