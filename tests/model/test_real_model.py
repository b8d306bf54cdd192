"""Opt-in, slow: a real small model (KIDCODER_TEST_MODEL) never makes help worse, and its prompts fit in 200 tokens.

Over the whole hint corpus (tests/diagnosis/corpus, and the real corpus's programs when they are
here: tests/diagnosis/real_corpus/index.json, KIDCODER_REAL_CORPUS_PROGRAMS; KIDCODER_TEST_CORPORA
picks "corpus", "real_corpus" or both, the default), at level 2 of the ladder in each language: the hint with the model names the problem
whenever the hint without it does, keeps the rules' words (card and example included) whole
at its start, and any model text shown names the problem itself. The prompts' sizes are
measured with the model's own tokenizer (the context length gpt4all reports). Figures go to
KIDCODER_TEST_REPORT (see real_model.py); times are only recorded, never asserted.
"""
import json
import statistics
from pathlib import Path

import pytest
from real_model import hint_corpora, languages, local_model, needs_model, note_case, report

from kidcoder.config import Settings
from kidcoder.model import grounding
from kidcoder.model.facts import ChangeFacts, DescriptionFacts, SearchFacts
from kidcoder.model.service import OneShot

ROOT = Path(__file__).resolve().parents[2]
PROMPT_LIMIT = 200


def corpus_programs(corpora=None):
    """The broken programs of the made-up corpus (manifest.json) and of the real corpus (index.json: only
    the programs that are here with their sha256, see kidcoder/bench/hint_real.py)."""
    from kidcoder.bench import hint_real

    corpora = corpora or hint_corpora()
    found = []
    if "corpus" in corpora:
        folder = ROOT / "tests" / "diagnosis" / "corpus"
        entries = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["programs"]
        found += [(folder / entry["file"], entry) for entry in entries if entry.get("kind")]
    if "real_corpus" in corpora:
        found += [(Path(case["path"]), case) for case in hint_real.load_cases() if case["status"] == "broken"]
    return found


@pytest.fixture(scope="module")
def model():
    recording = local_model()
    with OneShot(Settings(model_first_token_limit_s=120.0), model_factory=lambda: recording) as enrich:
        yield recording, enrich


@needs_model
@pytest.mark.parametrize("lang", languages())
def test_the_hint_with_the_model_names_the_problem_whenever_the_hint_without_it_does(model, lang):
    from kidcoder.helper.hints import find_hint

    recording, enrich = model
    cases, worse = [], []
    for path, entry in corpus_programs():
        asked = len(recording.generations)
        hint = find_hint(path.read_text(encoding="utf-8-sig"), str(path), 2, lang, enrich=enrich)
        if hint.finding is None:
            continue
        problem = hint.facts.problem
        rules = hint.facts.rules_hint
        case = {"file": entry.get("id", path.name), "rules_names": grounding.names_problem(rules, problem),
                "with_model_names": grounding.names_problem(hint.text, problem), "shown": hint.model is not None,
                "asked": len(recording.generations) > asked}
        if len(recording.generations) > asked:
            result = recording.generations[-1]
            case.update(prompt_tokens=result.prompt_tokens, first_token_s=result.first_token_s,
                        raw=result.text[:300])
            if not case["shown"]:
                verdict = grounding.check(result.text, hint.facts)
                case["why_not"] = list(grounding.describe(verdict))[:3] or ["safety, or cut off"]
        if case["shown"]:
            case["model_text"] = hint.model_text
            assert grounding.names_problem(hint.model_text, problem), case
        assert hint.text.startswith(rules), case                 # the rules' words, card and example, stay whole
        if case["rules_names"] and not case["with_model_names"]:
            worse.append(case)
        cases.append(case)
        note_case(f"hint-corpus-{lang}", case)
    sizes = [c["prompt_tokens"] for c in cases if c.get("prompt_tokens")]
    firsts = [c["first_token_s"] for c in cases if c.get("first_token_s")]
    figures = {
        "lang": lang, "cases": cases, "programs": len(cases),
        "names_problem_without_model": sum(c["rules_names"] for c in cases),
        "names_problem_with_model": sum(c["with_model_names"] for c in cases),
        "model_text_shown": sum(c["shown"] for c in cases), "model_asked": sum(c["asked"] for c in cases),
        "model_answered": sum(1 for c in cases if c.get("first_token_s") is not None),
        "prompt_tokens_max": max(sizes, default=None),
        "prompt_tokens_median": statistics.median(sizes) if sizes else None,
        "first_token_s_median_wall": round(statistics.median(firsts), 2) if firsts else None,
    }
    report(f"hint-corpus-{lang}", figures)
    assert figures["model_asked"] > 0, "the model was never asked (switched off?): nothing was compared"
    # a model that never gave a first word (switched off as too slow: on one core beside a busy program its
    # worker gets almost no processor time) compared nothing either
    assert figures["model_answered"] > 0, "the model never answered (too slow here?): nothing was compared"
    assert worse == []
    assert figures["prompt_tokens_max"] is None or figures["prompt_tokens_max"] <= PROMPT_LIMIT


