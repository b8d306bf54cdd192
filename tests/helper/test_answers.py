"""ask(): answers built from the cards, the retrieval hit rate on children's questions, the CLI contract."""
import json
import os
import subprocess
import sys

import pytest

from kidcoder.helper import answers as answer
from kidcoder.bench import index as bench_index
from kidcoder.knowledge import cards as knowledge
from kidcoder.knowledge import words
from kidcoder.helper.answers import answer_question, ask, key_paragraphs, paragraphs
from kidcoder.knowledge.index import KnowledgeIndex
from kidcoder.i18n import catalog, tr
from kidcoder.model.facts import AnswerFacts, ModelReply

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REQUIRED_RATE = 0.90


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    built = KnowledgeIndex(index_dir=tmp_path_factory.mktemp("index")).ensure_ready()
    yield built
    built.close()


def _report(name, result):
    print(f"\n{name}: top-3 hit rate {result['rate']:.1%} (en {result['rate_en']}, es {result['rate_es']}; "
          f"asked {result['asked']}, skipped {len(result['skipped'])} whose cards are not written yet)")
    for miss in result["misses"]:
        print(f"  miss [{miss['lang']}] {miss['question']!r}: want {miss['expected']}, got {miss['got']}")


def test_retrieval_hit_rate_on_childrens_questions(index):
    result = bench_index.evaluate(index, available=bench_index.available_cards())
    _report("tuned set", result)
    assert result["asked"]["en"] >= 40 and result["asked"]["es"] >= 20
    assert result["rate"] >= REQUIRED_RATE, result["misses"]
    assert result["rate_es"] >= REQUIRED_RATE - 0.05, result["misses"]


@pytest.mark.parametrize("name", ["HELD_OUT", "FRESH", "HELD_OUT_2"])
def test_retrieval_hit_rate_on_questions_not_tuned_for(index, name):
    result = bench_index.evaluate(index, getattr(bench_index, name), available=bench_index.available_cards())
    _report(name, result)
    assert result["rate"] >= 0.8, result["misses"]


def test_spanish_typed_like_children_type_finds_cards_as_often_as_english(index):
    typed = bench_index.evaluate(index, bench_index.SPANISH_TYPED)      # a missing card counts as a miss
    _report("SPANISH_TYPED", typed)
    english = bench_index.evaluate(index, [q for q in bench_index.QUESTIONS if q[0] == "en"])
    assert typed["asked"]["es"] == 40 and not typed["skipped"]
    assert typed["rate_es"] >= english["rate_en"] - 0.05, typed["misses"]


def test_answer_is_the_best_cards_key_paragraphs_and_example(index):
    result = ask("how do i make my guy jump", "en", index=index)
    card = knowledge.cards_by_id("en")["gravity-jump"]
    assert result["model"] is None
    assert result["sources"][0] == {"id": "gravity-jump", "title": card.title}
    assert all(set(source) == {"id", "title"} for source in result["sources"])
    text = result["answer"]
    assert text.startswith(card.title)
    assert paragraphs(card.body)[0] in text
    assert card.code.strip() in text and tr("answer.example", lang="en") in text
    listed = [source["title"] for source in result["sources"][1:]]
    assert listed and tr("answer.see_also", lang="en", titles="; ".join(listed)) in text


def test_spanish_question_gets_a_spanish_answer_even_with_english_settings(index):
    result = ask("como hago que mi personaje salte", "en", index=index)
    card = knowledge.cards_by_id("es")["gravity-jump"]
    assert result["sources"][0]["title"] == card.title
    assert tr("answer.example", lang="es") in result["answer"]


def test_after_a_language_switch_the_same_cards_answer_in_the_new_language(index):
    english = answer_question("how do I make my player jump with gravity", "es", index=index)
    assert english.sources[0].lang == "en"                       # an English question gets English words ...
    spanish = answer_question("how do I make my player jump with gravity", "es", index=index, answer_in="es")
    assert spanish.sources[0].lang == "es" and spanish.sources[0].id == english.sources[0].id
    assert spanish.text.startswith(spanish.sources[0].title) and spanish.facts.lang == "es"


