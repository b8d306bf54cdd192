"""What a model adds a child can see, measured with and without it: change requests, made games, questions.

- change_request_ok_pct: the 40 requests of bench/changes.py, applied and checked by a run
  (with the model for what the rules do not understand, when a model is given); change_request_left_ok_pct
  (and _rules): the 13 held-out requests the rules leave to a model (changes.model_held_out());
  change_request_kid*_ok_pct (and _rules, and _wrong: edits not asked for): the four sets of wishes in a
  child's voice of changes.KID_SETS, each written by someone who saw neither the rules nor the other sets;
- generate_relevant_pct_with_model / _without_model: the 60 descriptions of
  bench/relevance.py (the model is asked only when the rules are unsure), and the
  same for the 20 HARD descriptions written after the rules, and (_new_) the 24 HARD_NEW ones written
  before the rules learnt role phrases ("you are a bear", "stay away from the bees"), held out from them, and
  (_kid_) the 12 HARD_KID ones with no role phrase, written before making/clauses.py;
- ask_found_pct_with_model: questions the index found no card for before it read words by their sound
  (knowledge/spelling.py), and whether the rules, then the topics the model picks (model/search_topics.py),
  lead to the right card in the child's language; ask_found_pct_without_model: the same questions, rules
  alone; ask_found_held_out_pct_without_model: the 40 made-up misspelled questions of
  misspelled_questions.json, never tuned on; ask_found_real_pct_without_model: its 7 real beginners'
  questions from pygame issue threads; ask_off_topic_unknown_pct: its off-topic questions that
  still get "I don't know"; ask_found_held_out_2_pct_without_model: its held_out_2, 20 more misspelled
  questions (4 about a person) written before the words19d rules and never tuned on.
Also the model's time per request and the longest prompt in its own tokens, and per kind of request
(change, describe, search, answer) how many were answered, how many on the first try, and their median time.

model_alone() is for comparing models (Qwen 0.5B against 1.5B on a classroom server): every
request and description read by the model itself, not only those the rules leave, and
judged the same way.
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

from kidcoder.bench import changes
from kidcoder.bench.relevance import DESCRIPTIONS, HARD, HARD_KID, HARD_NEW, relevant_rate

# Questions the index alone found no card for (badly misspelled, or in Spanish), and the cards that answer
# them. Each was checked: answer_question(question, lang) without a model had no sources, before the
# spelling step (issue 19); the rules now find most of them.
LOST_QUESTIONS = (
    ("hw du i mak a lup", "en", ("for-loop-range", "while-loop", "game-loop")),
    ("wy doz it sey indentashun", "en", ("indentation", "indentation-error")),
    ("haw du i shuut", "en", ("shoot-bullets-list",)),
    ("wat iz a funkshun", "en", ("functions", "function-return")),
    ("hw du i mak ma gai wok", "en", ("move-with-keys", "speed-velocity")),
    ("wots a varibul", "en", ("variables", "global-variables")),
    ("hw du i ad a pik", "en", ("images",)),
    ("ke onda con los korchetes [ ]", "es", ("lists", "list-methods")),
    ("ke ago pa k brinq", "es", ("gravity-jump",)),
    ("komo aso q xoquen", "es", ("rect-collisions",)),
    ("komo ago un kronometro", "es", ("timers", "countdown-timer", "clock-fps")),
    ("komo ago q se rrepita", "es", ("for-loop-range", "while-loop", "game-loop")),
    ("ke ago pa q kaiga", "es", ("gravity-jump",)),
    ("komo ago pa q tenga bidas", "es", ("lives", "health-bar")),
)


def _pct(rates: List[float]) -> float:
    return round(100 * sum(rates) / max(1, len(rates)), 1)


def relevance(enrich=None, cases=None) -> float:
    return _pct([relevant_rate(lang, enrich, cases)[0] for lang in ("en", "es")])


class Timed:
    """An enrich callable that remembers how long each request took and the prompt sizes the service saw."""

    def __init__(self, enrich: Callable, service=None):
        self.enrich, self.service = enrich, service
        self.seconds: List[float] = []
        self.prompt_tokens: List[int] = []
        self.answered = 0
        self.jobs: List[tuple] = []         # (kind, seconds, answered, answered on the first try)

    def __call__(self, facts):
        if self.service is not None:
            self.service.last_tries = 0          # a retelling is not a reading job: no tries counted
        start = time.monotonic()
        reply = self.enrich(facts)
        self.seconds.append(time.monotonic() - start)
        tokens = getattr(self.service, "last_prompt_tokens", None)
        if tokens:
            self.prompt_tokens.append(tokens)
        self.answered += reply is not None
        self.jobs.append((facts.kind, self.seconds[-1], reply is not None,
                          reply is not None and getattr(self.service, "last_tries", 0) == 1))
        return reply

    def by_job(self) -> Dict[str, Dict[str, object]]:
        """Per kind of request: how many, answered, answered on the first try, median seconds."""
        out: Dict[str, Dict[str, object]] = {}
        for kind in dict.fromkeys(job[0] for job in self.jobs):
            mine = [job for job in self.jobs if job[0] == kind]
            out[kind] = {"requests": len(mine), "answered": sum(job[2] for job in mine),
                         "first_try": sum(job[3] for job in mine),
                         "s_median": round(statistics.median(job[1] for job in mine), 2)}
        return out


def misspelled(name: str) -> List[tuple]:
    """A set of misspelled_questions.json: made_up, real ((question, lang, cards)) or off_topic ((question, lang))."""
    data = json.loads(Path(__file__).with_name("misspelled_questions.json").read_text(encoding="utf-8"))
    return [(case[1], case[0], tuple(case[2])) if len(case) > 2 else (case[1], case[0]) for case in data[name]]


def asked_without_model() -> Dict[str, Optional[float]]:
    """The questions' figures with the rules alone."""
    off_topic = questions_found(None, [(question, lang, (None,)) for question, lang in misspelled("off_topic")])
    return {"ask_found_pct_without_model": questions_found(None),
            "ask_found_held_out_pct_without_model": questions_found(None, misspelled("made_up")),
            "ask_found_real_pct_without_model": questions_found(None, misspelled("real")),
            "ask_found_held_out_2_pct_without_model": questions_found(None, misspelled("held_out_2")),
            "ask_off_topic_unknown_pct": off_topic}


