"""Games from descriptions: the right template for each, a program that runs, the same game every time,
and files that are never overwritten."""
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kidcoder import i18n
from kidcoder.making import generate
from kidcoder.making.generate import (build_program, check_program, description_language, generate_game,
                                         make_game_source)
from kidcoder.making.nouns import SHAPES
from kidcoder.making.safety import check_code_safety
from kidcoder.making.settings_block import read_settings
from kidcoder.making.templates import all_templates
from kidcoder.model.facts import DescriptionFacts, ModelReply
from kidcoder.runner.headless import run_source

ROOT = Path(__file__).resolve().parents[2]

# (description, language asked for, the template it must choose); misspellings on purpose.
CASES = [
    ("a platypus that catches fish", "en", "catch"),
    ("un ornitorrinco que esquiva rocas", "es", "dodge"),
    ("a cat that catches fish", "en", "catch"),
    ("catch the falling apples with a basket", "en", "catch"),
    ("a dog that eats bones", "en", "catch"),
    ("un gato que atrapa peces", "es", "catch"),
    ("atrapar estrellas con una cesta", "es", "catch"),
    ("a cat that cathces fsh", "en", "catch"),
    ("dodge the rocks", "en", "dodge"),
    ("a rocket that avoids meteors", "en", "dodge"),
    ("esquivar las rocas que caen", "es", "dodge"),
    ("un pingüino que esquiva bolas de nieve", "es", "dodge"),
    ("dodg the asteroids", "en", "dodge"),
    ("pong for two players", "en", "pong"),
    ("tennis with a cat and a dog", "en", "pong"),
    ("ping pong para dos jugadores", "es", "pong"),
    ("a ball game with paddles against my friend", "en", "pong"),
    ("break all the bricks", "en", "breakout"),
    ("rompe ladrillos con una pelota", "es", "breakout"),
    ("breakot with 6 rows", "en", "breakout"),
    ("a snake that eats apples", "en", "snake"),
    ("una serpiente que come manzanas", "es", "snake"),
    ("a snaek game", "en", "snake"),
    ("a maze with treasure", "en", "maze"),
    ("un laberinto con un tesoro", "es", "maze"),
    ("escape the labirinth", "en", "maze"),
    ("a spaceship that shoots aliens", "en", "space_shooter"),
    ("un cohete que dispara a los marcianos", "es", "space_shooter"),
    ("naves espaciales", "es", "space_shooter"),
    ("a dragon shooting fireballs at monsters", "en", "space_shooter"),
    ("click the cookie", "en", "clicker"),
    ("haz clic en la galleta", "es", "clicker"),
    ("a clicker game with a pink donut", "en", "clicker"),
    ("a frog that jumps on platforms", "en", "platformer"),
    ("un conejo que salta plataformas y recoge zanahorias", "es", "platformer"),
    ("jumpin game with coins", "en", "platformer"),
    ("paint with stars", "en", "painter"),
    ("pintar con el raton", "es", "painter"),
    ("a drawing game with red hearts", "en", "painter"),
    ("a car race", "en", "racing"),
    ("carreras de coches", "es", "racing"),
    ("drive a red truck on the road", "en", "racing"),
    ("un juego de carreras con un carro azul", "es", "racing"),
    ("a math quiz", "en", "quiz"),
    ("times tables up to 12", "en", "quiz"),
    ("preguntas de sumas", "es", "quiz"),
    ("un concurso de restas", "es", "quiz"),
    ("mathz quiz with 5 questions", "en", "quiz"),
    ("un gato ke atrapa pezes", "es", "catch"),
    ("una serpiete", "es", "snake"),
    ("un laverinto con tesoros", "es", "maze"),
    ("esquiba las rocas", "es", "dodge"),
    ("a platypus", "en", "catch"),
    ("un dragón", "es", "catch"),
]


def _built(description, lang):
    return build_program(description, description_language(description, lang))


