"""With no phrase saying who plays, the clauses do: who acts on a thing named before, who escapes."""
import pytest

from kidcoder.bench.relevance import HARD, HARD_KID, HARD_NEW, relevant_rate
from kidcoder.making import clauses
from kidcoder.making.description import named_roles, read_description
from kidcoder.making.templates import choose_template, template_words
from tests.making.test_role_words import _roles


@pytest.mark.parametrize("description, lang, player, thing", [
    ("sharks swim around and the fish has to hide from them", "en", "fish", "shark"),
    ("apples fall down and my pig gobbles them", "en", "pig", "apple"),
    ("bananas keep coming and the monkey must catch them", "en", "monkey", "banana"),
    ("llegan los lobos y la oveja se esconde", "es", "sheep", "wolf"),
    ("caen manzanas y el cerdo las come", "es", "pig", "apple"),
    ("caen estrellas y el unicornio quiere atraparlas", "es", "unicorn", "star"),
    ("the dragons attack and the knight fights back", "en", "knight", "dragon"),
])
def test_the_one_who_acts_on_what_was_named_before_plays(description, lang, player, thing):
    assert _roles(description, lang) == {"PLAYER": player, "THING": thing}


@pytest.mark.parametrize("description, lang, player, thing", [
    ("a cat that catches fish and eats them", "en", "cat", "fish"),      # the pronoun's clause has no doer
    ("you are a bear and the bees chase you", "en", "bear", "bee"),       # a phrase beats the clauses
    ("a frog that catches flies", "en", "frog", "fly"),
])
def test_word_order_and_phrases_still_decide_when_no_clause_points_back(description, lang, player, thing):
    assert _roles(description, lang) == {"PLAYER": player, "THING": thing}


def test_verbs_are_known_by_their_form_and_are_never_new_things():
    said = [token.text for token in read_description("zombies are coming and the ninja has to chop them", "en",
                                                      template_words()).nouns]
    assert said == ["zombies", "ninja"]                        # not "coming" (a coin) nor "chop"
    said = [token.text for token in read_description("el ninja los corta y el robot no puede tocarlas", "es",
                                                      template_words()).nouns]
    assert said == ["ninja", "robot"]
    def is_noun(word):
        return word in ("gato", "ratones", "lobos")

    assert clauses.verb_by_form("el gato se defiende".split(), 3, "es", {1}, is_noun)
    assert clauses.verb_by_form("llegan los lobos".split(), 0, "es", set(), is_noun)    # before an article and a thing
    assert not clauses.verb_by_form("el gatito los".split(), 1, "es", set(), is_noun)  # "los" may be a pronoun
    assert clauses.verb_by_form("bananas keep coming".split(), 1, "en", {0}, is_noun)


def test_a_pronoun_after_a_negation_or_away_from_is_a_thing_to_keep_away_from():
    folded = "caen bombas y el robot no puede tocarlas".split()
    assert clauses.pointed_back(folded, [1, 4], "es") == [clauses.PointedBack(4, 1, True)]
    folded = "apples fall and the pig eats them".split()
    assert clauses.pointed_back(folded, [0, 4], "en") == [clauses.PointedBack(4, 0, False)]
    assert named_roles("caen bombas y el robot no puede tocarlas", "es", template_words())[:2] == (True, True)
    assert choose_template("caen bombas y el robot no puede tocarlas", "es")[0] == "dodge"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_held_out_descriptions_make_the_game_they_name(lang):
    # HARD_KID was written before clauses.py (6 of 12 met then), HARD_NEW before the role phrases (22 of 24)
    assert relevant_rate(lang, None, HARD_KID)[0] == 1.0
    assert relevant_rate(lang, None, HARD_NEW)[0] == 1.0
    assert relevant_rate(lang, None, HARD)[0] == 1.0


def test_a_made_game_reads_its_description_once(monkeypatch):
    from kidcoder.making import description, description_model, game_slots, generate

    calls = []

    def counted(*args, **kwargs):
        calls.append(args[0])
        return read_description(*args, **kwargs)

    for module in (description, description_model, game_slots, generate):
        monkeypatch.setattr(module, "read_description", counted)

    def unsure_model(_facts):
        return None

    made = generate.make_game_source("zombies are coming and the ninja has to chop them", "en",
                                     enrich=unsure_model, check=lambda _source: [])
    assert made["template"] == "space_shooter" and len(calls) == 1


def test_filling_a_breakout_game_leaves_the_shared_reading_as_it_was():
    from kidcoder.making.game_slots import slots_for
    from kidcoder.making.templates import all_templates

    reading = read_description("break bricks with a green ball", "en", template_words())
    template = all_templates()["breakout"]
    before = [token.noun for token in reading.tokens]
    values = slots_for("break bricks with a green ball", "en", template.meta, template.defaults, template_words(),
                       reading)
    assert "BALL_COLOUR" in values and [token.noun for token in reading.tokens] == before
