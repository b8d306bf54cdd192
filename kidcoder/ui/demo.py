"""Scripted demos: KIDCODER_DEMO=smoke (built in) or a JSON file drives the real window, then quits.

The smoke test in .ci/run uses it: open an example, run it, press keys in the
game, stop it and quit. A script is a list of steps, each done when the one
before it is finished:

    [{"open_example": "moving_square.py"}, {"run": true}, {"wait_frames": 30},
     {"key": "right", "hold": 0.5}, {"wait": 1.0}, {"screenshot": "shot.png"}, {"stop": true},
     {"quit": true}]

Programs (issue 16): {"save_as": "cat game"} saves the program under that name (through the naming
dialog, as a child would: the first Save asks, later ones use Save as; a taken
name is replaced); {"my_programs": true} opens My programs and waits for it;
{"search": "cat"} types into the open dialog; {"close_dialog": true} presses Esc;
{"wait_program": "cat game"} waits until that program is open (after a restart: the
last program is back).
Steps that work a dialog: {"do": "pictures"} runs any command of actions.COMMANDS,
{"wait_dialog": "pictures"} waits until that dialog is open (null: until none is),
{"type": "cat"} types into what has the keyboard, {"press": "return"} presses a key
there (the game keeps the keyboard only for "key"), {"wait_text": "images/cat.png"}
waits until the program in the editor holds that text.
The walk (issue 16, tools/walk.py): {"replace": ["old", "new"]} changes the program as a child
typing would (a mistake), {"wait_helper": true} waits until the helper says something new,
{"link": "put:0"} clicks a link in the helper's text (here: Put in my program), {"answer": "drop"}
picks that answer of the open dialog (its focus goes there, then Enter), {"focus": "change"}
gives the keyboard to a focus target (ui/focus.py: here the "Change my game" line).

The exit code is 0 when every step worked (the game showed frames and stopped),
1 otherwise; a one-line JSON summary is printed at the end.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, List, Optional

import pygame

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
SETTLED_S = 1.0        # wait_helper: the helper's words have not changed for this long


@dataclass(frozen=True)
class DemoWindow:
    """What a demo script may use of the window (the App makes one; the demo never sees the App)."""
    open_example: Callable[[str], None]
    do: Callable[[str], None]                 # a command by name (actions.COMMANDS)
    set_focus: Callable[[str], None]
    finish: Callable[[int], None]             # close the window with this exit code
    docs: Any                                 # the open program (docs.path)
    games: Any                                # GameControl (live, stopping)
    preview: Any                              # PreviewPane (frames_drawn)
    screen: Any                               # the window's surface, for screenshots
    dialogs: Any = None                       # DialogHost: the open dialog is dialogs.current
    dialog: Callable[[], Optional[str]] = lambda: None   # the open dialog's name (None: no dialog)
    text: Callable[[], str] = lambda: ""      # the program in the editor
    set_text: Callable[[str], None] = lambda text: None   # the program in the editor, all of it
    helper: Any = None                        # HelperPane (version, link)


def load_demo(name_or_path: str) -> "Demo":
    """A built-in demo by name, or a JSON script from a file."""
    if name_or_path in BUILT_IN:
        return Demo(BUILT_IN[name_or_path])
    steps = json.loads(Path(name_or_path).read_text(encoding="utf-8"))
    if not isinstance(steps, list):
        raise ValueError("a demo script is a JSON list of steps")
    return Demo(steps)


class Demo:
    """Runs one step at a time from App.update() (tick); a step that times out fails the demo."""

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
        self._helper_before: Optional[int] = None     # the helper's words before the last action step

    def tick(self, window: DemoWindow) -> None:
        if self.index >= len(self.steps) or self.failed:
            return
        step = self.steps[self.index]
        now = self.clock()
        first = self.step_started is None
        if first:
            self.step_started = now
            self._mark = window.preview.frames_drawn
            if "wait_helper" not in step:      # the helper's words before this step's action: an answer
                self._helper_before = window.helper.version    # may arrive before wait_helper starts
        if now - self.step_started > STEP_TIMEOUT_S:
            self.fail(window, f"step {self.index + 1} timed out: {step}")
            return
        if self._do(window, step, first, now):
            self.index += 1
            self.step_started = None

    def fail(self, window: DemoWindow, why: str) -> None:
        self.failed = why
        self.report.update(ok=False, error=why)
        print(json.dumps({"demo": self.report}), file=sys.stdout, flush=True)
        window.finish(1)

    def _do(self, window: DemoWindow, step: dict, first: bool, now: float) -> bool:
        """Start or continue one step; True when it is finished."""
        self.report["frames_seen"] = max(self.report["frames_seen"], window.preview.frames_drawn)
        if "open_example" in step:
            if first:
                window.open_example(step["open_example"])
                self._wanted = Path(step["open_example"]).stem
            return window.docs.path is not None and window.docs.path.stem.startswith(self._wanted)
        if "run" in step:
            if first:
                window.do("run")
            return window.games.live
        if "wait_frames" in step:
            return window.preview.frames_drawn - self._mark >= int(step["wait_frames"])
        if "wait" in step:
            return now - self.step_started >= float(step["wait"])
        if "key" in step:
            key = pygame.key.key_code(step["key"])
            if first:
                window.set_focus("preview")
                pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
                return False
            if now - self.step_started >= float(step.get("hold", 0.1)):
                pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
                return True
            return False
        if "do" in step:
            window.do(str(step["do"]))
            return True
        if "focus" in step:                 # {"focus": "change"}: the "Change my game" line gets the keys
            window.set_focus(str(step["focus"]))
            return True
        if "wait_dialog" in step:
            return window.dialog() == step["wait_dialog"]
        if "type" in step:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=str(step["type"])))
            return True
        if "press" in step:
            _post_key(pygame.key.key_code(step["press"]))
            return True
        if "wait_text" in step:
            return str(step["wait_text"]) in window.text()
        if any(name in step for name in WALK_STEPS):
            return self._walk_step(window, step, first)
        if "stop" in step:
            if window.preview.frames_drawn == 0:
                self.fail(window, "the game showed no frames")
                return False
            window.do("stop")
            return True
        if any(name in step for name in PROGRAM_STEPS):
            return _program_step(window, step, first)
        if "screenshot" in step:
            pygame.image.save(window.screen, str(step["screenshot"]))
            return True
        if "wait_stopped" in step:
            return window.games.stopping == 0
        if "quit" in step:
            self.report["seconds"] = round(now - self.started, 2)
            self.report["ok"] = not self.failed
            print(json.dumps({"demo": self.report}), file=sys.stdout, flush=True)
            window.finish(0)
            return True
        self.fail(window, f"unknown demo step: {step}")
        return False

    def _walk_step(self, window: DemoWindow, step: dict, first: bool) -> bool:
        """The steps the issue-16 walk adds: a mistake, the helper's news, a link, a dialog's answer."""
        if "replace" in step:
            old, new = step["replace"]
            text = window.text()
            if old not in text:
                self.fail(window, f"the program has no {old!r} to replace")
                return False
            window.set_text(text.replace(old, new, 1))
            return True
        if "wait_helper" in step:          # new words, then none newer for a second (the hint is whole)
            now, version = self.clock(), window.helper.version
            if first:
                self._helper_start = version if self._helper_before is None else self._helper_before
                self._helper_seen = (version, now)
            if version != self._helper_seen[0]:
                self._helper_seen = (version, now)
            return version != self._helper_start and now - self._helper_seen[1] >= SETTLED_S
        if "answer" in step and first:
            self._answered = getattr(window.dialogs.current, "name", None)
        if "link" in step:
            window.helper.link = str(step["link"])
            window.do({"put": "put_example", "copy": "copy_example", "more": "tell_more",
                       "card": "read_source"}[window.helper.link.split(":")[0]])
            return True
        dialog = window.dialogs.current                                     # answer
        if first and dialog is not None:
            dialog.focus_index = [dialog.choice_of.get(e) for e in dialog.focusables].index(step["answer"])
            _post_key(pygame.K_RETURN)
        return not first and (dialog is None or dialog.name != self._answered)


WALK_STEPS = ("replace", "wait_helper", "link", "answer")
PROGRAM_STEPS = ("save_as", "my_programs", "search", "close_dialog", "wait_program")


def _post_key(key: int) -> None:
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))


def _program_step(window: DemoWindow, step: dict, first: bool) -> bool:
    """The steps of naming and finding programs; True when the step is done."""
    dialog = window.dialogs.current if window.dialogs is not None else None
    if "save_as" in step:
        name = str(step["save_as"])
        if first:
            window.do("save" if window.docs.path is None else "save_as")
        elif dialog is not None and dialog.name == "save_name" and dialog.result is None:
            dialog.entry.set_text(name)
            _post_key(pygame.K_RETURN)
        elif dialog is not None and dialog.name == "replace":
            dialog.focus_index = [dialog.choice_of.get(e) for e in dialog.focusables].index("replace")
            _post_key(pygame.K_RETURN)              # Replace it
        return dialog is None and window.docs.path is not None and window.docs.path.stem == name \
            and window.docs.pending_saves == 0
    if "my_programs" in step:
        if first:
            window.do("open")
        return dialog is not None and dialog.name == "programs"
    if "wait_program" in step:
        return window.docs.path is not None and window.docs.path.stem == str(step["wait_program"])
    if "search" in step:
        if first and dialog is not None:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=str(step["search"])))
        return not first
    if first:                                       # close_dialog
        _post_key(pygame.K_ESCAPE)
    return dialog is None
