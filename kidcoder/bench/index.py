"""Figures for the knowledge index: build time, answer time, and how often the right card comes back.

QUESTIONS, HELD_OUT, FRESH, SPANISH_TYPED and HELD_OUT_2 are our retrieval test sets (data in
retrieval_questions.json): questions as children really type them (misspelled, in English and
Spanish) with the card(s) that must be in the top 3. tests/helper/test_answers.py asserts the hit
rates; `kidcoder bench` reports them.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from kidcoder.helper.answers import ask
from kidcoder.knowledge import cards as knowledge
from kidcoder.knowledge.index import KnowledgeIndex, rebuild_index

Question = Tuple[str, str, Tuple[str, ...]]      # (lang, question, ids any of which must come in the top 3)


def question_set(name: str) -> List[Question]:
    """One of the retrieval test sets in retrieval_questions.json (tuned, held_out, fresh, spanish_typed,
    held_out_2)."""
    data = json.loads(Path(__file__).with_name("retrieval_questions.json").read_text(encoding="utf-8"))
    return [(lang, question, tuple(ids)) for lang, question, ids in data[name]]


QUESTIONS = question_set("tuned")
# Written after the index was tuned on QUESTIONS and never tuned on: an honest second figure.
HELD_OUT = question_set("held_out")
# Written after the last change to the index and not used to change it: the untouched figure.
FRESH = question_set("fresh")
# Spanish typed the way children type it ("como ago q salte mi muñeco"): the Spanish words were tuned on them.
SPANISH_TYPED = question_set("spanish_typed")
# English questions written with SPANISH_TYPED and never tuned on.
HELD_OUT_2 = question_set("held_out_2")

COLD_QUESTION = "how do i make my guy jump"


def evaluate(index, questions: Sequence[Question] = QUESTIONS,
             available: Optional[Dict[str, set]] = None) -> Dict[str, object]:
    """Top-3 hit rates per language; questions whose cards do not exist yet are skipped and listed."""
    asked = {"en": 0, "es": 0}
    found = {"en": 0, "es": 0}
    misses: List[Dict[str, object]] = []
    skipped: List[str] = []
    for lang, question, expected in questions:
        if available is not None and not set(expected) & available.get(lang, set()):
            skipped.append(f"{lang}: {question}")
            continue
        got = [hit.card_id for hit in index.search(question, lang, limit=3)]
        asked[lang] += 1
        if set(expected) & set(got):
            found[lang] += 1
        else:
            misses.append({"lang": lang, "question": question, "expected": list(expected), "got": got})
    total = asked["en"] + asked["es"]
    rate = (lambda a, f: round(f / a, 3) if a else None)
    return {"asked": asked, "found": found, "rate_en": rate(asked["en"], found["en"]),
            "rate_es": rate(asked["es"], found["es"]),
            "rate": rate(total, found["en"] + found["es"]), "misses": misses, "skipped": skipped}


def available_cards() -> Dict[str, set]:
    return {lang: {card.id for card in knowledge.load_cards(lang)} for lang in ("en", "es")}


def _p95(values: List[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(**_options) -> Dict[str, object]:
    """index_build_s, ask_ms_p95 (warm, in process, no model), ask_cli_cold_s and the retrieval hit rates."""
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-index-") as folder:
        index = KnowledgeIndex(index_dir=folder)
        started = time.perf_counter()
        index.ensure_ready()
        build_s = time.perf_counter() - started
        quality = evaluate(index, available=available_cards())
        held_out = evaluate(index, HELD_OUT, available=available_cards())
        fresh = evaluate(index, FRESH, available=available_cards())
        spanish_typed = evaluate(index, SPANISH_TYPED, available=available_cards())
        held_out_2 = evaluate(index, HELD_OUT_2, available=available_cards())
        timings = []
        for _round in range(3):
            for lang, question, _expected in QUESTIONS:
                started = time.perf_counter()
                ask(question, lang, index=index)
                timings.append((time.perf_counter() - started) * 1000)
        index.close()
    rebuild_index(force=False)      # the CLI below then finds a ready index, as in a classroom
    cold = []
    env = dict(os.environ)
    for _round in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kidcoder", "ask", COLD_QUESTION, "--json", "--no-model"],
                       env=env, capture_output=True, check=True, timeout=60)
        cold.append(time.perf_counter() - started)
    return {
        "index_build_s": round(build_s, 3),
        "index_cards": index.card_count,
        "ask_ms_p95": round(_p95(timings), 2),
        "ask_ms_median": round(statistics.median(timings), 2),
        "ask_cli_cold_s": round(statistics.median(cold), 3),
        "retrieval_hit_rate_top3": quality["rate"],
        "retrieval_hit_rate_top3_en": quality["rate_en"],
        "retrieval_hit_rate_top3_es": quality["rate_es"],
        "retrieval_questions": quality["asked"],
        "retrieval_hit_rate_top3_held_out": held_out["rate"],
        "retrieval_hit_rate_top3_fresh": fresh["rate"],
        "retrieval_hit_rate_top3_spanish_typed": spanish_typed["rate"],
        "retrieval_hit_rate_top3_held_out_2": held_out_2["rate"],
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