def questions_found(enrich, questions=LOST_QUESTIONS) -> Optional[float]:
    """Share of questions (LOST_QUESTIONS) whose answer is a right card in the child's language, or no card
    when the right cards are (None,) (None when the index cannot be opened)."""
    try:
        from kidcoder.helper.answers import answer_question
        from kidcoder.knowledge.index import shared_index

        index = shared_index()
    except Exception:
        return None
    right = 0
    for question, lang, cards in questions:
        answer = answer_question(question, lang, index=index, enrich=enrich)
        if not answer.sources:
            right += cards == (None,)
        else:
            right += answer.sources[0].id in cards and answer.sources[0].lang == lang
    return round(100 * right / len(questions), 1)


def kid_wishes(enrich, suffix: str) -> Dict[str, object]:
    """change_request_<set>_ok_pct<suffix>, _wrong<suffix> (edits not asked for) and, with a model,
    _by_model, for each set in a child's voice (changes.KID_SETS)."""
    figures: Dict[str, object] = {}
    for short in changes.KID_SETS:
        rate = changes.ok_rate(enrich, chosen=changes.kid_set(short))
        figures[f"change_request_{short}_ok_pct{suffix}"] = rate["ok_pct"]
        figures[f"change_request_{short}_wrong{suffix}"] = len(rate["wrong"])
        if enrich is not None:
            figures[f"change_request_{short}_by_model"] = len(rate["by_model"])
    return figures


