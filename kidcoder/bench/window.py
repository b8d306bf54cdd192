"""`kidcoder bench` figures for the window, each measured in a fresh process on the dummy video driver.

cold_start_s: process start to the first drawn frame of the full window (no model, index built).
app_rss_mb: the app process after opening an example and running it for 5 s.
ui_frame_ms_p95: the window's own frame time (events, drawing, flip; not the sleep
between frames) while a game runs in the preview and the child types in the editor.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Dict

EXAMPLE = "bouncing_ball.py"

_COLD = """
from kidcoder.ui.app import App
app = App(size=(1200, 900))
app.step()
print("drawn", flush=True)
app.shutdown()
"""

_RUNNING = """
import json, time, pygame
from kidcoder.ui.app import App

app = App(size=(1200, 900))
app.step()
app.actions.open_example(%(example)r)
deadline = time.monotonic() + 10
while (app.docs.path is None or not app.docs.path.stem.startswith(%(example)r[:-3])) \
        and time.monotonic() < deadline:      # (the last program may open first)
    app.step(); time.sleep(1 / 60)
app.actions.do("run")
while app.preview.frames_drawn == 0 and time.monotonic() < deadline:
    app.step(); time.sleep(1 / 60)
app.set_focus("editor")
app.editor.view.buffer.end(document=True)
app.frame_times.clear()
clock = pygame.time.Clock()
typed = "# typing while the game runs "
end = time.monotonic() + %(seconds)s
i = 0
while time.monotonic() < end:
    if i %% 4 == 0:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=typed[(i // 4) %% len(typed)]))
    app.step(1 / 60)
    clock.tick(60)
    i += 1
times = sorted(app.frame_times)
rss_kb = 0
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            rss_kb = int(line.split()[1])
print(json.dumps({"p95": times[int(len(times) * 0.95) - 1] * 1000, "frames": len(times),
                  "game_frames": app.preview.frames_drawn, "rss_kb": rss_kb}), flush=True)
app.shutdown()
"""


def _env(home: str) -> Dict[str, str]:
    """The child measures this same copy of KidCoder, on the dummy video driver, in a fresh home."""
    from pathlib import Path

    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in [root, env.get("PYTHONPATH", "")] if p)
    env.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "KIDCODER_HOME": home,
                "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    env.pop("KIDCODER_DEMO", None)
    return env


def cold_start_s(home: str, runs: int = 3) -> float:
    """Best of a few runs (the first may pay for compiling .pyc files)."""
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", _COLD], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   env=_env(home), text=True)
        line = process.stdout.readline()
        elapsed = time.perf_counter() - started
        process.wait(timeout=30)
        if line.strip() == "drawn":
            best = elapsed if best is None else min(best, elapsed)
    if best is None:
        raise RuntimeError("the window did not draw a frame")
    return best


def running_figures(home: str, seconds: float = 5.0) -> dict:
    code = _RUNNING % {"example": EXAMPLE, "seconds": seconds}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(home),
                         timeout=seconds + 60)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError("the window benchmark failed: " + out.stderr.strip()[-300:])
    return json.loads(lines[-1])


def measure(**_options) -> Dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kidcoder-ui-bench-") as home:
        # The search index is built once after installing; build it first so the figures are the
        # everyday ones (the first start builds it in a low-priority process of its own).
        subprocess.run([sys.executable, "-m", "kidcoder", "index"], env=_env(home), capture_output=True,
                       timeout=300)
        cold = cold_start_s(home)
        running = running_figures(home)
    return {
        "cold_start_s": round(cold, 3),
        "app_rss_mb": round(running["rss_kb"] / 1024, 1),
        "ui_frame_ms_p95": round(running["p95"], 2),
        "ui_bench_frames": running["frames"],
        "ui_bench_game_frames": running["game_frames"],
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
