"""`kidcoder bench` figures for making a game from a description (no model), the 120-frame check included."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Dict, List

from kidcoder.making.generate import build_program, generate_game

DESCRIPTIONS = (
    ("a cat that catches fish", "en"),
    ("un cohete que dispara a los marcianos", "es"),
    ("a snake that eats apples", "en"),
    ("un laberinto con un tesoro", "es"),
    ("a red car race", "en"),
    ("times tables up to 12", "en"),
    ("un conejo que salta plataformas", "es"),
    ("dodge the meteors with 2 lives", "en"),
)


def _percentile(values: List[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(share * (len(ordered) - 1)))))
    return ordered[index]


def measure(**_options) -> Dict[str, object]:
    """generate_ms_p95: description to checked, saved program, without a model; build_ms_p95: without the run;
    generate_relevant_pct: made games whose player and thing are pictures of what was named (bench/relevance.py)."""
    build_ms: List[float] = []
    generate_ms: List[float] = []
    build_program("warm up the templates and the index", "en")
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-generate-") as folder:
        for number, (description, lang) in enumerate(DESCRIPTIONS):
            start = time.perf_counter()
            build_program(description, lang)
            build_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            generate_game(description, lang, str(Path(folder) / f"game{number}.py"))
            generate_ms.append((time.perf_counter() - start) * 1000)
    from kidcoder.bench.relevance import relevant_rate  # pictures15: do made games look like what was asked?

    rates = {lang: relevant_rate(lang)[0] for lang in ("en", "es")}
    return {"generate_ms_p95": round(_percentile(generate_ms, 0.95), 1),
            "generate_ms_median": round(_percentile(generate_ms, 0.5), 1),
            "generate_build_ms_p95": round(_percentile(build_ms, 0.95), 2),
            "generate_relevant_pct": round(50 * (rates["en"] + rates["es"]), 1),
            "generate_relevant_pct_en": round(100 * rates["en"], 1),
            "generate_relevant_pct_es": round(100 * rates["es"], 1)}
