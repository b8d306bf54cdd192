"""`kidcoder bench` figures for the window, measured in fresh window processes on the dummy video driver.

Each figure comes from kidcoder/ui/bench_probe.py running the real window loop (App.run()):
cold_start_s: process start to the first picture presented, as `kidcoder` opens (median of 3, after
one start that compiles .pyc files and keeps its first frame; no model, index built): the picture of
the whole window that start kept (ui/early.py, ui/first_frame.py), as every day after the first.
window_ready_s: process start to the whole window taking keys: that picture with the editor working
in it (clicks wait for pygame-gui's elements and are not lost), or the window's first frame.
window_gui_ready_s: process start to the window's first frame with pygame-gui's elements.
app_rss_mb: the window process while a game runs in the preview and the child types.
ui_frame_ms_p95: the window's own frame time (events, drawing, present; not the sleep between
frames) while a game runs in the preview and the child types in the editor.
ui_keystroke_to_screen_ms_p95: from a key posted to SDL's queue to the frame that shows its letter.
ui_preview_fps: game frames shown in the preview per second meanwhile.
ui_idle_cpu_pct: the window process's CPU time (all threads) while nothing happens, % of one core.

The same functions measure the XO profile (bench/xo.py) inside a CPU-quota cgroup: pass `group`.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, List

from kidcoder.bench import p95

EXAMPLE = "bouncing_ball.py"
FIRST_FRAME = "first_frame"     # the cache folder ui/first_frame.py keeps the window's first frame in
PLAY_SECONDS = 5.0
IDLE_SECONDS = 5.0


def probe_env(home: str) -> Dict[str, str]:
    """The probe measures this same copy of KidCoder, on the dummy video driver, in the given home."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in [root, env.get("PYTHONPATH", "")] if p)
    env.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "KIDCODER_HOME": home,
                "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    env.pop("KIDCODER_DEMO", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)    # pip compiles an installed KidCoder's .pyc files; here the
    return env                                  # warm-up start writes them (else each start compiles ~100 modules)


def build_index(home: str) -> None:
    """The search index is built once after installing: build it first so the figures are the everyday ones."""
    subprocess.run([sys.executable, "-m", "kidcoder", "index"], env=probe_env(home), capture_output=True,
                   timeout=600)


@contextmanager
def fresh_home(home: str):
    """A home like a laptop's the day after installing: `home`'s built index, and no projects or unsaved
    work from the window before (which would open a "get your work back?" dialog over everything)."""
    with tempfile.TemporaryDirectory(prefix="kidcoder-ui-home-") as fresh:
        if (Path(home) / "cache").is_dir():
            shutil.copytree(Path(home) / "cache", Path(fresh) / "cache")
        yield fresh


