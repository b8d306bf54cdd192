"""The relevant-game rate: made games show pictures of what the child named, in 90 % of 30 descriptions or more."""
import pytest

from kidcoder.bench.relevance import DESCRIPTIONS, game_pictures, is_met, relevant_rate


def test_thirty_descriptions_in_each_language():
    assert len(DESCRIPTIONS["en"]) == len(DESCRIPTIONS["es"]) == 30


@pytest.mark.parametrize("lang", ["en", "es"])
def test_at_least_nine_in_ten_made_games_show_what_was_named(lang):
    rate, misses = relevant_rate(lang)
    assert rate >= 0.9, misses


def test_a_game_is_met_only_when_the_player_and_the_thing_are_their_pictures():
    cat_fish = {"PLAYER_PICTURE": "images/cat.png", "THING_PICTURE": "images/fish.png"}
    assert is_met(cat_fish, "cat", "fish")
    assert not is_met(cat_fish, "fish", "cat"), "the player must be the player"
    assert not is_met({"PLAYER_PICTURE": "images/cat.png", "THING_PICTURE": ""}, "cat", "fish")
    assert is_met({"THING_PICTURE": "images/cookie.png"}, None, "cookie")
    assert not is_met({"THING_PICTURE": "images/cookie.png"}, "cat", "cookie")


def test_words_the_library_knows_beyond_the_noun_list():
    owl = game_pictures("an owl that catches mice", "en")[1]
    assert (owl["PLAYER_PICTURE"], owl["THING_PICTURE"]) == ("images/owl.png", "images/mouse.png")
    assert game_pictures("un búho que caza ratones", "es")[1]["THING_PICTURE"] == "images/mouse.png"
    assert game_pictures("a frog that catches flies", "en")[1]["THING_PICTURE"] == "images/fly.png"
    template, pictures = game_pictures("haz clic con el ratón en los globos", "es")
    assert (template, pictures) == ("clicker", {"THING_PICTURE": "images/balloon.png"}), "this mouse is for clicking"


def test_a_scene_puts_its_picture_in_the_background():
    sea = game_pictures("a cat that catches fish under the sea", "en")[1]
    assert (sea["PLAYER_PICTURE"], sea["THING_PICTURE"], sea["BACKGROUND_PICTURE"]) == (
        "images/cat.png", "images/fish.png", "images/bubble.png")
    assert game_pictures("un oso que recoge miel en el bosque", "es")[1]["BACKGROUND_PICTURE"] == "images/pine_tree.png"
    assert game_pictures("a cat that catches fish", "en")[1]["BACKGROUND_PICTURE"] == ""
    night = game_pictures("catch the stars at night", "en")[1]
    assert (night["THING_PICTURE"], night["BACKGROUND_PICTURE"]) == ("images/star.png", ""), "no stars behind stars"
