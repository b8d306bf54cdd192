"""Spelling by sound: a child's word the cards never use is read as the card word (or question word) it sounds like."""
import pytest

from kidcoder.knowledge import words
from kidcoder.knowledge.spelling import SoundAlikes, likeness, sound_key


@pytest.mark.parametrize("lang, heard, meant", [
    ("en", "lup", "loop"), ("en", "funkshun", "function"), ("en", "indentashun", "indentation"),
    ("en", "varibul", "variable"), ("en", "shuut", "shoot"), ("en", "fone", "phone"), ("en", "wok", "walk"),
    ("en", "kat", "cat"), ("en", "sirkle", "circle"), ("en", "nite", "night"),
    ("es", "bidas", "vidas"), ("es", "kronometro", "cronometro"), ("es", "xoquen", "choquen"),
    ("es", "yamar", "llamar"), ("es", "aser", "hacer"), ("es", "kiero", "quiero"), ("es", "jente", "gente"),
    ("es", "sapato", "zapato"), ("es", "rrueda", "rueda"), ("es", "ielo", "hielo"),
])
def test_words_said_alike_share_a_sound_key(lang, heard, meant):
    assert sound_key(heard, lang) == sound_key(meant, lang)


@pytest.mark.parametrize("lang, one, other", [
    ("en", "jump", "shoot"), ("en", "loop", "list"), ("en", "score", "sound"),
    ("es", "vidas", "vida"), ("es", "salta", "salto"), ("es", "casa", "cosa"),   # Spanish vowels are kept
    ("en", "favrit", "fruit"),      # f-v: two sounds, though the vowel between them is not in the key
])
def test_words_said_differently_do_not(lang, one, other):
    assert sound_key(one, lang) != sound_key(other, lang)


def test_likeness_hears_vowels_as_said():
    assert likeness("funkshun", "function", "en") == 1.0
    assert likeness("shuut", "shoot", "en") > likeness("shuut", "shirt", "en")


CARDS_EN = {"loop": 9, "loops": 4, "function": 7, "jump": 8, "gravity": 3, "turtle": 1, "sound": 5, "indentation": 4}


def alikes(lang="en", cards=CARDS_EN):
    return SoundAlikes(cards, cards, lang)


def test_a_question_spelled_by_sound_is_read_as_the_cards_words():
    respelled, by_sound = alikes().respell("hw du i mak a lup")
    assert words.topic_words(respelled, "en") == ["loop"] and by_sound == {"loop"}
    assert [word for word, _w in alikes().topic("wat iz a funkshun")] == ["function"]
    assert alikes().topic("wy doz it sey indentashun")[-1][0] == "indentation"


def test_words_read_by_their_sound_weigh_less_than_words_spelled_right():
    topic = dict(alikes().topic("jump lup"))
    assert topic["jump"] == 1.0 and 0 < topic["loop"] < 1.0


def test_known_words_and_words_that_sound_like_nothing_stay_as_they_are():
    assert alikes().respell("jump gravity") == ("jump gravity", frozenset())
    assert alikes().respell("minecraft pizza") == ("minecraft pizza", frozenset())
    assert alikes().respell("what does # mean")[0] == "what does comment mean"     # symbols said in words


def test_words_run_together_in_an_identifier_are_read_one_by_one():
    assert alikes().respell("Fix LupSound")[0] == "fix loop sound"


def test_spanish_shorthand_and_sounds():
    cards = {"saltar": 5, "vidas": 6, "cronometro": 2, "choque": 4, "corchetes": 2}
    assert words.topic_words(alikes("es", cards).respell("komo ago pa q tenga bidas")[0], "es") == ["tenga", "vidas"]
    assert alikes("es", cards).respell("ke es un kronometro")[0] == "que es un cronometro"
    assert "choque" in alikes("es", cards).respell("komo aso q xoquen")[0]     # a close sound: choquen, choque



def test_a_childs_spelling_only_tags_know_is_read_as_itself_and_as_the_word_it_sounds_like():
    cards = {**CARDS_EN, "random": 6, "randum": 1}
    respelled, by_sound = SoundAlikes(cards, cards, "en", tags_only={"randum"}).respell("wat duz randum doo")
    assert "randum random" in respelled and by_sound == {"random"}
    assert SoundAlikes(cards, cards, "en").respell("randum")[0] == "randum"      # a word the cards use stays


def test_a_compound_typed_apart_is_read_as_the_cards_one_word_unless_a_tag_says_it_apart():
    cards = {"spacebar": 1, "space": 3, "bar": 4, "health": 5, "healthbar": 1, "jump": 2}
    alikes = SoundAlikes(cards, cards, "en")
    assert alikes.respell("wen i pres the spase bar")[0].endswith("the spacebar")
    apart = SoundAlikes(cards, cards, "en", said_apart=lambda word, after: (word, after) == ("health", "bar"))
    assert apart.respell("my health bar")[0] == "my health bar"        # a card's tag: "health bar"


def test_a_word_said_exactly_like_a_tags_short_form_and_another_word_is_read_as_the_short_form():
    cards = {"pic": 1, "pick": 3, "picture": 5, "random": 4}
    alikes = SoundAlikes(cards, cards, "en", tags_only=("pic",))
    assert alikes.respell("hw du i ad a pik")[0].split()[-1] == "pic"
    assert set(SoundAlikes(cards, cards, "en").respell("a pik")[0].split()[1:]) == {"pic", "pick"}


def test_a_spanish_word_said_exactly_like_a_card_word_is_that_word():
    cards = {"caiga": 1, "caigan": 2, "chocar": 3}
    alikes = SoundAlikes(cards, {"caigan": 2, "chocar": 3}, "es")
    assert alikes.sounds_like("kaiga") == ["caiga"]           # not the plural only the tags hold


def test_who_is_said_with_an_h():
    assert sound_key("hu", "en") == sound_key("who", "en")
    assert SoundAlikes({"jump": 1}, {"jump": 1}, "en").respell("hu is mi frend")[0].split()[0] == "who"


def test_a_word_said_exactly_as_one_card_word_is_not_also_read_as_a_nearer_sounding_one():
    cards = {"photo": 1, "food": 4, "snake": 3}
    assert SoundAlikes(cards, cards, "en").sounds_like("foto") == ["photo"]       # not "food" (FT) as well
    near = {"loop": 3, "lap": 1}
    assert SoundAlikes(near, near, "en").sounds_like("lup") == ["loop", "lap"]     # neither exact: both kept


def test_said_tells_which_words_the_cards_talk_about():
    cards = {"personaje": 5, "comida": 2, "salte": 1}
    said = SoundAlikes(cards, cards, "es").said("komo se yama tu perro")
    assert [typed for typed, _read, _known in said] == ["komo", "se", "yama", "tu", "perro"]
    assert said[-1][2] is False
    assert SoundAlikes(cards, cards, "es").said("tu personaje salte")[1][2] is True


def test_a_two_word_tag_said_whole_is_one_entry_of_the_topic():
    cards = {"barra": 6, "espaciadora": 1, "vida": 4, "salto": 2}
    apart = SoundAlikes(cards, cards, "es", said_apart=lambda word, after: (word, after) == ("barra", "espaciadora"))
    assert apart.topic("komo uso la barra espasiadora") == [("barra espaciadora", (1.0 + 0.8) / 2)]
    assert [word for word, _w in apart.topic("la barra de vida")] == ["barra", "vida"]     # not said together
    assert [word for word, _w in apart.topic("espaciadora barra")] == ["espaciadora", "barra"]    # nor in order