def _start_probe(args: List[str], home: str, group=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kidcoder.ui.bench_probe", *args], env=probe_env(home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=group.enter if group is not None else None)


def _report(stdout: str, stderr: str) -> dict:
    for line in reversed(stdout.splitlines()):
        if line.startswith('{"probe"'):
            report = json.loads(line)["probe"]
            if report.get("error"):
                raise RuntimeError("the window benchmark failed: " + report["error"])
            return report
    raise RuntimeError("the window benchmark printed nothing: " + stderr.strip()[-300:])


def run_probe(args: List[str], home: str, group=None, timeout: float = 600) -> dict:
    """Run the probe to its end in a fresh copy of `home`; its report (an error in it is raised)."""
    with fresh_home(home) as fresh:
        process = _start_probe(args, fresh, group)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
    return _report(stdout, stderr)


def cold_starts(home: str, group=None, runs: int = 3, first_ever: bool = False) -> Dict[str, List[float]]:
    """Seconds from starting the process to its first picture ("first"), to the whole window taking keys
    ("ready": its first frame, or the picture of it the start before kept, with the editor working; see
    ui/early.py) and to pygame-gui's elements being there ("gui"), for `runs` starts after a warm-up.
    Every start but the warm-up finds the picture the warm-up kept, as a laptop does every day after the
    first; first_ever: none does."""
    times: Dict[str, List[float]] = {"first": [], "ready": [], "gui": []}
    for attempt in range(runs + 1):
        with fresh_home(home) as fresh:
            started = time.monotonic()
            process = _start_probe(["cold"], fresh, group)
            stdout, stderr = process.communicate(timeout=300)
            kept = Path(fresh) / "cache" / FIRST_FRAME
            if not attempt and not first_ever and kept.is_dir():
                shutil.copytree(kept, Path(home) / "cache" / FIRST_FRAME, dirs_exist_ok=True)
        report = _report(stdout, stderr)
        _drain(group)
        if attempt:                                   # the first start may compile .pyc files
            times["first"].append(report["first_present"] - started)
            times["ready"].append(report["window_ready"] - started)
            times["gui"].append(report.get("gui_ready", report["window_ready"]) - started)
    return times


def _drain(group, timeout: float = 60.0) -> None:
    """Wait until nothing the window started is left in the quota group (then end what is): a process
    outliving one start (an index check, a model) must not share the next start's quota."""
    pids = getattr(group, "pids", None)
    deadline = time.monotonic() + timeout
    while pids is not None and pids() and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in pids() if pids is not None else ():
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass


def play(home: str, examples: List[str], seconds: float = PLAY_SECONDS, group=None) -> dict:
    """Open, run and type over each example in one window; per-example and pooled figures."""
    report = run_probe(["play", *examples, "--seconds", str(seconds)], home, group,
                       timeout=120 + len(examples) * (seconds + 90))
    frames = [t for r in report["results"] for t in r["frame_ms"]]
    keys = [t for r in report["results"] for t in r["key_ms"]]
    return {
        "examples": {r["example"]: {"preview_fps": r["preview_fps"], "frame_ms_p95": p95(r["frame_ms"]),
                                    "key_ms_p95": p95(r["key_ms"]), "keys_lost": r["keys_lost"],
                                    "window_cpu_ms_per_frame": r.get("window_cpu_ms_per_frame"),
                                    "game_cpu_ms_per_frame": r.get("game_cpu_ms_per_frame")}
                     for r in report["results"]},
        "frame_ms_p95": p95(frames), "key_ms_p95": p95(keys), "window_frames": len(frames),
        "keys_lost": sum(r["keys_lost"] for r in report["results"]),
        "game_frames_shown": sum(r["game_frames_shown"] for r in report["results"]),
        "rss_mb": round(report["memory_kb"].get("VmRSS", 0) / 1024, 1),
        "peak_rss_mb": round(report["memory_kb"].get("VmHWM", 0) / 1024, 1),
    }


def idle_cpu_pct(home: str, seconds: float = IDLE_SECONDS, group=None) -> float:
    """The window's CPU use while nothing happens, in % of one core."""
    report = run_probe(["idle", "--seconds", str(seconds)], home, group, timeout=seconds + 300)
    return report["results"][0]["cpu_pct"]


def measure(**_options) -> Dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kidcoder-ui-bench-") as home:
        build_index(home)
        cold = cold_starts(home)
        running = play(home, [EXAMPLE])
        idle = idle_cpu_pct(home)
    return {
        "cold_start_s": round(statistics.median(cold["first"]), 3),
        "window_ready_s": round(statistics.median(cold["ready"]), 3),
        "window_gui_ready_s": round(statistics.median(cold["gui"]), 3),
        "app_rss_mb": running["rss_mb"],
        "ui_frame_ms_p95": running["frame_ms_p95"],
        "ui_keystroke_to_screen_ms_p95": running["key_ms_p95"],
        "ui_preview_fps": running["examples"][EXAMPLE]["preview_fps"],
        "ui_idle_cpu_pct": idle,
        "ui_bench_frames": running["window_frames"],
        "ui_bench_game_frames": running["game_frames_shown"],
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
