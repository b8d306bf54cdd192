"""The examples gallery and the game templates: every program runs 120 frames headless, needs no files,
and the catalogs (examples/index.json, templates/templates.json) describe exactly what is there."""
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from kidcoder import paths
from kidcoder.runner.headless import run_source

EXAMPLES = paths.assets_dir() / "examples"
TEMPLATES = paths.assets_dir() / "templates"
REQUIRED_EXAMPLES = {"moving_square.py", "bouncing_ball.py", "catch.py", "pong.py", "breakout.py", "snake.py",
                     "maze.py", "clicker.py", "painter.py", "space_shooter.py", "platform_jump.py", "math_quiz.py"}
REQUIRED_TEMPLATES = {"catch", "dodge", "pong", "breakout", "snake", "maze", "space_shooter", "clicker",
                      "platformer", "painter", "racing", "quiz"}


def _programs():
    return sorted(EXAMPLES.glob("*.py")) + sorted(TEMPLATES.glob("*.py"))


def test_every_example_and_template_runs_120_frames_headless():
    programs = _programs()
    assert len(programs) >= 24
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda p: run_source(p.read_text(encoding="utf-8"), frames=120, seconds=60.0, fast_clock=True,
                                                     filename="game.py"), programs))
    failed = {p.parent.name + "/" + p.name: (r.exit, r.frames, r.error) for p, r in zip(programs, results)
              if r.exit != "ok" or r.frames < 120}
    assert failed == {}


@pytest.mark.parametrize("path", _programs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_program_is_a_real_pygame_game_drawn_with_shapes(path):
    source = path.read_text(encoding="utf-8")
    for needed in ("pygame.QUIT", ".fill(", "pygame.display.flip()", "clock.tick(60)", "pygame.font.Font(None,"):
        assert needed in source, needed
    for file_use in ("pygame.image.load", "pygame.mixer", "open(", "input("):
        assert file_use not in source, file_use
    limit = 85 if path.parent == EXAMPLES else 115
    assert len(source.splitlines()) <= limit
    comments = [line for line in source.splitlines() if line.strip().startswith("#") or "  # " in line]
    assert len(comments) >= 5, "children need comments to read"


def test_examples_index_lists_every_example_in_both_languages():
    index = json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))
    files = {entry["file"] for entry in index}
    assert files == {p.name for p in EXAMPLES.glob("*.py")}
    assert REQUIRED_EXAMPLES <= files
    for entry in index:
        for field in ("title_en", "title_es", "description_en", "description_es", "try_en", "try_es"):
            assert isinstance(entry[field], str) and entry[field].strip(), (entry["file"], field)


def test_templates_json_describes_every_template():
    data = json.loads((TEMPLATES / "templates.json").read_text(encoding="utf-8"))
    ids = {t["id"] for t in data["templates"]}
    assert REQUIRED_TEMPLATES <= ids
    assert data["default"] in ids
    assert {t["file"] for t in data["templates"]} == {p.name for p in TEMPLATES.glob("*.py")}
    for template in data["templates"]:
        for field in ("title_en", "title_es", "description_en", "description_es", "keywords_en", "keywords_es"):
            assert template[field].strip(), (template["id"], field)
        assert template["roles"], template["id"]
