"""Role phrases decide who the child plays and what to dodge, in both languages; word order decides the rest."""
import pytest

from kidcoder.making import role_words
from kidcoder.making.description import LINK_WORDS, assign_roles, read_description
from kidcoder.making.generate import build_program
from kidcoder.making.library import singular_forms
from kidcoder.making.settings_block import read_settings
from kidcoder.making.templates import choose_template, template_words


def _roles(description, lang, roles=("PLAYER", "THING")):
    reading = read_description(description, lang, template_words())
    return {role: token.noun.key for role, token in assign_roles(reading, list(roles)).items()}


def _pictures(description, lang):
    _template, source = build_program(description, lang)
    return {name: value for name, value in read_settings(source).items() if name.endswith("_PICTURE") and value}


@pytest.mark.parametrize("description, lang, player, thing", [
    ("keep away from the cats, you are a dog", "en", "dog", "cat"),
    ("i am a mouse and the cats want me", "en", "mouse", "cat"),
    ("help the penguin grab fish", "en", "penguin", "fish"),
    ("tengo que huir de las serpientes, soy una rana", "es", "frog", "snake"),
    ("el protagonista es un perro que come huesos", "es", "dog", "bone"),
    ("a cat that catches fish", "en", "cat", "fish"),            # no phrase: the first noun plays, as before
])
def test_a_phrase_names_the_player_and_the_thing_follows(description, lang, player, thing):
    assert _roles(description, lang) == {"PLAYER": player, "THING": thing}


def test_the_surest_phrase_wins_over_a_possessive():
    folded = "my hero is a turtle".split()
    assert role_words.player_index(folded, [1, 4], LINK_WORDS) == 4
    assert role_words.player_strength(folded, 1, LINK_WORDS) == 1


def test_danger_phrases_skip_the_small_words_between():
    folded = "stay away from all the bees".split()
    assert role_words.dangers(folded, [5], LINK_WORDS) == {5}
    assert role_words.dangers("a bear eats the bees".split(), [1, 4], LINK_WORDS) == set()


def test_a_named_player_gets_a_game_with_a_player_picture():
    template, _score = choose_template("you are a robot and you click on stars", "en")
    assert "PLAYER_PICTURE" in _pictures("you are a robot and you click on stars", "en")
    assert template != "clicker"
    assert choose_template("a game where you click on stars", "en")[0] == "clicker"   # no player named: unchanged


def test_a_thing_to_stay_away_from_with_no_template_word_makes_a_dodge_game():
    assert choose_template("stay away from the spiders, you are a ladybug", "en")[0] == "dodge"


def test_game_is_never_a_picture_and_wolves_are_wolves():
    pictures = _pictures("a dog hunting game", "en")
    assert "images/dice.png" not in pictures.values()
    assert "wolf" in singular_forms("wolves", "en") and "leaf" in singular_forms("leaves", "en")
    assert _roles("the sheep runs from the wolves", "en") == {"PLAYER": "sheep", "THING": "wolf"}