@pytest.mark.parametrize("description,lang,template", CASES, ids=[c[0] for c in CASES])
def test_description_chooses_the_right_template(description, lang, template):
    chosen, source = _built(description, lang)
    assert chosen == template
    compile(source, "game.py", "exec")
    assert check_code_safety(source) == []


def test_every_description_makes_a_program_that_runs_120_frames():
    assert len(CASES) >= 40
    sources = [_built(description, lang)[1] for description, lang, _ in CASES]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda s: run_source(s, frames=120, seconds=60.0, filename="game.py", fast_clock=True), sources))
    failed = {case[0]: (r.exit, r.frames, r.error) for case, r in zip(CASES, results)
              if r.exit != "ok" or r.frames < 120}
    assert failed == {}


def test_same_description_same_game_in_this_and_other_processes():
    descriptions = [c[0] for c in CASES[::6]]
    here = [_built(d, "en")[1] for d in descriptions]
    assert here == [_built(d, "en")[1] for d in descriptions]
    script = ("import json, sys\nfrom kidcoder.making.generate import build_program, description_language\n"
              "ds = json.loads(sys.argv[1])\n"
              "print(json.dumps([build_program(d, description_language(d, 'en'))[1] for d in ds]))\n")
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", script, json.dumps(descriptions)], capture_output=True,
                              text=True, env=env, cwd=ROOT, check=True)
        assert json.loads(done.stdout) == here


def _settings(description, lang="en"):
    return read_settings(_built(description, lang)[1])


def test_nouns_colours_and_numbers_fill_the_settings():
    s = _settings("a red cat that catches 5 fish")
    assert (s["PLAYER_NAME"], s["PLAYER_SHAPE"], s["PLAYER_COLOUR"]) == ("cat", "circle", (230, 30, 30))
    assert (s["THING_NAME"], s["THING_SHAPE"], s["COUNT"]) == ("fish", "oval", 5)
    assert s["TITLE"] == "A red cat that catches 5 fish"


def test_spanish_description_gives_a_spanish_game():
    template = all_templates()["catch"].defaults
    s = _settings("un gato rojo que atrapa peces muy rápido", "es")
    assert (s["PLAYER_NAME"], s["PLAYER_COLOUR"], s["THING_NAME"]) == ("gato", (230, 30, 30), "pez")
    assert s["SPEED"] > template["SPEED"] and s["FALL_SPEED"] > template["FALL_SPEED"]
    assert s["SCORE_TEXT"] == i18n.tr("generate.text.SCORE_TEXT", "es") != template["SCORE_TEXT"]
    source = _built("un gato que atrapa peces", "es")[1]
    assert "# ---- SETTINGS (ajustes)" in source
    assert "cada uno de 0 a 255" in source


def test_spanish_words_are_used_even_when_english_was_asked():
    s = _settings("una serpiente que come manzanas", "en")
    assert (s["PLAYER_NAME"], s["THING_NAME"]) == ("serpiente", "manzana")
    assert description_language("rompe ladrillos con estrellas", "en") == "es"
    assert _settings("rompe ladrillos con estrellas", "en")["SCORE_TEXT"] == "Puntos"
    assert description_language("catch the stars", "es") == "en"
    assert description_language("pong", "es") == "es"  # no clue: the language asked for


def test_unknown_noun_still_gets_a_named_shape():
    s = _settings("a platypus that catches fish")
    assert s["PLAYER_NAME"] == "platypus"
    assert s["PLAYER_SHAPE"] in SHAPES
    assert isinstance(s["PLAYER_COLOUR"], tuple) and len(s["PLAYER_COLOUR"]) == 3
    assert _settings("a platypus that catches fish") == s


def test_misspelt_nouns_and_verbs_are_understood():
    s = _settings("a dragn that cathces cookys")
    assert (s["PLAYER_NAME"], s["THING_NAME"]) == ("dragon", "cookie")


