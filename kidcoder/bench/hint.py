"""`kidcoder bench` figures for hints: how fast a syntax hint comes, what the hint adds on top of the
headless run, and how well the rules do on the corpus of children's buggy programs.

Also holds evaluate_corpus() and reading_grade(), shared with the tests so both measure the same way.
"""
from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional

from kidcoder.diagnosis.diagnose import default_runner
from kidcoder.bench import p95
from kidcoder.helper import hints
from kidcoder.i18n import catalog

SYNTAX_SAMPLE = "score = 0\nfor i in range(3)\n    score = score + i\nprint(score)\n"
RUNTIME_SAMPLE = "names = ['Ava', 'Max']\nprint('Hello ' + nmes[0])\n"
# A game stuck before its first frame (x never changes): only the probe run finds its line.
STUCK_SAMPLE = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((400, 300))\nx = 0\n"
                "while x < 100:\n    screen.fill((0, 0, 0))\n    pygame.draw.circle(screen, (255, 200, 0), (x, 150), 20)\n"
                "pygame.display.flip()\n")
_VOWELS = re.compile(r"[aeiouy]+")


def corpus_folder() -> Optional[Path]:
    folder = Path(__file__).resolve().parents[2] / "tests" / "diagnosis" / "corpus"
    return folder if (folder / "manifest.json").exists() else None


def syllables(word: str) -> int:
    word = word.lower().strip(".,:;!?\"'()")
    if not word:
        return 0
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of English text; code-like words (with _ . ( =) count as one syllable."""
    sentences = max(1, len(re.findall(r"[.!?]+(\s|$)", text)))
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'_.()=]*", text)]
    if not words:
        return 0.0
    total = sum(1 if re.search(r"[_.()=]", w.strip(".")) else syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59


def catalog_grades(lang: str = "en") -> List[float]:
    return [reading_grade(text) for key, text in catalog(lang).items()
            if key.startswith(("diag.", "hint.")) and len(text.split()) >= 3]


def evaluate_corpus(folder: Optional[Path] = None, workers: int = 4, runner=None) -> Dict[str, object]:
    """Run hint_for_program on every corpus program; rates and the per-program results."""
    folder = folder or corpus_folder()
    entries = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["programs"]

    def one(entry):
        source = (folder / entry["file"]).read_text(encoding="utf-8")
        result = hints.hint_for_program(source, None, level=1, lang="en", runner=runner)
        return entry, source, result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, entries))
    buggy = [(e, r) for e, _s, r in results if e["kind"]]
    correct = [(e, r) for e, _s, r in results if not e["kind"]]
    want_fix = [(e, r) for e, r in buggy if e["fix"]]
    detected = sum(1 for _e, r in buggy if not r["ok"])
    right_line = sum(1 for e, r in buggy if r["problem"] and r["problem"]["line"] == e["line"])
    right_kind = sum(1 for e, r in buggy if r["problem"] and r["problem"]["kind"] == e["kind"])
    fixed = sum(1 for _e, r in want_fix if r["fix"])
    return {
        "results": results,
        "programs": len(results),
        "detected_rate": round(detected / max(1, len(buggy)), 3),
        "right_line_rate": round(right_line / max(1, len(buggy)), 3),
        "right_kind_rate": round(right_kind / max(1, len(buggy)), 3),
        "checked_fix_rate": round(fixed / max(1, len(want_fix)), 3),
        "false_alarms": sum(1 for _e, r in correct if not r["ok"]),
    }


def syntax_hint_ms(repeat: int = 30) -> List[float]:
    """Milliseconds for each of `repeat` syntax hints without running the program (the catalogs warmed first)."""
    hints.hint_for_program(SYNTAX_SAMPLE, run=False, check_fix=False)  # warm the catalogs and the registry
    quick = []
    for _ in range(repeat):
        start = time.perf_counter()
        hints.hint_for_program(SYNTAX_SAMPLE, level=1, lang="en", run=False, check_fix=False)
        quick.append((time.perf_counter() - start) * 1000)
    return quick


def probe_hint_seconds(repeat: int = 5) -> List[float]:
    """Wall seconds of `kidcoder hint FILE --json --level 3` (a new process, as the window and the
    classroom call it) on a game that only the probe run can diagnose."""
    folder = Path(tempfile.mkdtemp(prefix="kidcoder-bench-probe-"))
    try:
        path = folder / "game.py"
        path.write_text(STUCK_SAMPLE, encoding="utf-8")
        seconds = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kidcoder", "hint", str(path), "--json", "--no-model",
                            "--level", "3"], capture_output=True, timeout=120, check=False)
            seconds.append(time.perf_counter() - start)
        return seconds
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(repeat: int = 30, corpus: bool = True, **_options) -> Dict[str, object]:
    figures: Dict[str, object] = {}
    figures["hint_syntax_ms_p95"] = round(p95(syntax_hint_ms(repeat)), 2)
    figures["hint_probe_s_p95"] = round(p95(probe_hint_seconds()), 2)
    full = []
    for _ in range(3):
        start = time.perf_counter()
        hints.hint_for_program(SYNTAX_SAMPLE, level=3, lang="en")
        full.append((time.perf_counter() - start) * 1000)
    figures["hint_syntax_with_checked_fix_ms_median"] = round(statistics.median(full), 1)

    inside = []

    def timed_runner(source, **kwargs):
        start = time.perf_counter()
        try:
            return default_runner(source, **kwargs)
        finally:
            inside.append(time.perf_counter() - start)

    overheads = []
    for _ in range(3):
        inside.clear()
        start = time.perf_counter()
        hints.hint_for_program(RUNTIME_SAMPLE, level=1, lang="en", runner=timed_runner)
        overheads.append((time.perf_counter() - start - sum(inside)) * 1000)
    figures["hint_runtime_overhead_ms"] = round(statistics.median(overheads), 1)
    figures["hint_reading_grade_median"] = round(statistics.median(catalog_grades("en")), 1)
    if corpus and corpus_folder() is not None:
        rates = evaluate_corpus()
        for name in ("programs", "detected_rate", "right_line_rate", "right_kind_rate", "checked_fix_rate",
                     "false_alarms"):
            figures[f"hint_corpus_{name}"] = rates[name]
    return figures
