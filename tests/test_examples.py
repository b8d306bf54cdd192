"""The examples gallery and the game templates: every program runs 120 frames headless with the library files
it names (a template also without them: it draws shapes), and the catalogs (examples/index.json,
templates/templates.json) describe exactly what is there."""
import io
import json
import re
import tokenize
from concurrent.futures import ThreadPoolExecutor

import pytest

from kidcoder import i18n, paths
from kidcoder.making.code_comments import comment_texts, screen_texts, translate_game
from kidcoder.making.project_files import library_files_in, run_with_library_files
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
    runs = [(p, run_with_library_files) for p in programs] + [(p, run_source) for p in sorted(TEMPLATES.glob("*.py"))]

    def run(item):
        path, runner = item
        return runner(path.read_text(encoding="utf-8"), frames=120, seconds=60.0, fast_clock=True, filename="game.py")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, runs))
    failed = {f"{p.parent.name}/{p.name} {runner.__name__}": (r.exit, r.frames, r.error)
              for (p, runner), r in zip(runs, results) if r.exit != "ok" or r.frames < 120}
    assert failed == {}


@pytest.mark.parametrize("path", _programs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_program_is_a_real_pygame_game_that_loads_only_library_files(path):
    source = path.read_text(encoding="utf-8")
    for needed in ("pygame.QUIT", ".fill(", "pygame.display.flip()", "clock.tick(60)", "pygame.font.Font(None,"):
        assert needed in source, needed
    for file_use in ("open(", "input(", "import os"):
        assert file_use not in source, file_use
    named = set(re.findall(r"""["']((?:images|sounds)/[^"']*)["']""", source))
    assert named == {entry.project_path for entry in library_files_in(source)}, "every file it loads is in the library"
    limit = 95 if path.parent == EXAMPLES else 150
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


def test_at_least_four_examples_use_library_pictures_and_sounds():
    both = [p.name for p in sorted(EXAMPLES.glob("*.py"))
            if {entry.kind for entry in library_files_in(p.read_text(encoding="utf-8"))} == {"picture", "sound"}]
    assert len(both) >= 4, both


def test_templates_name_library_pictures_and_draw_shapes_without_them():
    with_pictures = []
    for path in sorted(TEMPLATES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        settings = re.findall(r'^([A-Z0-9_]+_PICTURE) = "([^"]*)"', source, re.M)
        if settings:
            with_pictures.append(path.stem)
            assert "def load_picture(file, size):" in source and "except (FileNotFoundError, pygame.error):" in source
            for name, value in settings:  # a library picture, or "" (none yet) for the background
                assert value in {entry.project_path for entry in library_files_in(source)} or (
                    name == "BACKGROUND_PICTURE" and value == ""), (path.name, name)
    assert len(with_pictures) >= 10, with_pictures


def _code_tokens(source):
    """The program without its comments and the values of its strings: what it does."""
    skip = (tokenize.COMMENT, tokenize.NL)
    return [(token.type, "<str>" if token.type == tokenize.STRING else token.string)
            for token in tokenize.generate_tokens(io.StringIO(source).readline) if token.type not in skip]


def _words_shown(text):
    """A string literal a player reads: letters, not a file name, not a map row."""
    return len(re.findall(r"[A-Za-z]", text)) >= 2 and "/" not in text and "#" not in text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_spanish_example_is_the_same_code_with_spanish_comments_and_words(path):
    english = path.read_text(encoding="utf-8")
    spanish = translate_game(english, "es")
    known = set(i18n.catalog("en").values())
    assert [text for text in comment_texts(english) if text not in known] == [], "a comment with no Spanish"
    shown = [text for text in screen_texts(english) if _words_shown(text)]
    keyed = {value for key, value in i18n.catalog("en").items() if key.startswith("games.text.")}
    assert [text for text in shown if text not in keyed] == [], "words on the screen with no Spanish"
    assert _code_tokens(spanish) == _code_tokens(english)
    left = [text for text in comment_texts(spanish) + screen_texts(spanish) if text in known and text != "Pong"]
    assert left == [], "English left in the Spanish example"
    title = next(entry for entry in json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))
                 if entry["file"] == path.name)["title_es"]
    assert f'pygame.display.set_caption("{title}")' in spanish, "the caption is the gallery's title"


def test_each_try_tip_names_code_that_is_in_its_example():
    for entry in json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8")):
        match = re.match(r"Change (.+?) to ", entry["try_en"])
        if match and re.search(r"[=%(]", match.group(1)):
            assert match.group(1) in (EXAMPLES / entry["file"]).read_text(encoding="utf-8"), entry["file"]