def test_numbers_go_to_the_right_setting_and_stay_playable():
    assert _settings("a quiz with 5 questions")["COUNT"] == 5
    quiz = _settings("times tables up to 12")
    assert (quiz["OPERATION"], quiz["MAX_NUMBER"]) == ("x", 12)
    assert _settings("un concurso de restas", "es")["OPERATION"] == "-"
    assert _settings("a snake with 500 apples")["COUNT"] == 10  # the snake template allows at most 10
    assert _settings("dodge rocks with 2 lives")["LIVES"] == 2
    assert _settings("pong for two players")["WIN_SCORE"] == all_templates()["pong"].defaults["WIN_SCORE"]
    assert _settings("a slow cat that catches fish")["SPEED"] < all_templates()["catch"].defaults["SPEED"]


def test_colours_stay_visible_on_the_background():
    s = _settings("a black cat in space that catches stars")
    assert s["BACKGROUND"] == (0, 0, 25)
    assert sum(s["PLAYER_COLOUR"]) > 200  # lightened so it shows on the dark sky


def passes(source):
    return []


def test_failed_check_falls_back_to_the_plain_template():
    template = all_templates()["catch"].source
    made = make_game_source("a cat that catches fish", "en", check=lambda source: [] if source == template else ["x"])
    assert (made["source"], made["template"], made["model"], made["fallback"]) == (template, "catch", None, True)


def _fake_model(data):
    """A model that reads every description the same way (its reply is already in checked form)."""
    asked = []

    def enrich(facts):
        asked.append(facts)
        return ModelReply(json.dumps(data), "tiny-test-model", data) if data is not None else None

    return enrich, asked


ROBOT = {"template": "dodge", "player": "robot", "thing": "ghost", "scene": "none", "speed": "normal", "count": None}


def _pictures(source):
    return {k: v for k, v in read_settings(source).items() if k.endswith("_PICTURE") and v}


def test_a_description_the_rules_are_sure_of_never_asks_the_model():
    enrich, asked = _fake_model(ROBOT)
    made = make_game_source("a cat that catches fish", "en", enrich=enrich, check=passes)
    assert asked == [] and made["model"] is None and made["source"] == _built("a cat that catches fish", "en")[1]


def test_when_the_rules_leave_the_childs_nouns_out_the_models_reading_puts_them_in():
    description = "a pong game with a robot and ghosts"
    assert "robot" not in str(_pictures(_built(description, "en")[1]))       # the rules alone: pong with a ball
    enrich, asked = _fake_model(ROBOT)
    made = make_game_source(description, "en", enrich=enrich)                # the real 120-frame check
    assert isinstance(asked[0], DescriptionFacts) and asked[0].description == description
    assert "catch" in asked[0].templates and asked[0].kind == "describe"
    assert (made["template"], made["model"]) == ("dodge", "tiny-test-model")
    pictures = _pictures(made["source"])
    assert pictures["PLAYER_PICTURE"] == "images/robot.png" and pictures["THING_PICTURE"] == "images/ghost.png"
    assert read_settings(made["source"])["TITLE"] == "A pong game with a robot and ghosts"


def test_a_spanish_reading_keeps_the_childs_own_words_for_the_names():
    enrich, _asked = _fake_model(dict(ROBOT, player="robot", thing="ghost"))
    made = make_game_source("un juego de pong con un robot y fantasmas", "es", enrich=enrich, check=passes)
    settings = read_settings(made["source"])
    assert made["model"] == "tiny-test-model" and settings["THING_NAME"] == "fantasma"


