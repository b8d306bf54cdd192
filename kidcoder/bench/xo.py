"""`kidcoder bench --xo`: the window's figures on a simulated XO laptop (one slow core, 1 GB).

For each CPU quota (12.5% and 25% of one core by default) everything measured runs inside a fresh
quota cgroup (bench/cgroup.py): the window and the game it starts, or the game alone.

xo_preview_fps_ratio: game frames shown in the preview per second while the child types, divided
by the same game's frames per second when it runs alone (plain `python game.py`) under the same
quota; per gallery example, their median (the figure) and their minimum, with the processor time the
window and the game each spent per game frame shown.
xo_ui_frame_ms_p95, xo_keystroke_to_screen_ms_p95: as ui_frame_ms_p95 and ui_keystroke_to_screen_ms_p95
(bench/window.py), pooled over the examples.
xo_cold_start_s: process start to the first picture presented, as `kidcoder` opens (median of 3);
xo_window_ready_s: to the whole window taking keys; xo_window_gui_ready_s: to pygame-gui's elements
there (bench/window.py).
xo_hint_syntax_ms_p95: a syntax hint without running the program (bench/hint.py), in its own process.
xo_app_rss_mb, xo_ui_idle_cpu_pct: the window's memory while playing, and its CPU use while idle
(under a quota an idle window that redraws shows as the whole quota).
ui_idle_cpu_pct: the idle window at full speed, outside any cgroup.
"""
from __future__ import annotations

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from kidcoder.bench import cgroup, p95, window

QUOTAS = (12.5, 25.0)
SECONDS = 5.0
FRAMES_BEFORE = 10       # as bench_probe.FRAMES_BEFORE: both counts start once the game has warmed up

# Runs a game as it is (no KidCoder) and counts its display flips for `seconds` after its first frames.
COUNT_FLIPS = r"""
import os, runpy, sys, threading, time
import pygame
path, seconds, skip = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
flips = []
def counted(show):
    def flip(*args, **kwargs):
        flips.append(time.perf_counter())
        return show(*args, **kwargs)
    return flip
pygame.display.flip = counted(pygame.display.flip)
pygame.display.update = counted(pygame.display.update)
def report(ended=False):
    if len(flips) <= skip:
        print("FPS 0", flush=True)
    else:
        start = flips[skip - 1]
        span = seconds if not ended else max(1e-6, flips[-1] - start)
        shown = sum(1 for t in flips[skip:] if t <= start + span)
        print("FPS", shown / span, flush=True)
    os._exit(0)
def timer():
    while len(flips) < skip:
        time.sleep(0.01)
    time.sleep(max(0.0, flips[skip - 1] + seconds - time.perf_counter()))
    report()
threading.Thread(target=timer, daemon=True).start()
sys.argv = [path]
try:
    runpy.run_path(path, run_name="__main__")
finally:
    report(ended=True)
"""


def gallery_examples() -> List[str]:
    """The examples the gallery offers, in its order."""
    from kidcoder import paths

    folder = paths.assets_dir() / "examples"
    entries = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return [e["file"] for e in entries if isinstance(e, dict) and (folder / str(e.get("file", ""))).is_file()]


def standalone_fps(example: str, group, seconds: float = SECONDS) -> float:
    """The example's own frames per second, run alone (no KidCoder) in the quota group."""
    from kidcoder import paths
    from kidcoder.making.project_files import copy_library_files

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    with tempfile.TemporaryDirectory(prefix="kidcoder-xo-game-") as folder:
        text = (paths.assets_dir() / "examples" / example).read_text(encoding="utf-8")
        program = Path(folder) / example
        program.write_text(text, encoding="utf-8")
        copy_library_files(text, Path(folder))          # the pictures and sounds it loads, as the gallery copies them
        out = subprocess.run([sys.executable, "-c", COUNT_FLIPS, str(program), str(seconds), str(FRAMES_BEFORE)],
                             capture_output=True, text=True, env=env, cwd=folder, timeout=seconds + 120,
                             preexec_fn=group.enter)
    match = re.search(r"FPS ([0-9.]+)", out.stdout)
    if not match:
        raise RuntimeError(f"{example} did not run alone: {out.stderr.strip()[-200:]}")
    return float(match.group(1))


