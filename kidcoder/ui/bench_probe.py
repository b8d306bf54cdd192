"""The window benchmark's driver, run INSIDE a KidCoder window process: `python -m kidcoder.ui.bench_probe`.

It runs the real `App.run()` loop, so it measures what a child gets, through two hooks the App
offers: `app.demo` (its tick(app) runs once a frame; ui/demo.py's Demo does the clicking) and
`app.on_present` (called with the rectangles sent to the screen). Keys are posted to SDL's queue
from a thread, as a keyboard would. Prints one JSON line {"probe": {...}} and exits. It lives in ui/
because it drives the window; nothing imports it: bench/window.py and bench/xo.py start it as a process.

    cold                 quit at the first presented frame; prints that moment's time.monotonic()
    play EXAMPLE ...     open each gallery example, run it, and type in the editor while it plays
    idle                 the window's own CPU time while nothing happens
    model EXAMPLE --model FILE [--rounds N]
                         late window and game frames while the helper's model answers a question, against
                         the same window with nothing asked (bench_probe_model.py), then the same
                         with no game playing (bench_probe_nogame.py)
    helper EXAMPLE [--lang en|es] [--size WxH]
                         the frames that show the helper's answers and hints, and its words retold while
                         the game plays (bench_probe_helper.py; no model)
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from typing import List, Optional

TYPED = "# typing while the game runs "
KEY_INTERVAL_S = 0.15      # a quick child types about 7 keys a second
WAKE_INTERVAL_S = 0.05     # while clicking through the window, in case it sleeps between events
SETTLE_S = 2.0             # before measuring idle CPU: start-up work (index check, first layout) ends
KEY_GRACE_S = 3.0          # keys still not on screen this long after typing stops count as lost
FRAMES_BEFORE = 10         # game frames shown before measuring starts (the game has warmed up)


class Waker(threading.Thread):
    """Posts a no-op event now and then, so a window that sleeps until events still ticks the driver."""

    def __init__(self, post):
        super().__init__(daemon=True)
        self.post = post
        self.every: Optional[float] = None
        self.at: Optional[float] = None
        self.changed = threading.Condition()

    def set(self, every: Optional[float] = None, at: Optional[float] = None) -> None:
        with self.changed:
            if (every, at) != (self.every, self.at):
                self.every, self.at = every, at
                self.changed.notify()

    def run(self) -> None:
        last = 0.0
        while True:
            with self.changed:
                now = time.perf_counter()
                due = [t for t in (None if self.every is None else last + self.every, self.at) if t is not None]
                if not due:
                    self.changed.wait()
                    continue
                if min(due) > now:
                    self.changed.wait(min(due) - now)
                    continue
                last = now
                if self.at is not None and self.at <= now:
                    self.at = None
            self.post()


class Typist(threading.Thread):
    """Posts one TEXTINPUT every KEY_INTERVAL_S while typing; `sent` holds when each key was posted."""

    def __init__(self, post_text):
        super().__init__(daemon=True)
        self.post_text = post_text
        self.sent: List[float] = []
        self.typing = threading.Event()

    def begin(self) -> None:
        self.sent = []
        self.typing.set()

    def end(self) -> None:
        self.typing.clear()

    def run(self) -> None:
        count = 0
        while True:
            self.typing.wait()
            self.sent.append(time.perf_counter())      # before posting: a key is never seen before it is sent
            self.post_text(TYPED[count % len(TYPED)])
            count += 1
            time.sleep(KEY_INTERVAL_S)


class Steps:
    """Demo steps (open an example, run, stop, ...) done by ui/demo.py's Demo."""

    def __init__(self, steps, waker: Waker):
        from kidcoder.ui.demo import Demo

        self.demo = Demo(steps)
        self.waker = waker

    def tick(self, window, app, now: float) -> bool:
        self.waker.set(every=WAKE_INTERVAL_S)
        self.demo.tick(window)
        if self.demo.failed:
            raise RuntimeError(self.demo.failed)
        if self.demo.index >= len(self.demo.steps):
            self.waker.set()
            return True
        return False