def test_unknown_topics_get_a_kind_dont_know(index):
    for question in ("i like turtles", "what is minecraft"):
        result = ask(question, "en", index=index)
        assert result == {"answer": tr("answer.unknown", lang="en"), "sources": [], "model": None}
    result = ask("how do i make my", "en", index=index)
    assert result["answer"] == tr("answer.too_short", lang="en") and result["sources"] == []
    assert ask("hola", "es", index=index)["answer"] == tr("answer.too_short", lang="es")


def test_key_paragraphs_keep_the_first_and_the_matching_ones():
    body = ("Intro about jumping.\n\nThis part is about colours and paint.\n\n"
            "Steps to jump:\n\n- press space\n- fall back\n\n" + "filler " * 200)
    chosen = key_paragraphs(body, ["jump"], budget=20)
    assert chosen.startswith("Intro about jumping.")
    assert "Steps to jump:\n- press space\n- fall back" in chosen     # a list stays with its lead-in
    assert "filler" not in chosen


def test_language_guess():
    assert words.guess_language("¿cómo hago que mi personaje salte?") == "es"
    assert words.guess_language("por que la pantalla esta negra") == "es"
    assert words.guess_language("how do i make my guy jump") == "en"
    assert words.guess_language("pygame") is None
    assert words.choose_language("pygame", "es") == "es"
    assert words.choose_language("why is my screen black", "es") == "en"
    assert words.guess_language("pa q sirbe el break") == "es"        # how children type it
    assert words.guess_language("komo ago q salte mi muneco") == "es"


def test_topic_words_drop_childrens_phrasing():
    assert words.topic_words("How do I make my guy jump??", "en") == ["guy", "jump"]
    assert words.topic_words("¿Cómo hago que mi personaje salte?", "es") == ["personaje", "salte"]
    assert words.topic_words("what is a for loop", "en") == ["for", "loop"]
    assert words.topic_words("pa q sirbe el break", "es") == ["break"]
    assert words.topic_words("como ago q salte mi muñeco", "es") == ["salte", "muneco"]
    assert words.topic_words("how do i make my guy not fall through the floor", "en") == \
        ["guy", "fall", "through", "floor"]
    assert words.topic_words("what does # mean", "en") == ["comment"]


def test_the_word_game_weighs_less_than_what_the_question_is_about():
    assert dict(words.weighted_topic_words("the game doesn't let me jump", "en")) == {"game": words.WEAK_WEIGHT,
                                                                                      "jump": 1.0}
    assert dict(words.weighted_topic_words("el juego va lento", "es"))["juego"] < 1.0
    assert words.weighted_topic_words("game", "en") == [("game", 1.0)]       # alone, it is the question


def test_showing_adding_or_making_appear_weighs_less_than_what_is_shown():
    assert dict(words.weighted_topic_words("how do i show a picture", "en")) == {"show": words.PUT_IN_WEIGHT,
                                                                                 "picture": 1.0}
    assert dict(words.weighted_topic_words("que aparezca una foto", "es"))["aparezca"] < 1.0
    assert words.weighted_topic_words("how do i show something", "en") == [("show", 1.0)]     # alone: the question


def test_model_answer_follows_the_cards_answer_when_the_model_gives_one(index):
    seen = []

    def enrich(facts):
        seen.append(facts)
        return ModelReply("Jumping is fun! Set y_speed to -15.", "tiny.gguf")

    result = ask("how do i make my guy jump", "en", index=index, enrich=enrich)
    rules = ask("how do i make my guy jump", "en", index=index)
    assert result["answer"] == rules["answer"] + "\n\nIn other words:\nJumping is fun! Set y_speed to -15."
    assert result["model"] == "tiny.gguf"
    assert result["sources"][0]["id"] == "gravity-jump"
    facts = seen[0]
    assert isinstance(facts, AnswerFacts) and facts.kind == "answer" and facts.lang == "en"
    assert facts.cards[0].id == "gravity-jump" and "y_speed" in facts.cards[0].code and len(facts.cards) == 2
    assert facts.rules_answer.startswith(facts.cards[0].title)


