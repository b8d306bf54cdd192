"""The rules against real programs, run in real child processes: the corpus of children's buggy
programs (detection, right line, checked fixes) and no false alarms on every example, template
and knowledge-card program that exists when the test runs.

All runs happen once per module (fixtures) and in a few threads, to keep CI time small.
"""
import glob
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kidcoder.helper import hints
from kidcoder.bench.hint import catalog_grades, evaluate_corpus
from kidcoder.diagnosis.fixes import Fix, apply_fix
from kidcoder.making.project_files import copy_library_files

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4


@pytest.fixture(scope="module")
def corpus():
    rates = evaluate_corpus(ROOT / "tests" / "diagnosis" / "corpus", workers=WORKERS)
    print("\nhint corpus:", {k: v for k, v in rates.items() if k != "results"})
    return rates


def _known_good_programs():
    programs = []
    for pattern in ("assets/examples/*.py", "assets/templates/*.py"):
        programs += [(path, Path(path).read_text(encoding="utf-8")) for path in sorted(glob.glob(str(ROOT / pattern)))]
    try:
        from kidcoder.knowledge.cards import cards_by_id
    except ImportError:
        return programs
    seen = set()
    for lang in ("en", "es"):
        for card_id, card in sorted(cards_by_id(lang).items()):
            code = (card.code or "").strip()
            if code and code not in seen:
                seen.add(code)
                programs.append((f"card {lang}/{card_id}", code + "\n"))
    return programs


@pytest.fixture(scope="module")
def known_good(tmp_path_factory):
    programs = _known_good_programs()

    def hint(number, source):  # each program in a project folder with the library pictures and sounds it loads
        folder = tmp_path_factory.mktemp(f"known_good{number}")
        (folder / "game.py").write_text(source, encoding="utf-8")
        copy_library_files(source, folder)
        return hints.hint_for_program(source, str(folder / "game.py"), 1, "en")

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(hint, range(len(programs)), [source for _name, source in programs]))
    return [(name, result) for (name, _source), result in zip(programs, results)]


def test_corpus_is_big_and_covers_every_kind(corpus):
    entries = [entry for entry, _source, _result in corpus["results"]]
    assert len([e for e in entries if e["kind"]]) >= 60
    assert {e["kind"] for e in entries if e["kind"]} == {"syntax", "runtime", "pygame", "logic"}


def test_corpus_rates(corpus):
    misses = [(e["file"], e["kind"], e["line"], r["problem"] and (r["problem"]["kind"], r["problem"]["line"]))
              for e, _s, r in corpus["results"] if e["kind"] and
              (not r["problem"] or (r["problem"]["kind"], r["problem"]["line"]) != (e["kind"], e["line"]))]
    assert corpus["detected_rate"] >= 0.95, misses
    assert corpus["right_line_rate"] >= 0.9, misses
    assert corpus["right_kind_rate"] >= 0.9, misses
    assert corpus["false_alarms"] == 0, misses


def test_corpus_checked_fixes(corpus):
    missing = [e["file"] for e, _s, r in corpus["results"] if e["fix"] and not r["fix"]]
    assert corpus["checked_fix_rate"] >= 0.85, missing


def test_every_offered_fix_compiles_and_changes_only_its_lines(corpus):
    for entry, source, result in corpus["results"]:
        if not result["fix"]:
            continue
        fix = Fix(**result["fix"])
        new = apply_fix(source, fix)
        compile(new, entry["file"], "exec")
        old_lines, new_lines = source.splitlines(), new.splitlines()
        assert old_lines[: fix.start_line - 1] == new_lines[: fix.start_line - 1], entry["file"]


def test_level_one_is_short_points_at_the_line_and_never_holds_the_fix(corpus):
    for entry, source, result in corpus["results"]:
        if result["ok"]:
            continue
        nudge = result["hint"]
        assert len(nudge.split()) <= 40, (entry["file"], nudge)
        if result["problem"]["line"] > 1:
            assert str(result["problem"]["line"]) in nudge or "loop" in nudge, (entry["file"], nudge)
        if result["fix"]:
            old_lines = {line.strip() for line in source.splitlines()}
            new_lines = [line.strip() for line in result["fix"]["replacement"].splitlines()]
            for line in new_lines:
                if len(line) > 3 and line not in old_lines:  # new text is the answer; moved lines are not
                    assert line not in nudge, (entry["file"], nudge)


def test_no_false_alarms_on_examples_templates_and_cards(known_good):
    alarms = [(name, result["problem"], result["hint"]) for name, result in known_good if not result["ok"]]
    print(f"\nknown-good programs checked: {len(known_good)}, false alarms: {len(alarms)}")
    assert alarms == []


def test_hint_texts_read_at_grade_six_or_lower():
    grades = sorted(catalog_grades("en"))
    median = grades[len(grades) // 2]
    print(f"\nmedian reading grade of hint texts: {median:.1f}")
    assert median <= 6