@needs_model
def test_the_reading_prompts_fit_in_200_tokens_of_the_models_own(model):
    recording, enrich = model
    templates = ("catch", "dodge", "pong", "breakout", "snake", "maze", "space_shooter", "clicker", "platformer",
                 "painter", "racing", "quiz")
    asked = len(recording.generations)
    for facts in (ChangeFacts("es", "que los pececitos bajen mas despacito porfa, van a toda pastilla",
                              (("gato", "PLAYER"), ("pez", "THING"))),
                  ChangeFacts("en", "the cat should go zoom zoom like a rocket", (("cat", "PLAYER"), ("fish", "THING"))),
                  DescriptionFacts("es", "el jugador es un robot y los malos son fantasmas que caen del cielo", templates),
                  DescriptionFacts("en", "help the bunny get all the carrots before time runs out", templates),
                  SearchFacts("es", "komo ago k se mueba mi muñeco con las flechas"),
                  SearchFacts("en", "wy doz it sey indentashun")):
        enrich(facts)
    sizes = [(r.prompt_tokens, p.kind) for r, p in zip(recording.generations[asked:], recording.prompts[asked:])]
    report("reading-prompts", {"sizes": sizes})
    assert sizes and all(size is not None and size <= PROMPT_LIMIT for size, _kind in sizes), sizes


@needs_model
def test_lost_questions_read_into_topics_give_a_card_from_our_table_or_the_rules_dont_know(model):
    from kidcoder.bench.understanding import LOST_QUESTIONS
    from kidcoder.helper.answers import answer_question
    from kidcoder.knowledge.index import shared_index
    from kidcoder.model.search_topics import TOPICS

    recording, enrich = model
    index, listed = shared_index(), {card for cards in TOPICS.values() for card in cards}
    cases = []
    for question, lang, right in LOST_QUESTIONS:
        answer = answer_question(question, lang, index=index, enrich=enrich)
        got = answer.sources[0].id if answer.sources else None
        cases.append({"question": question, "topics": answer.search_terms, "card": got, "right": got in right})
        assert got is None or answer.text.startswith(answer.sources[0].title), question
        assert got is None or not answer.search_terms or got in listed, question   # the rules (sound step), or our table
    report("lost-questions", {"found_pct": round(100 * sum(c["right"] for c in cases) / len(cases), 1),
                              "cases": cases})


def test_the_never_worse_test_reads_the_real_corpus_when_its_programs_are_here(tmp_path, monkeypatch):
    """No model needed: the real corpus is index.json plus programs checked by sha256 (not a manifest.json)."""
    import hashlib

    text = "import pygame\nscreen = pygame.display.set_mode((100, 100))\n"
    programs = []
    for case_id, status in (("broken_one", "broken"), ("working_one", "working")):
        (tmp_path / "programs" / case_id).mkdir(parents=True)
        (tmp_path / "programs" / case_id / "main.py").write_text(text, encoding="utf-8")
        programs.append({"id": case_id, "status": status, "file": f"{case_id}/main.py",
                         "sha256": hashlib.sha256(text.encode()).hexdigest()})
    (tmp_path / "index.json").write_text(json.dumps({"programs": programs}), encoding="utf-8")
    monkeypatch.setenv("KIDCODER_REAL_CORPUS", str(tmp_path))
    monkeypatch.delenv("KIDCODER_REAL_CORPUS_PROGRAMS", raising=False)
    found = corpus_programs(["real_corpus"])
    assert [(path.name, entry["id"]) for path, entry in found] == [("main.py", "broken_one")]
    made_up = corpus_programs(["corpus"])
    assert made_up and all(path.is_file() and entry["kind"] for path, entry in made_up)