class Play:
    """Type in the editor for `seconds` while the game plays; count game frames shown and key latencies."""

    def __init__(self, example: str, seconds: float, typist: Typist, results: list):
        self.example, self.seconds, self.typist, self.results = example, seconds, typist, results
        self.app = None
        self.started: Optional[float] = None
        self.ended: Optional[float] = None
        self.latencies: List[float] = []
        self.base_len = self.base_frames = self.shown = 0

    def tick(self, window, app, now: float) -> bool:
        if self.started is None:
            self.app = app
            window.set_focus("editor")
            app.editor.view.buffer.end(document=True)
            self.base_len = len(app.editor.get_text())
            self.base_frames = app.preview.frames_drawn
            self.cpu = (time.process_time(), game_cpu_s(app.games.game))
            app.frame_times.clear()
            app.on_present = self.presented
            self.started = now
            self.typist.begin()
            return False
        if self.ended is None:
            if now - self.started < self.seconds:
                return False
            self.ended = now
            self.typist.end()
            self.shown = app.preview.frames_drawn - self.base_frames
            self.cpu = (time.process_time() - self.cpu[0], game_cpu_s(app.games.game) - self.cpu[1])
            self.frame_times = [round(t * 1000, 3) for t in app.frame_times]
        if len(self.latencies) < len(self.typist.sent) and now - self.ended < KEY_GRACE_S:
            return False
        app.on_present = None
        self.results.append({
            "example": self.example, "seconds": round(self.ended - self.started, 3),
            "game_frames_shown": self.shown, "preview_fps": round(self.shown / (self.ended - self.started), 2),
            "frame_ms": self.frame_times, "key_ms": [round(t * 1000, 2) for t in self.latencies],
            "keys_sent": len(self.typist.sent), "keys_lost": len(self.typist.sent) - len(self.latencies),
            "window_cpu_ms_per_frame": round(1000 * self.cpu[0] / max(1, self.shown), 3),
            "game_cpu_ms_per_frame": round(1000 * self.cpu[1] / max(1, self.shown), 3),
        })
        return True

    def presented(self, rects) -> None:
        """A frame went to the screen: keys whose letters are in the text and whose pane was sent are shown."""
        app, sent = self.app, self.typist.sent
        if len(self.latencies) >= len(sent) or not any(app.editor.rect.colliderect(r) for r in rects):
            return
        now = time.perf_counter()
        typed = min(len(sent), len(app.editor.get_text()) - self.base_len)
        while len(self.latencies) < typed:
            self.latencies.append(now - sent[len(self.latencies)])


class Idle:
    """The window's CPU time (all its threads) over `seconds` of nothing happening, as % of one core."""

    def __init__(self, seconds: float, waker: Waker, results: list):
        self.seconds, self.waker, self.results = seconds, waker, results
        self.settle_until = self.began = None

    def tick(self, window, app, now: float) -> bool:
        if self.settle_until is None:
            self.settle_until = now + SETTLE_S
            self.waker.set(at=self.settle_until)
            return False
        if self.began is None:
            if now < self.settle_until:
                return False
            self.began, self.cpu = now, time.process_time()
            self.frames = app.frames
            self.waker.set(at=now + self.seconds)
            return False
        if now - self.began < self.seconds:
            return False
        wall = now - self.began
        self.results.append({"cpu_pct": round((time.process_time() - self.cpu) / wall * 100, 2),
                             "seconds": round(wall, 3), "window_frames": app.frames - self.frames})
        return True


class Driver:
    """Does its tasks one after another from the App's per-frame demo hook, then closes the window."""

    def __init__(self, tasks, app):
        self.tasks = list(tasks)
        self.app = app               # the probe measures the App itself; demo steps get the DemoWindow
        self.memory_kb: dict = {}

    def tick(self, window) -> None:
        while self.tasks:
            if not self.tasks[0].tick(window, self.app, time.perf_counter()):
                return
            self.tasks.pop(0)
        self.memory_kb = memory_kb()          # before the window closes
        self.app.running = False


