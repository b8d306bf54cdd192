"""Where the window's processor time goes, step by step, while a game plays and a child types (issue 17).

    sudo python3 tools/step_costs.py [--quota 12.5] [--seconds 5] [--home DIR] [--raw FILE] EXAMPLE ...

Runs the play benchmark's probe (kidcoder/ui/bench_probe.py: the real App.run() loop, one TEXTINPUT every
0.15 s) in a fresh CPU-quota cgroup on core 0 (bench/cgroup.py), with time.thread_time() taken around the
parts of App.step: events, update() (and in it pygame-gui's update, the game's follow()), the Pacer's
choice (and in it the screen's key), drawing, the picture, presenting. Thread time is the processor time
of the window's own thread, so the quota's waits are not in it: at 12.5% a step's wall time is about 8
times it (the bench's ui frame figure is wall time). Steps are sorted into kinds: a game's frame alone,
a key's step (a typed key, the short path or a whole step), a whole step without keys. Prints, per kind,
how many, and each part's median / p95 / mean in ms; with the steps' wall-time p95 as the bench counts it.
The instrumentation costs a little time itself (a few us a part).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _instrument(out_path: str) -> None:
    """Inside the probe process: wrap the App's parts with thread-time clocks; steps go to out_path."""
    import pygame
    import pygame_gui

    from kidcoder.editor.view import EditorView
    from kidcoder.ui import app as app_mod, frame_only, playing, present, preview_pane, redraw

    steps: list = []
    state = {"cur": None, "app": None}

    def clocked(name, fn):
        def wrapper(*args, **kwargs):
            cur = state["cur"]
            began = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                if cur is not None:
                    cur[name] = cur.get(name, 0.0) + time.thread_time() - began
        return wrapper

    for owner, name, label in ((app_mod.App, "handle_event", "events"), (app_mod.App, "update", "update"),
                               (app_mod.App, "draw", "draw"), (redraw.GuiTicker, "tick", "update.gui_tick"),
                               (pygame_gui.UIManager, "update", "update.gui_tick.manager_update"),
                               (playing.Playing, "follow", "update.follow"),
                               (redraw.Pacer, "choose", "choose"), (frame_only.FrameOnly, "show", "frame_only"),
                               (preview_pane.PreviewPane, "show_picture", "picture"),
                               (present.Presenter, "present", "present"),
                               (EditorView, "changed_rows", "choose.editor_rows"),
                               (pygame_gui.UIManager, "draw_ui", "draw.gui_draw_ui")):
        setattr(owner, name, clocked(label, getattr(owner, name)))
    for name in ("key_alone", "_key_alone"):        # the short path of a typed key, where there is one
        if hasattr(app_mod.App, name):
            setattr(app_mod.App, name, clocked("key_alone", getattr(app_mod.App, name)))
    pygame.display.update = clocked("display_update", pygame.display.update)

    pacer_init = redraw.Pacer.__init__

    def pacer_made(self, look, *args, **kwargs):
        pacer_init(self, clocked("choose.screen_key", look), *args, **kwargs)
    redraw.Pacer.__init__ = pacer_made

    step = app_mod.App.step
    handle = app_mod.App.handle_event

    def handled(self, event):
        cur = state["cur"]
        if cur is not None and event.type in (pygame.TEXTINPUT, pygame.KEYDOWN):
            cur["keys"] = cur.get("keys", 0) + 1
        return handle(self, event)
    app_mod.App.handle_event = handled

    def stepped(self, dt=1 / 60):
        state["app"] = self
        cur = state["cur"] = {}
        alone, drawn, times = self.frame_only.steps, self.drawn, len(self.frame_times)
        began, wall = time.thread_time(), time.perf_counter()
        try:
            return step(self, dt)
        finally:
            cur["step"] = time.thread_time() - began
            cur["wall"] = time.perf_counter() - wall
            cur["measured"] = self.on_present is not None
            cur["sent"] = self.drawn > drawn
            cur["bench_ms"] = self.frame_times[-1] * 1000 if len(self.frame_times) > times else None
            cur["kind"] = ("frame_alone" if self.frame_only.steps > alone and not cur.get("keys")
                           else "key" if cur.get("keys") else "whole")
            state["cur"] = None
            steps.append(cur)

    app_mod.App.step = stepped

    import atexit

    def dump():
        with open(out_path, "w") as out:
            json.dump(steps, out)
    atexit.register(dump)


def probe_main(out_path: str, argv) -> int:
    _instrument(out_path)
    from kidcoder.ui import bench_probe

    return bench_probe.main(argv)


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))] if values else 0.0


def summary(steps: list) -> str:
    measured = [s for s in steps if s.get("measured")]
    lines = []
    bench = [s["bench_ms"] for s in measured if s.get("bench_ms") is not None]
    lines.append(f"steps measured {len(measured)}; bench ui frame ms p95 {p95(bench):.1f} over {len(bench)}")
    for kind in ("key", "whole", "frame_alone"):
        chosen = [s for s in measured if s["kind"] == kind]
        if not chosen:
            continue
        walls = [s["bench_ms"] for s in chosen if s.get("bench_ms") is not None]
        lines.append(f"{kind}: {len(chosen)} steps, wall ms p95 {p95(walls):.1f} median "
                     f"{statistics.median(walls) if walls else 0:.1f}")
        parts = sorted({k for s in chosen for k in s if isinstance(s.get(k), float) and k not in ("wall", "bench_ms")})
        for part in parts:
            values = [1000 * s.get(part, 0.0) for s in chosen]
            ran = sum(1 for s in chosen if part in s)
            lines.append(f"   {part:40s} ran {ran:4d}  median {statistics.median(values):6.2f}  p95 {p95(values):6.2f}"
                         f"  mean {statistics.mean(values):6.2f} ms cpu")
    return "\n".join(lines)


def run(examples, quota: float, seconds: float, home: str, raw: str) -> None:
    sys.path.insert(0, str(ROOT))
    from kidcoder.bench import cgroup, window

    if not (Path(home) / "cache").is_dir():
        window.build_index(home)
    with window.fresh_home(home) as fresh, tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        env = window.probe_env(fresh)
        args = [sys.executable, str(Path(__file__).resolve()), "--probe", tmp.name, "play", *examples,
                "--seconds", str(seconds)]
        if quota >= 100:
            done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=900)
        else:
            with cgroup.QuotaGroup(quota) as group:
                done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=900,
                                      preexec_fn=group.enter)
        steps = json.loads(Path(tmp.name).read_text() or "[]")
    report = window._report(done.stdout, done.stderr)
    for result in report["results"]:
        keys = result["key_ms"]
        print(f"{result['example']}: preview fps {result['preview_fps']}, keys p95 {p95(keys):.1f} ms "
              f"(n={len(keys)}, lost {result['keys_lost']}), frame p95 {p95(result['frame_ms']):.1f} ms, "
              f"window cpu ms/frame {result['window_cpu_ms_per_frame']}; slowest keys "
              f"{sorted(keys, reverse=True)[:6]} (the first: {keys[:3]})")
    print(summary(steps))
    if raw:
        Path(raw).write_text(json.dumps(steps))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--probe":
        return probe_main(argv[1], argv[2:])
    parser = argparse.ArgumentParser(prog="step_costs")
    parser.add_argument("examples", nargs="+")
    parser.add_argument("--quota", type=float, default=12.5)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--home", default=os.path.join(tempfile.gettempdir(), "kidcoder-step-costs-home"))
    parser.add_argument("--raw", default="")
    args = parser.parse_args(argv)
    run(args.examples, args.quota, args.seconds, args.home, args.raw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