@pytest.mark.parametrize("behaviour", ["raises", "none", "empty"])
def test_a_failing_model_falls_back_to_the_rules_answer(index, behaviour):
    def enrich(facts):
        if behaviour == "raises":
            raise RuntimeError("model crashed")
        return None if behaviour == "none" else ModelReply("  ", "x")

    with_model = ask("how do i make my guy jump", "en", index=index, enrich=enrich)
    without = ask("how do i make my guy jump", "en", index=index)
    assert with_model == without and with_model["model"] is None


def test_without_a_model_nothing_is_asked_and_unknown_topics_have_no_facts(index):
    answer = answer_question("what is a variable", "en", index=index)
    assert answer.model is None and answer.facts.question == "what is a variable"
    assert answer.facts.rules_answer == answer.text and answer.sources[:2] == answer.facts.cards
    assert answer_question("i like turtles", "en", index=index).facts is None


def test_a_spanish_question_is_retold_in_spanish_whatever_the_settings(index):
    answer = answer_question("como hago que mi personaje salte", "en", index=index)
    assert answer.facts.lang == "es" and answer.facts.cards[0].lang == "es"


def test_every_answer_key_exists_in_both_languages():
    keys = {key for key in catalog("en") if key.startswith("answer.")}
    assert keys == {key for key in catalog("es") if key.startswith("answer.")}
    for key in keys:
        assert catalog("es")[key] != catalog("en")[key]


def _cli(*args):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "kidcoder", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def test_cli_index_rebuild_and_ask_follow_the_contract():
    done = _cli("index", "--rebuild", "--json")
    assert done.returncode == 0, done.stderr
    built = json.loads(done.stdout)
    assert set(built) == {"cards", "path", "rebuilt", "seconds"}
    assert built["rebuilt"] is True and built["cards"] == len(knowledge.load_cards("en")) + len(
        knowledge.load_cards("es"))
    asked = _cli("ask", "how do i make my guy jump", "--json", "--no-model")
    assert asked.returncode == 0, asked.stderr
    result = json.loads(asked.stdout)
    assert set(result) == {"answer", "sources", "model"}
    assert result["sources"][0]["id"] == "gravity-jump" and result["model"] is None
    spanish = json.loads(_cli("ask", "por que la pantalla esta negra", "--json", "--no-model", "--lang", "es").stdout)
    assert spanish["sources"][0]["id"] in {"display-flip", "screen-fill"}
    with_model_allowed = _cli("ask", "what is a list", "--json")     # no model in the test home: rules answer
    assert with_model_allowed.returncode == 0, with_model_allowed.stderr
    assert json.loads(with_model_allowed.stdout)["sources"][0]["id"] == "lists"
    empty = _cli("ask", "  ", "--json")
    assert empty.returncode == 2 and empty.stderr.count("\n") == 1


def test_no_card_in_spanish_falls_back_to_an_english_card(tmp_path):
    cards = tmp_path / "cards"
    (cards / "en").mkdir(parents=True)
    (cards / "es").mkdir()
    (cards / "en" / "recipe-snake.md").write_text(
        "---\nid: recipe-snake\ntitle: Snake\ntags: [snake, serpiente]\nlevel: 1\nrelated: []\n---\n"
        "Make a snake that grows.\n\n```python\nsnake = [(5, 5)]\n```\n", encoding="utf-8")
    for other in ("lists", "sound", "mouse"):
        (cards / "en" / f"{other}.md").write_text(
            f"---\nid: {other}\ntitle: {other}\ntags: [{other}]\nlevel: 1\nrelated: []\n---\n"
            f"All about {other}.\n\n```python\nx = 1\n```\n", encoding="utf-8")
    small = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=cards)
    result = ask("como hago el juego de la serpiente", "es", index=small)
    assert result["sources"] == [{"id": "recipe-snake", "title": "Snake"}]
    assert tr("answer.only_english", lang="es") in result["answer"]
    assert tr("answer.example", lang="es") in result["answer"]
    small.close()