def game_cpu_s(game) -> float:
    """Processor seconds used so far by the game (its process and the children still running; 0 with no /proc)."""
    from kidcoder.ui.proc_cpu import process_cpu

    return process_cpu(getattr(getattr(game, "process", None), "pid", None))


def memory_kb() -> dict:
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            key = line.split(":")[0]
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(line.split()[1])
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench_probe")
    parser.add_argument("mode", choices=("cold", "play", "idle", "model", "helper"))
    parser.add_argument("examples", nargs="*")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--size", default="1200x900")
    parser.add_argument("--model", help="model mode: the .gguf file the window's helper uses")
    parser.add_argument("--rounds", type=int, default=3, help="model mode: questions asked (and controls)")
    parser.add_argument("--lang", default="en", help="helper mode: the window's language")
    args = parser.parse_args(argv)
    size = tuple(int(n) for n in args.size.split("x"))
    if args.mode == "cold":         # as the window's process starts (kidcoder/app.py): the garbage collector
        import gc                   # waits, and pygame comes without its sound (ui/pygame_import.py)

        gc.disable()
    from kidcoder.ui.pygame_import import import_pygame

    import_pygame()
    if args.mode == "model":
        from kidcoder.ui import bench_probe_model

        bench_probe_model.use_model(args.model)
    if args.mode == "helper":
        from kidcoder.ui import bench_probe_helper

        bench_probe_helper.use_language(args.lang)

    if args.mode == "cold":          # the way `kidcoder` opens (ui/start.py, ui/early.py): the first picture
        from kidcoder.config import load_settings   # (the kept picture of the window, or the splash), then
        from kidcoder.ui.early import open_window   # the window

        marks: dict = {}
        app = open_window(load_settings(), size, marks=marks)
    else:
        from kidcoder.ui.app import App

        app = App(None, size=size)
        if args.mode == "helper":
            bench_probe_helper.clock_cpu(app)
    if args.mode == "cold":
        def first(_rects):          # window_ready: the editor takes keys in the whole window (or the picture
            now = time.monotonic()  # of it); gui_ready: pygame-gui's elements are there
            print(json.dumps({"probe": {"first_present": marks["first_present"],
                                        "window_ready": marks.get("window_ready", now), "gui_ready": now}}),
                  flush=True)
            app.running = False
        app.on_present = first
        app.run()
        return 0

    import pygame

    wake_type = pygame.event.custom_type()
    waker = Waker(lambda: pygame.event.post(pygame.event.Event(wake_type)))
    typist = Typist(lambda text: pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text)))
    waker.start()
    typist.start()
    results: list = []
    tasks: list = []
    if args.mode == "idle":
        tasks.append(Idle(args.seconds, waker, results))
    for example in args.examples:
        if args.mode == "model":
            measured = bench_probe_model.model_tasks(args.rounds, args.seconds, results)
        elif args.mode == "helper":
            measured = bench_probe_helper.helper_tasks(args.lang, results)
        else:
            measured = [Play(example, args.seconds, typist, results)]
        tasks += [Steps([{"open_example": example}, {"run": True}, {"wait_frames": FRAMES_BEFORE}], waker),
                  *measured, Steps([{"stop": True}, {"wait_stopped": True}], waker)]
    if args.mode == "model":        # then no game: the model may use every free core (bench_probe_nogame.py)
        from kidcoder.ui import bench_probe_nogame

        tasks += bench_probe_nogame.nogame_tasks(app, args.rounds, args.seconds, results)
    driver = app.demo = Driver(tasks, app)
    report = {"results": results}
    try:
        app.run()
    except Exception as exc:        # the parent reports it as this benchmark's error
        report["error"] = f"{type(exc).__name__}: {exc}"
    report["memory_kb"] = driver.memory_kb or memory_kb()
    print(json.dumps({"probe": report}), flush=True)
    return 1 if "error" in report else 0


if __name__ == "__main__":
    sys.exit(main())