@pytest.mark.parametrize("reading", [
    dict(ROBOT, player="dragon"),                     # a thing the child never wrote
    dict(ROBOT, template="clicker"),                  # a game with no player for the robot
    dict(ROBOT, thing=None),                          # no more of the child's words than the rules used
])
def test_a_model_reading_that_adds_nothing_true_is_ignored(reading):
    description = "a pong game where a robot hits ghosts"                   # the rules: pong, the ghost its ball
    enrich, asked = _fake_model(reading)
    made = make_game_source(description, "en", enrich=enrich, check=passes)
    assert asked and made["model"] is None and made["source"] == _built(description, "en")[1]


def test_no_model_answer_means_the_rules_game():
    enrich, asked = _fake_model(None)
    made = make_game_source("a pong game with a robot and ghosts", "en", enrich=enrich, check=passes)
    assert asked and made["model"] is None and made["fallback"] is False


def test_a_program_that_draws_no_frame_is_never_shown():
    assert check_program("import pygame\nprint('a game with no loop')\n")
    assert check_program(_built("a cat that catches fish", "en")[1]) == []


def test_out_is_never_overwritten(tmp_path):
    out = tmp_path / "mine.py"
    out.write_text("# my own game\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_game("a cat that catches fish", "en", str(out), check=passes)
    assert out.read_text(encoding="utf-8") == "# my own game\n"


def test_default_names_are_new_files_in_projects(monkeypatch, tmp_path):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    first = generate_game("A Dragon that shoots rocks!", "en", check=passes)
    second = generate_game("A Dragon that shoots rocks!", "en", check=passes)
    assert first["file"] != second["file"]
    assert Path(first["file"]).name == "a_dragon_that_shoots_rocks.py"
    assert Path(first["file"]).parent == Path(second["file"]).parent == (tmp_path / "data" / "projects").resolve()
    assert Path(first["file"]).read_text(encoding="utf-8") == Path(second["file"]).read_text(encoding="utf-8")


def test_cli_generate_contract(tmp_path):
    out = tmp_path / "game.py"
    command = [sys.executable, "-m", "kidcoder", "generate", "a cat that catches fish", "--json", "--no-model",
               "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"file", "template", "model"}
    assert (Path(result["file"]), result["template"], result["model"]) == (out.resolve(), "catch", None)
    assert read_settings(out.read_text(encoding="utf-8"))["THING_NAME"] == "fish"
    again = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert again.returncode == 2
    assert len(again.stderr.strip().splitlines()) == 1 and "already exists" in again.stderr


def test_spanish_games_have_spanish_comments_everywhere():
    from kidcoder.making.code_comments import comment_texts

    english = set(i18n.catalog("en").values())
    for template_id, template in all_templates().items():
        # every comment of the template, except its first line (the title), has a translation
        untranslated = [text for text in comment_texts(template.source)[1:]
                        if text not in english and not text.startswith("---")]
        assert untranslated == [], template_id
        spanish = _built(template.meta["title_es"], "es")[1]
        left = [text for text in comment_texts(spanish)[1:] if text in english and not text.startswith('"')]
        assert left == [], template_id
        compile(spanish, "game.py", "exec")


def test_a_description_that_breaks_the_filling_still_gets_the_template(monkeypatch):
    def broken(*_args, **_kwargs):
        raise TypeError("unexpected")

    monkeypatch.setattr(generate, "slots_for", broken)
    made = make_game_source("a cat that catches fish", "en", check=passes)
    assert (made["template"], made["fallback"]) == ("catch", True)
    assert made["source"] == all_templates()["catch"].source


def test_a_reading_with_no_template_of_ours_keeps_the_rules_template():
    description = "a pong game with a robot and ghosts"                     # the rules: pong
    enrich, asked = _fake_model(dict(ROBOT, template=None))                 # Qwen 0.5B often names no template
    made = make_game_source(description, "en", enrich=enrich, check=passes)
    assert asked and made["template"] == _built(description, "en")[0] == "pong"
    with_dodge = make_game_source(description, "en", enrich=_fake_model(ROBOT)[0], check=passes)
    assert with_dodge["template"] == "dodge"                                # one of ours, named: it counts