def test_hard_wrapped_card_lines_are_joined_but_lists_stay():
    text = "A list holds many things\nin one variable.\n- first item\n  goes on\n- second\n1. step"
    assert answer.unwrap(text) == ("A list holds many things in one variable.\n- first item goes on\n"
                                   "- second\n1. step")


def test_a_question_the_index_does_not_understand_is_found_by_the_topics_the_model_picks(index):
    lost = "komo ago q se topen"            # "topen" (bump into) sounds like no word of the cards
    assert answer_question(lost, "es", index=index).sources == ()          # the rules alone: "I don't know"
    asked = []

    def enrich(facts):
        asked.append(facts)
        data = {"language": "es", "topics": ["loop"]}
        return ModelReply(json.dumps(data), "tiny.gguf", data) if facts.kind == "search" else None

    answer = answer_question(lost, "es", index=index, enrich=enrich)
    assert [facts.kind for facts in asked] == ["search"] and asked[0].question == lost
    assert answer.model == "tiny.gguf" and answer.search_terms == ("loop",)
    assert answer.sources[0].id == "for-loop-range" and answer.sources[0].lang == "es"
    assert answer.text.startswith(answer.sources[0].title)
    assert "In other words" not in answer.text                # the card's own text answers


def test_two_topics_pick_the_card_both_name(index):
    def enrich(facts):
        data = {"language": "en", "topics": ["move", "keys"]}      # move: speed...; keys: keydown...; both: this
        return ModelReply(json.dumps(data), "tiny.gguf", data)

    answer = answer_question("ke onda con mi mono", "es", index=index, enrich=enrich)
    assert answer.sources[0].id == "move-with-keys" and answer.sources[0].lang == "es"
    assert answer.text.startswith(answer.sources[0].title) and len(answer.sources) > 1


@pytest.mark.parametrize("topics", [[], ["other"]])
def test_a_reply_with_no_topic_or_other_still_gets_the_kind_dont_know(index, topics):
    def enrich(facts):
        data = {"language": "es", "topics": topics}
        return ModelReply(json.dumps(data), "tiny.gguf", data)

    answer = answer_question("komo ago q se topen", "es", index=index, enrich=enrich)
    assert answer.sources == () and answer.text == tr("answer.unknown", lang="es") and answer.model is None


def test_a_fake_model_through_the_service_finds_the_card_and_a_wrong_reply_falls_back_to_the_rules(index):
    from kidcoder.config import Settings
    from kidcoder.model.fake import FakeModel
    from kidcoder.model.service import OneShot

    lost = "komo ago q se topen"
    model = FakeModel(['{"topics": ["chocar"], "language": "es"}', 'collide"], "language": "en"}'])  # after prefill
    with OneShot(Settings(), model_factory=lambda: model) as enrich:
        answer = answer_question(lost, "es", index=index, enrich=enrich)
    assert [prompt.kind for prompt in model.prompts] == ["search", "search"]       # one retry, told what was wrong
    assert "use only topics from the list" in model.prompts[1].user
    assert answer.sources[0].id == "rect-collisions" and answer.sources[0].lang == "es"    # the rules' language
    assert answer.search_terms == ("collide",) and answer.model

    always_wrong = FakeModel("no sé")
    with OneShot(Settings(), model_factory=lambda: always_wrong) as enrich:
        answer = answer_question(lost, "es", index=index, enrich=enrich)
    assert len(always_wrong.prompts) == 2 and answer.sources == () and answer.model is None
    assert answer.text == answer_question(lost, "es", index=index).text           # the rules' own answer


def test_the_benchs_lost_questions_are_mostly_read_by_their_sound_and_a_topic_reaches_their_card(index):
    from kidcoder.bench.understanding import LOST_QUESTIONS, questions_found
    from kidcoder.model.search_topics import TOPICS, cards_for

    assert len(LOST_QUESTIONS) >= 12 and {lang for _q, lang, _c in LOST_QUESTIONS} == {"en", "es"}
    for question, lang, cards in LOST_QUESTIONS:
        assert any(card in cards for topic in TOPICS for card in cards_for([topic])[:1]), question
    # none was found by the index before the spelling step (issue 19); the rules alone found 10 of 14, 11
    # since a tag said whole counts more ("my guy walk": moving with the keys, not the maze recipe), and 14
    # since Spanish verb forms are read ("caiga": cae) and "add" weighs less than what is added
    assert questions_found(None) >= 100.0