def measure(check=None, model_factory=None, model_file: Optional[str] = None) -> Dict[str, object]:
    """The figures without a model, then (check: a usable model file, or model_factory) with it. model_file:
    `kidcoder bench --only understanding --model FILE` (these figures without the model's speed and window)."""
    if model_file and check is None and model_factory is None:
        from kidcoder import paths
        from kidcoder.model import files as model_files

        folder = paths.cache_dir() / "bench-models"         # as bench/model.py's prepare() (it imports this module)
        folder.mkdir(parents=True, exist_ok=True)
        found = model_files.usable_model(Path(model_file), folder)
        check = found if found is not None and found.ok else None
    rules = changes.ok_rate(None)
    rules_left = changes.ok_rate(None, chosen=changes.model_held_out())
    figures: Dict[str, object] = {
        "change_request_ok_pct_rules": rules["ok_pct"],
        **asked_without_model(),
        "change_request_count": rules["count"],
        "change_request_left_ok_pct_rules": rules_left["ok_pct"],
        **kid_wishes(None, "_rules"),
        "generate_relevant_pct_without_model": relevance(None),
        "generate_relevant_hard_pct_without_model": relevance(None, HARD),
        "generate_relevant_new_pct_without_model": relevance(None, HARD_NEW),
        "generate_relevant_kid_pct_without_model": relevance(None, HARD_KID),
        "generate_relevant_count": sum(len(cases) for cases in DESCRIPTIONS.values()),
        "change_request_ok_pct": rules["ok_pct"], "generate_relevant_pct_with_model": None,
        **{key.replace("_rules", ""): value for key, value in kid_wishes(None, "_rules").items() if "ok_pct" in key},
        "generate_relevant_hard_pct_with_model": None, "generate_relevant_new_pct_with_model": None,
        "generate_relevant_kid_pct_with_model": None,
        "ask_found_pct_with_model": None,
    }
    if check is None and model_factory is None:
        return figures
    from kidcoder.config import Settings
    from kidcoder.model.chat import format_for_template
    from kidcoder.model.process import ProcessModel
    from kidcoder.model.service import OneShot

    factory = model_factory or (lambda: ProcessModel(check.path, chat_format=format_for_template(check.chat_template)))
    with OneShot(Settings(model_first_token_limit_s=60.0), model_factory=factory) as one_shot:
        timed = Timed(one_shot, one_shot.service)
        with_model = changes.ok_rate(timed)
        left = changes.ok_rate(timed, chosen=changes.model_held_out())
        figures.update({
            "change_request_ok_pct": with_model["ok_pct"],
            "change_request_by_model": len(with_model["by_model"]),
            "change_request_wrong_with_model": with_model["wrong"],
            "change_request_left_ok_pct": left["ok_pct"],
            "change_request_left_by_model": len(left["by_model"]),
            "change_request_left_wrong_with_model": left["wrong"],
            **kid_wishes(timed, ""),
            "generate_relevant_pct_with_model": relevance(timed),
            "generate_relevant_hard_pct_with_model": relevance(timed, HARD),
            "generate_relevant_new_pct_with_model": relevance(timed, HARD_NEW),
            "generate_relevant_kid_pct_with_model": relevance(timed, HARD_KID),
            "ask_found_pct_with_model": questions_found(timed),
        })
    figures.update({
        "model_understanding_requests": len(timed.seconds),
        "model_understanding_answered": timed.answered,
        "model_understanding_s_median": round(statistics.median(timed.seconds), 2) if timed.seconds else None,
        "model_understanding_s_max": round(max(timed.seconds), 2) if timed.seconds else None,
        "model_understanding_prompt_tokens_max": max(timed.prompt_tokens) if timed.prompt_tokens else None,
        "model_understanding_first_try": sum(job[3] for job in timed.jobs),
        "model_understanding_by_job": timed.by_job(),
    })
    return figures


def model_alone(enrich) -> Dict[str, object]:
    """How often the model's own reading is right, on all 60 change requests and all 80 descriptions."""
    from kidcoder.bench.relevance import game_pictures_from_reading, is_met
    from kidcoder.making.changes import game_things, plan_from_reading
    from kidcoder.making.program_constants import find_constants
    from kidcoder.model.facts import ChangeFacts

    verdicts: Dict[str, int] = {"right": 0, "wrong": 0, "refused": 0}
    for case in changes.cases().get("requests", []):
        source = changes.game(case["game"])
        constants = find_constants(source)
        reply = enrich(ChangeFacts(case["lang"], case["request"], game_things(constants)))
        if reply is None or not reply.data:
            verdicts["refused" if case["expect"] else "right"] += 1
            continue
        plan = plan_from_reading(reply.data, case["request"], source, case["lang"], constants)
        verdicts[changes.judge(case, plan)] += 1
    met = {"60": 0, "hard": 0}
    for name, sets in (("60", DESCRIPTIONS), ("hard", HARD)):
        for lang, cases in sets.items():
            for description, player, thing in cases:
                pictures = game_pictures_from_reading(description, lang, enrich)
                met[name] += pictures is not None and is_met(pictures, player, thing)
    requests = sum(verdicts.values())
    return {"change_requests": requests, "change_right_pct": round(100 * verdicts["right"] / max(1, requests), 1),
            "change_wrong": verdicts["wrong"], "change_refused": verdicts["refused"],
            "describe_right_pct": round(100 * met["60"] / 60, 1),
            "describe_hard_right_pct": round(100 * met["hard"] / sum(len(c) for c in HARD.values()), 1)}