def hint_syntax_ms(group, repeat: int = 30) -> List[float]:
    code = "import json; from kidcoder.bench.hint import syntax_hint_ms; print(json.dumps(syntax_hint_ms(%d)))"
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in [root, env.get("PYTHONPATH", "")] if p)
    out = subprocess.run([sys.executable, "-c", code % repeat], capture_output=True, text=True, env=env,
                         timeout=600, preexec_fn=group.enter)
    if out.returncode != 0:
        raise RuntimeError("the hint benchmark failed: " + out.stderr.strip()[-300:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def ratios(shown: Dict[str, dict], alone: Dict[str, float]) -> Dict[str, dict]:
    """Per example: preview fps, standalone fps and their ratio (None when the game drew nothing alone), and
    the processor time per frame shown of the window and of the game, when measured."""
    out = {}
    for example, figures in shown.items():
        base = alone.get(example) or 0.0
        out[example] = {"preview_fps": figures["preview_fps"], "standalone_fps": round(base, 2),
                        "ratio": round(figures["preview_fps"] / base, 3) if base > 0 else None,
                        **{key: figures[key] for key in ("window_cpu_ms_per_frame", "game_cpu_ms_per_frame")
                           if figures.get(key) is not None}}
    return out


def profile(percent: float, home: str, examples: List[str], seconds: float = SECONDS) -> Dict[str, object]:
    """Every XO figure for one quota; each part in a fresh group, so one part's debts do not pass on."""
    alone = {}
    for example in examples:
        with cgroup.QuotaGroup(percent) as group:
            alone[example] = standalone_fps(example, group, seconds)
    with cgroup.QuotaGroup(percent) as group:
        played = window.play(home, examples, seconds, group)
        throttling = group.cpu_stat()
    with cgroup.QuotaGroup(percent) as group:
        cold = window.cold_starts(home, group)
    with cgroup.QuotaGroup(percent) as group:
        hint = hint_syntax_ms(group)
    with cgroup.QuotaGroup(percent) as group:
        idle = window.idle_cpu_pct(home, group=group)
        setup = group.describe()
    per_example = ratios(played["examples"], alone)
    values = [r["ratio"] for r in per_example.values() if r["ratio"] is not None]
    return {
        "xo_preview_fps_ratio": round(statistics.median(values), 3) if values else None,
        "xo_preview_fps_ratio_min": min(values) if values else None,
        "xo_preview_fps_ratio_by_example": per_example,
        "xo_ui_frame_ms_p95": played["frame_ms_p95"],
        "xo_keystroke_to_screen_ms_p95": played["key_ms_p95"],
        "xo_keys_lost": played["keys_lost"],
        "xo_cold_start_s": round(statistics.median(cold["first"]), 3),
        "xo_window_ready_s": round(statistics.median(cold["ready"]), 3),
        "xo_window_gui_ready_s": round(statistics.median(cold["gui"]), 3),
        "xo_hint_syntax_ms_p95": round(p95(hint), 2),
        "xo_app_rss_mb": played["rss_mb"],
        "xo_ui_idle_cpu_pct": idle,
        "xo_throttled_periods_pct": (round(100 * throttling["nr_throttled"] / throttling["nr_periods"], 1)
                                     if throttling.get("nr_periods") else None),
        "xo_setup": setup,
    }


def quota_key(percent: float) -> str:
    return f"xo_{percent:g}"


def measure(quotas: Optional[Iterable[float]] = None, examples: Optional[List[str]] = None,
            seconds: float = SECONDS, **_options) -> Dict[str, object]:
    why = cgroup.unavailable()
    if why:
        raise cgroup.CgroupError(f"cannot make a CPU-quota cgroup: {why}")
    examples = examples or gallery_examples()
    result: Dict[str, object] = {}
    with _terminate_cleanly(), tempfile.TemporaryDirectory(prefix="kidcoder-xo-bench-") as home:
        window.build_index(home)
        for percent in quotas or QUOTAS:
            try:
                result[quota_key(percent)] = profile(percent, home, examples, seconds)
            except Exception as exc:      # one quota failing must not hide the others
                result[quota_key(percent)] = {"error": f"{type(exc).__name__}: {exc}"}
        result["ui_idle_cpu_pct"] = window.idle_cpu_pct(home)
    return result


@contextmanager
def _terminate_cleanly():
    """SIGTERM unwinds like Ctrl+C, so the cgroups made so far are removed, not left behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
