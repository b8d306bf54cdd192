"""Spanish verb forms: the subjunctive a child writes after "que" is read as the forms the cards use."""
import pytest

from kidcoder.knowledge.spelling import SoundAlikes
from kidcoder.knowledge.verb_forms import forms, known_forms


@pytest.mark.parametrize("said, meant", [
    ("caiga", "cae"), ("caiga", "caer"), ("caigan", "caen"), ("mueva", "mueve"), ("mueva", "mover"),
    ("choquen", "chocan"), ("choquen", "chocar"), ("salte", "salta"), ("salte", "saltar"), ("siga", "sigue"),
    ("siga", "seguir"), ("salga", "sale"), ("ponga", "pone"), ("aparezca", "aparece"), ("repita", "repetir"),
    ("brinque", "brincar"), ("suene", "sonar"),
])
def test_a_subjunctive_is_read_as_its_present_and_its_infinitive(said, meant):
    assert meant in forms(said)


def test_one_thing_falling_is_not_many():
    assert "cae" in forms("caiga") and "caen" not in forms("caiga") and "caen" in forms("caigan")


def card_word(*cards):
    return lambda form: form if form in cards else None


def test_only_forms_the_cards_use_are_kept():
    assert known_forms("caiga", card_word("cae", "caer", "salta")) == ["cae", "caer"]
    assert known_forms("salte", card_word("cae", "caer", "salta")) == ["salta"]
    # a noun that merely ends like a verb gains nothing, nor a word that is not all letters
    assert known_forms("casa", card_word("casa", "pelota")) == []
    assert known_forms("pelota", card_word("casa", "pelota")) == []
    assert known_forms("f_2", lambda form: form) == []


CARDS_ES = {"cae": 3, "caer": 2, "caiga": 1, "caigan": 1, "repite": 4, "repetir": 6, "gravedad": 2, "salta": 3}


def test_a_misspelled_verb_is_read_by_how_its_forms_sound():
    alikes = SoundAlikes(CARDS_ES, {"caer": 1, "caigan": 1, "gravedad": 1}, "es")
    respelled, _by_sound = alikes.respell("ke ago pa q kaiga")
    assert respelled.split()[-3:] == ["caiga", "cae", "caer"]     # not "caigan", things falling from the sky
    assert {"repite", "repetir"} <= set(alikes.respell("komo ago q se rrepita")[0].split())
    # the forms of the one word the child typed share one word's weight
    topic = dict(alikes.topic("que caiga"))
    assert sum(topic.values()) == pytest.approx(1.0) and set(topic) >= {"cae", "caer"}


def test_english_words_are_not_read_as_spanish_verbs():
    alikes = SoundAlikes({"salta": 1, "move": 2}, {"move": 2}, "en")
    assert alikes.respell("salte")[0] == "salte"
