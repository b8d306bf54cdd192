"""Runner speed figures for `kidcoder bench`: preview fps ratio, child start time, input latency, stop time."""
from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pygame

from kidcoder.runner import protocol
from kidcoder.runner.headless import run_program
from kidcoder.runner.host import GameProcess

# A CPU-light game that measures its own frame rate, so the standalone run and the run
# through KidCoder are judged by the same clock. TICK is replaced to make a capped version.
LIGHT_GAME = """
import time
import pygame
pygame.init()
screen = pygame.display.set_mode((640, 480))
clock = pygame.time.Clock()
x, y, dx, dy = 100, 100, 3, 2
frames, started = 0, None
while frames < FRAMES:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
    x += dx
    y += dy
    if not 0 < x < 620: dx = -dx
    if not 0 < y < 460: dy = -dy
    screen.fill((30, 30, 60))
    pygame.draw.circle(screen, (250, 200, 0), (x, y), 20)
    pygame.draw.rect(screen, (0, 200, 250), (x // 2, 400, 80, 20))
    pygame.display.flip()
    TICK
    frames += 1
    if started is None:
        started = time.perf_counter()
print("FPS", (frames - 1) / (time.perf_counter() - started))
"""

KEY_GAME = """
import pygame
pygame.init()
screen = pygame.display.set_mode((64, 64))
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
    keys = pygame.key.get_pressed()
    screen.fill((255, 0, 0) if keys[pygame.K_SPACE] else (0, 0, 255))
    pygame.display.flip()
    clock.tick(60)
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _fps_from(text: str) -> float:
    match = re.search(r"FPS ([0-9.]+)", text)
    return float(match.group(1)) if match else 0.0


def _standalone_fps(program: Path) -> float:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, str(program)], capture_output=True, text=True, env=env,
                         cwd=str(program.parent), timeout=120)
    return _fps_from(out.stdout)


def _through_runner_fps(program: Path) -> float:
    """Run through GameProcess while the host copies every new frame, as the preview does."""
    with GameProcess(program, interactive=False) as game:
        game.start()
        shown = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            game.poll()
            number = game.latest_number()
            if number != shown:
                frame = game.latest_frame()
                shown = frame.number if frame else shown
            if game.finished is not None or (game.process.poll() is not None and game.status() != "running"):
                game.wait_ended(2.0)
                break
            time.sleep(0.0005)
        return _fps_from("".join(game.console))


def fps_ratio(tick: str, frames: int, runs: int = 3) -> dict:
    """Median fps through the runner divided by median fps standalone, runs alternated side by side."""
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-") as folder:
        program = _write(Path(folder), "light.py", LIGHT_GAME.replace("FRAMES", str(frames)).replace("TICK", tick))
        alone, runner = [], []
        for _ in range(runs):
            alone.append(_standalone_fps(program))
            runner.append(_through_runner_fps(program))
    a, r = statistics.median(alone), statistics.median(runner)
    return {"standalone_fps": round(a, 1), "runner_fps": round(r, 1), "ratio": round(r / a, 3) if a else None}


def child_start(runs: int = 5) -> float:
    """Median seconds from spawning the game process to its first frame."""
    times = []
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-") as folder:
        program = _write(Path(folder), "light.py", LIGHT_GAME.replace("FRAMES", "3").replace("TICK", ""))
        for _ in range(runs):
            result = run_program(program, frames=2, seconds=30)
            if result.start_seconds is not None:
                times.append(result.start_seconds)
    return round(statistics.median(times), 3) if times else None


def input_latency(trials: int = 15) -> float:
    """Median number of frames from sending a key to the first frame that shows it."""
    latencies = []
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-") as folder:
        program = _write(Path(folder), "keys.py", KEY_GAME)
        with GameProcess(program, interactive=False) as game:
            game.start()
            held = False
            while game.latest_number() < 3:
                game.poll()
                time.sleep(0.001)
            for _ in range(trials * 2):
                sent_at = game.latest_number()
                held = not held
                game.send_event(protocol.KeyEvent(action="down" if held else "up", key=pygame.K_SPACE))
                want = (255, 0, 0) if held else (0, 0, 255)
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:
                    frame = game.latest_frame()
                    if frame is not None and frame.number > sent_at and tuple(frame.to_surface().get_at((1, 1)))[:3] == want:
                        latencies.append(frame.number - sent_at)
                        break
                    time.sleep(0.0005)
                time.sleep(0.02)
    return statistics.median(latencies) if latencies else None


def stop_time(runs: int = 3) -> float:
    """Median seconds for Stop to end a game stuck in `while True: pass`."""
    times = []
    with tempfile.TemporaryDirectory(prefix="kidcoder-bench-") as folder:
        program = _write(Path(folder), "busy.py", "while True:\n    pass\n")
        for _ in range(runs):
            game = GameProcess(program, interactive=False)
            game.start()
            while game.ready is None:
                game.poll()
                time.sleep(0.001)
            started = time.monotonic()
            game.stop()
            times.append(time.monotonic() - started)
            game.close()
    return round(statistics.median(times), 3)


def measure(**options) -> dict:
    uncapped = fps_ratio("", frames=600)
    capped = fps_ratio("clock.tick(60)", frames=180)
    return {
        "preview_fps_ratio": capped["ratio"],
        "preview_fps_ratio_detail": {"capped_60": capped, "uncapped": uncapped},
        "preview_fps_ratio_uncapped": uncapped["ratio"],
        "child_start_s": child_start(),
        "input_latency_frames": input_latency(),
        "stop_busy_game_s": stop_time(),
    }
