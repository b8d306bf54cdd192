"""When the window draws, and how long it sleeps between frames: it draws only what a child can see change.

Each frame the App asks `Pacer.choose()` what to draw: everything (something changed: an
event, a background result, any words or element on screen, the editor's text, cursor or
caret), only the preview's picture (a new game frame and nothing else), or nothing. What is
on screen is summed up in a cheap key (`screen_key`): each pane's words and looks() (the
editor's text, cursor and caret; the console's lines; ...), and every pygame-gui element's picture, place and visibility (pygame-gui gives an element a
new picture whenever it changes: hover, caret blink, new text). Between frames the loop
sleeps until the next event, the next game frame, the caret's next blink, or a short wake to
look at background work (`Pacer.wait_s()`).
"""
from __future__ import annotations

import time
from typing import Callable, List, Optional

import pygame

FPS = 60
IDLE_WAKE_S = 0.25      # nothing going on: look at the world this often (pygame-gui's caret blinks at 0.4 s)
AWAKE_AFTER_INPUT_S = 1.0   # after a key or a click, keep the full pace a while (files open, menus settle)
SLICE_S = 0.008         # drivers that cannot wait for an event (dummy, offscreen) are looked at this often
NOTHING, PICTURE, EVERYTHING = "nothing", "picture", "everything"
POLLING_DRIVERS = ("dummy", "offscreen")


def gui_key(manager) -> tuple:
    """What pygame-gui draws: each shown element's picture (a new Surface whenever its look changed) and place."""
    return tuple((id(image), tuple(rect), area and tuple(area)) for image, rect, area, _ in manager.ui_group.visible)


def screen_key(panes, manager, *more) -> tuple:
    """What the window shows now, in short: each pane's words and looks, the pygame-gui elements, and more."""
    return (tuple((tuple(pane.shown_text()), pane.looks()) for pane in panes), gui_key(manager), *more)


class Pacer:
    """Decides each frame what to draw and how long to sleep; `look()` is the screen's key now."""

    def __init__(self, look: Callable[[], tuple], busy: Callable[[], bool],
                 caret_due: Callable[[], Optional[float]], picture_only: Callable[[], Optional[pygame.Rect]]):
        self.look, self.busy, self.caret_due, self.picture_only = look, busy, caret_due, picture_only
        self._key: Optional[tuple] = None
        self._input_at = -1e9

    def forget(self) -> None:
        """Draw everything next frame (a resize, a theme change, the window uncovered)."""
        self._key = None

    def choose(self, happened: bool, new_frame: bool) -> str:
        """What to draw this frame: `happened` (events, results) or a changed key draws everything;
        a new game frame alone draws only the picture, when nothing is drawn over it."""
        if happened:
            self._input_at = time.perf_counter()
        key = self.look()
        if happened or key != self._key:
            self._key = key
            return EVERYTHING
        if new_frame:
            return PICTURE if self.picture_only() is not None else EVERYTHING
        return NOTHING

    def wait_s(self, now: Optional[float] = None) -> float:
        """How long the loop may sleep before the next frame (an event wakes it sooner)."""
        now = time.perf_counter() if now is None else now
        if self.busy() or now - self._input_at < AWAKE_AFTER_INPUT_S:
            return 1 / FPS
        due = self.caret_due()
        return IDLE_WAKE_S if due is None else max(0.0, min(IDLE_WAKE_S, due))


def wait_for_events(timeout_s: float, driver: Optional[str] = None) -> List:
    """The events that come within timeout_s (empty when none came): sleeps meanwhile, using no CPU."""
    driver = pygame.display.get_driver() if driver is None else driver
    if driver not in POLLING_DRIVERS:
        event = pygame.event.wait(max(0, int(timeout_s * 1000)))
        return [] if event.type == pygame.NOEVENT else [event, *pygame.event.get()]
    deadline = time.perf_counter() + timeout_s      # SDL would wake every millisecond here
    while True:
        events = pygame.event.get()
        left = deadline - time.perf_counter()
        if events or left <= 0:
            return events
        time.sleep(min(SLICE_S, left))


def run_loop(step: Callable, wait_s: Callable[[], float], running: Callable[[], bool],
             hand_over: Callable[[list], None]) -> None:
    """step(dt) while running(), sleeping between steps until an event comes (given to hand_over()
    for the next step) or wait_s() has passed."""
    last = time.perf_counter()
    while running():
        now = time.perf_counter()
        step(min(now - last, 0.5))
        last = now
        hand_over(wait_for_events(max(0.0, last + wait_s() - time.perf_counter())))
