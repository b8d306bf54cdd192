"""Names for programs: suggestions from the caption, description or first comment, and kind checks."""
import pytest

from kidcoder.i18n import tr
from kidcoder.projects.names import check_name, display_stem, free_stem, suggest_name, words_to_stem


def test_the_caption_names_the_program_even_through_a_constant():
    assert suggest_name('import pygame\npygame.display.set_caption("Cat and fish")\n') == "cat_and_fish"
    source = 'TITLE = "Gato que atrapa peces"\nimport pygame\npygame.display.set_caption(TITLE)\n'
    assert suggest_name(source) == "gato_que_atrapa_peces"


def test_a_made_games_description_comes_next_then_the_first_comment():
    assert suggest_name("x = 1\n", "a rocket that dodges rocks") == "a_rocket_that_dodges_rocks"
    assert suggest_name("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# Ñandú veloz: a race\nx = 1\n") \
        == "ñandú_veloz"
    assert suggest_name("def broken(:\n", "", "es") == tr("files.name.default", "es") == "mi_juego"
    assert suggest_name("x = 1\n", "", "en") == "my_game"


def test_a_suggestion_is_short_and_never_the_name_of_a_python_module():
    assert len(words_to_stem("the biggest and fastest spaceship in the whole wide galaxy")) <= 32
    assert suggest_name('import pygame\npygame.display.set_caption("Random")\n# Dice game\n') == "dice_game"


def test_a_suggestion_never_takes_an_existing_programs_name(tmp_path):
    (tmp_path / "snake.py").write_text("")
    (tmp_path / "snake_2.py").write_text("")
    assert free_stem(tmp_path, "snake") == "snake_3"
    assert free_stem(tmp_path, "pong") == "pong"


@pytest.mark.parametrize("typed, key", [
    ("", "files.name.empty"), ("   ", "files.name.empty"), (".py", "files.name.empty"),
    ("cat/fish", "files.name.slash"), ("cat\\fish", "files.name.slash"), ("what?", "files.name.letter"),
    ("a:b", "files.name.letter"), ("bell\x07", "files.name.letter"), (".hidden", "files.name.dot"),
    ("x" * 61, "files.name.long"), ("pygame", "files.name.taken"), ("Random.py", "files.name.taken"),
])
def test_bad_names_get_a_kind_message(tmp_path, typed, key):
    check = check_name(typed, tmp_path)
    assert not check.ok and check.problem == key
    message = check.message("en")
    assert message and "{" not in message and check.message("es") != message


def test_good_names_get_py_added_and_keep_accents_and_spaces(tmp_path):
    check = check_name("  Ñandú   veloz ", tmp_path)
    assert check.ok and not check.exists and check.path == tmp_path / "Ñandú veloz.py"
    assert check_name("pong.py", tmp_path).path == tmp_path / "pong.py"
    assert check_name("pong.PY", tmp_path).path == tmp_path / "pong.py"
    assert display_stem("my game.py") == "my game"


def test_an_existing_name_is_noticed_except_the_programs_own(tmp_path):
    (tmp_path / "pong.py").write_text("")
    check = check_name("pong", tmp_path)
    assert check.ok and check.exists
    assert not check_name("pong", tmp_path, current=tmp_path / "pong.py").exists
