"""The pure parts behind generate: the SETTINGS block, the known things, and reading a description."""
import pytest

from kidcoder.making import nouns
from kidcoder.making.description import read_description
from kidcoder.making.game_slots import make_title, slots_for
from kidcoder.making.settings_block import SettingsError, fill_settings, format_value, read_settings
from kidcoder.making.templates import all_templates, template_words

TEMPLATE = '''# A tiny game
import pygame

# ---- SETTINGS: change these values to make the game your own! ----
TITLE = "It's a # game"  # shown at the top
SPEED = 6  # how fast
COLOUR = (1, 2, 3)
COLOURS = [(1, 2, 3), (4, 5, 6)]
MAZE = [
    "##",
]
# ---- END OF SETTINGS ----
SPEED = 99  # outside the block: not a slot
'''


def test_read_settings_reads_one_line_literals_inside_the_block_only():
    assert read_settings(TEMPLATE) == {"TITLE": "It's a # game", "SPEED": 6, "COLOUR": (1, 2, 3),
                                       "COLOURS": [(1, 2, 3), (4, 5, 6)]}


def test_fill_settings_changes_values_keeps_everything_else():
    filled = fill_settings(TEMPLATE, {"TITLE": 'Say "hi"', "SPEED": 9, "NOT_THERE": 1},
                           {"SPEED": "lo rápido\nque va"})
    assert read_settings(filled)["TITLE"] == 'Say "hi"'
    assert "SPEED = 9  # lo rápido que va\n" in filled
    assert "COLOUR = (1, 2, 3)\n" in filled and '    "##",\n' in filled
    assert filled.endswith("SPEED = 99  # outside the block: not a slot\n")
    compile(filled, "game.py", "exec")


def test_fill_settings_refuses_a_value_of_another_kind():
    with pytest.raises(TypeError):
        fill_settings(TEMPLATE, {"COLOUR": "red"})
    with pytest.raises(SettingsError):
        read_settings("SPEED = 1\n")


def test_format_value_writes_python_a_child_can_read():
    assert format_value("cat") == '"cat"'
    assert format_value((255, 0, 0)) == "(255, 0, 0)"
    assert format_value(0.5) == "0.5"
    assert eval(format_value('a "b" \\ c\nd')) == 'a "b" \\ c\nd'


def test_nouns_know_about_sixty_things_in_both_languages():
    assert len(nouns.NOUNS) >= 60
    for english, spanish in (("cat", "gato"), ("fish", "pez"), ("dragon", "dragón"), ("rocket", "cohete"),
                             ("rock", "roca"), ("ball", "pelota"), ("cookie", "galleta"), ("car", "coche"),
                             ("car", "carro"), ("star", "estrella")):
        assert nouns.find_noun(english)[0] is nouns.find_noun(spanish)[0]
    assert all(noun.shape in nouns.SHAPES for noun in nouns.NOUNS)


def test_nouns_forgive_spelling_and_show_the_childs_own_word():
    assert nouns.find_noun("dragn")[0].key == "dragon"
    assert nouns.find_noun("pinguinos")[0].key == "penguin"
    assert nouns.find_noun("cookys")[0].key == "cookie"
    # everyday words are never mistaken for things ("with" is not a misspelt "witch")
    assert [t.noun.key for t in read_description("a cat with a hat", "en", template_words()).nouns] == ["cat", "hat"]
    carro = nouns.find_noun("carros")[0]
    assert nouns.display_name(carro, "carros", "es") == "carro"
    assert nouns.display_name(nouns.find_noun("pinguino")[0], "pinguino", "es") == "pingüino"
    assert nouns.display_name(nouns.find_noun("peces")[0], "peces", "es") == "pez"


def test_unknown_words_get_their_own_shape_every_time():
    one, two = nouns.named_shape("Platypus"), nouns.named_shape("platypus")
    assert one == two and one.name("es") == "platypus" and one.shape in nouns.SHAPES
    assert {nouns.named_shape(word).shape for word in ("axolotl", "yeti", "kraken", "gnome", "wombat", "sloth")} != {
        one.shape}


def test_colours_and_numbers_in_both_languages():
    assert nouns.find_colour("roja", "es") == nouns.find_colour("red", "en")
    assert nouns.find_colour("red", "es") is None  # a net, in Spanish
    assert nouns.find_number("siete") == nouns.find_number("seven") == nouns.find_number("7") == 7


def test_reading_keeps_game_words_out_of_the_cast():
    reading = read_description("a hungry cat game that catches fish against my friend", "en", template_words())
    assert [token.noun.key for token in reading.nouns] == ["cat", "fish"]


def test_slots_only_touch_settings_the_template_has():
    for template in all_templates().values():
        values = slots_for("a red dragon with 3 lives that catches 4 stars very fast", "en", template.meta,
                           template.defaults, template_words())
        assert set(values) <= set(template.defaults), template.id


def test_title_is_one_tidy_line():
    assert make_title("  a   cat\nthat catches fish ") == "A cat that catches fish"
    long = make_title("word " * 40)
    assert len(long) <= 48 and not long.endswith(" ")
