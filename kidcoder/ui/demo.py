"""Scripted demos: KIDCODER_DEMO=smoke (built in) or a JSON file drives the real window, then quits.

The smoke test in .ci/run uses it: open an example, run it, press keys in the
game, stop it and quit. A script is a list of steps, each done when the one
before it is finished:

    [{"open_example": "moving_square.py"}, {"run": true}, {"wait_frames": 30},
     {"key": "right", "hold": 0.5}, {"wait": 1.0}, {"screenshot": "shot.png"}, {"stop": true},
     {"quit": true}]

The exit code is 0 when every step worked (the game showed frames and stopped),
1 otherwise; a one-line JSON summary is printed at the end.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import List, Optional

SMOKE = [
    {"open_example": "moving_square.py"},
    {"run": True},
    {"wait_frames": 30},
    {"key": "right", "hold": 0.5},
    {"wait": 1.0},
    {"stop": True},
    {"wait_stopped": True},
    {"quit": True},
]
BUILT_IN = {"smoke": SMOKE}
STEP_TIMEOUT_S = 20.0


def load_demo(name_or_path: str) -> "Demo":
    """A built-in demo by name, or a JSON script from a file."""
    if name_or_path in BUILT_IN:
        return Demo(BUILT_IN[name_or_path])
    steps = json.loads(Path(name_or_path).read_text(encoding="utf-8"))
    if not isinstance(steps, list):
        raise ValueError("a demo script is a JSON list of steps")
    return Demo(steps)


class Demo:
    """Runs one step at a time from App.update(); a step that times out fails the demo."""

    def __init__(self, steps: List[dict], clock=time.monotonic):
        self.steps = list(steps)
        self.index = 0
        self.clock = clock
        self.step_started: Optional[float] = None
        self.started = clock()
        self.failed: Optional[str] = None
        self.report = {"frames_seen": 0, "steps": len(self.steps)}
        self._held = None
        self._mark = 0

    def tick(self, app) -> None:
        if self.index >= len(self.steps) or self.failed:
            return
        step = self.steps[self.index]
        now = self.clock()
        first = self.step_started is None
        if first:
            self.step_started = now
            self._mark = app.preview.frames_drawn
        if now - self.step_started > STEP_TIMEOUT_S:
            self.fail(app, f"step {self.index + 1} timed out: {step}")
            return
        if self._do(app, step, first, now):
            self.index += 1
            self.step_started = None

    def fail(self, app, why: str) -> None:
        self.failed = why
        self.report.update(ok=False, error=why)
        print(json.dumps({"demo": self.report}), file=sys.stdout, flush=True)
        app.exit_code = 1
        app.running = False

    def _do(self, app, step: dict, first: bool, now: float) -> bool:
        """Start or continue one step; True when it is finished."""
        import pygame

        self.report["frames_seen"] = max(self.report["frames_seen"], app.preview.frames_drawn)
        if "open_example" in step:
            if first:
                app.actions.open_example(step["open_example"])
                self._wanted = Path(step["open_example"]).stem
            return app.docs.path is not None and app.docs.path.stem.startswith(self._wanted)
        if "run" in step:
            if first:
                app.actions.do("run")
            return app.games.live
        if "wait_frames" in step:
            return app.preview.frames_drawn - self._mark >= int(step["wait_frames"])
        if "wait" in step:
            return now - self.step_started >= float(step["wait"])
        if "key" in step:
            key = pygame.key.key_code(step["key"])
            if first:
                app.set_focus("preview")
                pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
                return False
            if now - self.step_started >= float(step.get("hold", 0.1)):
                pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
                return True
            return False
        if "stop" in step:
            if app.preview.frames_drawn == 0:
                self.fail(app, "the game showed no frames")
                return False
            app.actions.do("stop")
            return True
        if "screenshot" in step:
            pygame.image.save(app.screen, str(step["screenshot"]))
            return True
        if "wait_stopped" in step:
            return app.games.stopping == 0
        if "quit" in step:
            self.report["seconds"] = round(now - self.started, 2)
            self.report["ok"] = not self.failed
            print(json.dumps({"demo": self.report}), file=sys.stdout, flush=True)
            app.running = False
            return True
        self.fail(app, f"unknown demo step: {step}")
        return False