def test_misspelled_questions_never_tuned_on_find_their_card_and_off_topic_ones_stay_unknown():
    from kidcoder.bench.understanding import asked_without_model, misspelled

    assert len(misspelled("made_up")) >= 30 and {lang for _q, lang, _c in misspelled("made_up")} == {"en", "es"}
    figures = asked_without_model()
    assert figures["ask_found_held_out_pct_without_model"] >= 90.0      # 72.5 before the spelling step, 82.5
    # before tags-only spellings ("randum", "eror") were also read as the words they sound like
    assert figures["ask_off_topic_unknown_pct"] >= 100.0                # 62.5 before "favrit" stopped being fruit,
    # 75 before questions about a person ("komo te yamas", "kien es mi mejor amigo") got no card
    assert figures["ask_found_real_pct_without_model"] >= 100.0         # 85.7 before "game" weighed less
    # held_out_2: written before words19d's rules, never tuned on: 85 (17 of 20) before them, 95 after
    assert figures["ask_found_held_out_2_pct_without_model"] >= 95.0


# Questions that reached a wrong card (issue 19, words19c): [lang, question, right first card or None for "I
# don't know"]. FIXED were the reason for the rules; UNTUNED were written before the rules and never tuned on.
# FIXED_LATER (words19d) were still wrong on 2 December: the untuned ones words19c left out, and "komo ago q
# aparesca una foto" (random spawning since "aparezca" was read as "aparece"/"aparecer").
FIXED = (("es", "komo te yamas", None), ("es", "kien es mi mejor amigo", None), ("en", "hw du i ad a pik", "images"),
         ("es", "ke ago pa q kaiga", "gravity-jump"), ("en", "spase bar", "keydown-vs-get-pressed"))
FIXED_LATER = (("es", "komo se yama tu perro", None), ("en", "wats ur naim", None), ("en", "hu is mi best frend", None),
               ("en", "hw do i sho a foto", "images"), ("es", "komo uso la barra espasiadora", "keydown-vs-get-pressed"),
               ("es", "komo ago q aparesca una foto", "images"))
UNTUNED = (("es", "¿cómo te llamas?", None), ("es", "como te yamas tu", None), ("es", "kien te izo", None),
           ("es", "ke edad tienes", None), ("en", "who r u", None), ("en", "hw du i put a pik in mi gaim", "images"),
           ("en", "how 2 ad a pictur", "images"), ("es", "ke ago pa q se kaiga el muñeko", "gravity-jump"),
           ("es", "komo ago pa q mi muñeko kaiga", "gravity-jump"), ("es", "komo ago q se mueba", "move-with-keys"),
           ("es", "komo ago pa q suene algo", "sound"), ("es", "ke ago pa q dispare", "shoot-bullets-list"),
           ("en", "the spase key", "keydown-vs-get-pressed"), ("en", "wen i pres spase", "keydown-vs-get-pressed"))


@pytest.mark.parametrize("lang, question, card", FIXED + UNTUNED + FIXED_LATER)
def test_questions_spelled_by_sound_or_about_a_person_reach_the_right_card_or_none(index, lang, question, card):
    answer = answer_question(question, lang, index=index)
    if card is None:
        assert answer.sources == () and answer.text == tr("answer.unknown", lang=lang)
    else:
        assert answer.sources[0].id == card and answer.sources[0].lang == lang


def test_a_question_about_a_person_is_not_sent_to_the_model(index):
    from kidcoder.config import Settings
    from kidcoder.model.fake import FakeModel
    from kidcoder.model.service import OneShot

    model = FakeModel('{"topics": ["function"], "language": "es"}')
    with OneShot(Settings(), model_factory=lambda: model) as enrich:
        answer = answer_question("komo te yamas", "es", index=index, enrich=enrich)
    assert model.prompts == [] and answer.sources == () and answer.model is None
