"""When the window draws, and how long it sleeps between frames: it draws only what a child can see change.

Each frame the App asks `Pacer.choose()` what to draw. What is on screen is summed up in a
cheap key (`screen_key`): the window's own state (focus, dialog, layout), each pane's words
and looks() (the editor's text, cursor and caret; the console's lines; ...), and every
pygame-gui element's picture and place (pygame-gui gives an element a new picture whenever
its look changes: hover, caret blink, new text). Only the panes and elements whose part of
the key changed are drawn again and sent to the screen (`changed_rects`); a new game frame
alone is only blitted into its place; the whole window is drawn when the window's own state
changed or background work came back. While only the game's picture changes, the key is taken
once every LOOK_EVERY_S, not for each frame. Between frames the loop sleeps until the next event,
the next game frame (the game rings a doorbell the loop sleeps on: runner/frames.py), the caret's
next blink, or a short wake to look at background work (`Pacer.wait_s()`).
"""
from __future__ import annotations

import time
from typing import Callable, List, Optional, Tuple

import pygame

from kidcoder.ui import gui_rebuilds

FPS = 60
IDLE_WAKE_S = 0.5       # nothing going on: look at the world this often (at 0.25 s the idle window used 2.2-2.4%
                        # of a core here, at 0.5 s 1.9-2.1%)
CARET_WAKE_S = 0.25     # ... but this often while a pygame-gui text line has the keys (its caret blinks at 0.4 s)
WORK_WAKE_S = 0.05      # background work going on (a file, a hint, an answer streaming in): look this often
AWAKE_AFTER_INPUT_S = 1.0   # after a key or a click, keep the full pace a while (files open, menus settle)
SLICE_S = 0.015         # while it sleeps, the loop looks for events this often
INPUT_SLICE_S = 0.004   # ... and this often for AWAKE_AFTER_INPUT_S after events: a typed letter waits less (at
                        # 12.5% of a core, 6 runs each: keystroke p95 median 35 ms, not 46; a look costs ~30 us)
BELL_SLICE_S = 0.025    # ... and this often while a game's doorbell wakes it for each frame (longer than a frame
                        # at 60 a second: the loop is not woken between frames for nothing, each wake costs ~0.1 ms
                        # of a slow core's time; events are looked at with each frame)
SHORT_CPU_S = 0.002     # a window whose frames take this long (a slow core, or a CPU quota's pauses) is short of CPU:
                        # while a game rings its doorbell, it then looks for keys with each game frame and every
                        # SLICE_S, not every INPUT_SLICE_S (the looks would take the game's share)
NOTHING, PICTURE, PARTS, EVERYTHING, WHOLE = "nothing", "picture", "parts", "everything", "whole"
RING_MARGIN = 8         # a pane drawn again takes this much around it (its focus ring is drawn outside it)
GIVE_WAY = 3            # the loop wakes at most once per this many times its own last frames' cost: the game
                        # (another process) gets the rest of a short CPU; the window shows fewer frames instead
COST_WEIGHT = 0.2       # how much each frame's cost moves the running estimate
GUI_TICK_S = 0.1        # with no input, pygame-gui's update (hover checks, tool tips, a caret's blink) runs this often
LOOK_EVERY_S = 0.25     # while only the game's picture changes, the rest of the window is looked at (screen_key:
                        # 0.1-0.3 ms, a fifth of a small game's own frame on an XO) this often, not for every frame
                        # (a title's fps or a line the game printed shows up to this late), and pygame-gui's update
                        # runs this often, not GUI_TICK_S
BELL_WAKE_S = 0.05      # a game that rings its doorbell wakes the loop for each frame: the loop need not also wake
                        # at the game's pace (under a short CPU a step without a frame costs as much as one with it)
KEY_EVENTS = frozenset((pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING))
INPUT_EVENTS = frozenset((pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN,
                          pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL))


def painted(image, rect, area) -> tuple:
    """Where a pygame-gui blit lands: at rect's corner, the picture's size (or its area's), whatever rect's
    size says (an element resized shows its old, bigger picture for a frame)."""
    w, h = (area[2], area[3]) if area else image.get_size()
    return rect[0], rect[1], w, h


def gui_key(manager) -> frozenset:
    """What pygame-gui draws: each shown element's picture (a new Surface whenever its look changed) and
    where it lands."""
    return frozenset((id(image), painted(image, rect, area)) for image, rect, area, _ in manager.ui_group.visible)


def uncovered(rect: Optional[pygame.Rect], manager) -> Optional[pygame.Rect]:
    """rect, unless a pygame-gui element (a dialog, a tool tip, a menu) is drawn over part of it."""
    if rect is None or any(image.get_width() and rect.colliderect(painted(image, place, area))
                           for image, place, area, _ in manager.ui_group.visible):
        return None
    return rect


def screen_key(panes, manager, *more, ring: Optional[pygame.Rect] = None) -> tuple:
    """What the window shows now, in short: (the window's own state: the elements pygame-gui gives the keys
    (their look changes with its next update) and more; each pane's (pane_key) and the focus ring's (ring_key);
    the pygame-gui elements). redraw.Pacer compares it with the last frame's."""
    return ((frozenset(manager.get_focus_set() or ()), *more), (*(pane_key(pane) for pane in panes), ring_key(ring)),
            gui_key(manager))


def ring_key(ring: Optional[pygame.Rect]) -> tuple:
    """The focus ring's part of the screen's key, as a pane's: where it is drawn (Keyboard.ring). The keyboard
    moving from the game to the editor draws the two panes and where the ring was and is, not everything."""
    return ((ring,) if ring is not None else (), ((), tuple(ring) if ring is not None else None), None)


def pane_key(pane) -> tuple:
    """A pane's part of the screen's key: the rects it draws in, its words and looks, and its changed_parts."""
    return pane.parts(), (tuple(pane.shown_text()), pane.looks()), pane.changed_parts


def changed_rects(before: tuple, now: tuple, margin: int = RING_MARGIN) -> Optional[List[pygame.Rect]]:
    """The parts of the window to draw again, going from screen key `before` to `now`: each pane whose
    words or looks changed (with a margin for its focus ring; or what its changed_parts() names, if it
    names any: the editor's changed rows and its title) and each pygame-gui element
    whose picture or place changed, where it was and where it is; None: the whole window."""
    if before is None or before[0] != now[0] or len(before[1]) != len(now[1]):
        return None
    rects = []
    for (parts, key, *narrow), (old_parts, old, *_) in zip(now[1], before[1]):
        if key != old:
            inside = narrow[0](key[0] != old[0]) if narrow and narrow[0] and parts == old_parts else None
            rects += inside if inside is not None else [rect.inflate(2 * margin, 2 * margin) for rect in parts]
            if parts != old_parts:      # it moved (the focus ring): where it was is drawn again too
                rects += [rect.inflate(2 * margin, 2 * margin) for rect in old_parts]
    rects += [pygame.Rect(rect) for _, rect in before[2] ^ now[2]]
    return merged(rects)


def merged(rects: List[pygame.Rect]) -> List[pygame.Rect]:
    """The rects with those that overlap joined into one (their union), so nothing is drawn twice (pure)."""
    out: List[pygame.Rect] = []
    for rect in rects:
        while True:
            hit = rect.collidelist(out)
            if hit < 0:
                break
            rect = rect.union(out.pop(hit))
        out.append(rect)
    return out


class Pacer:
    """Decides each frame what to draw and how long to sleep; `look()` is the screen's key now."""

    def __init__(self, look: Callable[[], tuple], pace: Callable[[], Optional[float]],
                 caret_due: Callable[[], Optional[float]], picture_only: Callable[[], Optional[pygame.Rect]],
                 uncovered: Callable[[Optional[pygame.Rect]], Optional[pygame.Rect]] = lambda rect: rect):
        self.look, self.pace, self.caret_due, self.picture_only = look, pace, caret_due, picture_only
        self.uncovered = uncovered      # the picture's rect, unless pygame-gui draws over it (asked at a look:
                                        # between looks pygame-gui did not update, so nothing new covers it)
        self._key: Optional[tuple] = None
        self._input_at = -1e9
        self.gui_moved = True           # the last frame changed pygame-gui's elements or the window's state
        self.cost = 0.0                 # seconds a frame of the window's own work takes, lately
        self.picture: Optional[pygame.Rect] = None      # PARTS: a new game frame apart from every other
                                                        # change (only blitted, as for PICTURE)
        self.look_now = True            # pygame-gui updated since the last look: its elements may look new
        self.frames_coming = False      # a game's frames keep coming (shown without a look for each)
        self._looked = (-1e9, None, 0.0)    # when the screen's key was last taken, where the picture was then,
                                            # and when the caret blinks next (a look is due then)

    def spent(self, seconds: float) -> None:
        """A frame's work took this long (under a short CPU quota it is long: the loop then wakes less)."""
        self.cost += COST_WEIGHT * (seconds - self.cost)

    def forget(self) -> None:
        """Draw everything and send it WHOLE next frame (a resize, a theme change, the window uncovered)."""
        self._key = None

    def choose(self, events: list, results: bool, new_frame: bool) -> Tuple[str, List[pygame.Rect]]:
        """What to draw this frame: EVERYTHING (the WHOLE of it sent after forget()); PARTS (and which;
        one of them may be `self.picture`); only the PICTURE, a new game frame with nothing drawn over
        it; or NOTHING. Background results draw everything (they are rare). A new game frame alone, when
        the last look (within LOOK_EVERY_S, and before the caret's blink) had the picture in the same
        uncovered place, is the PICTURE without looking again."""
        if new_frame and not events and not results:
            picture = self.picture_now(time.perf_counter())
            if picture is not None:
                return PICTURE, [picture]
        before = self._key
        what, rects = self._choose(events, results, new_frame)
        self.gui_moved = results or before is None or before[0] != self._key[0] or before[2] != self._key[2]
        return what, rects

    def last_key(self) -> Optional[tuple]:
        """The screen's key at the last look (None: the whole window is drawn next)."""
        return self._key

    def looked_lately(self) -> bool:
        """The last look still stands: nothing asked for a new one (pygame-gui did not update since)."""
        return self._key is not None and not self.look_now

    def typed(self, index: int, entry: tuple, now: float, owed: float) -> None:
        """A step of keys alone (key_alone.py) drew what changed in pane `index` of the screen's key, which
        is now `entry`; keys came (the loop keeps its pace a while). The caret (set going again by a key)
        blinks at the next whole step after its time: it is owed `owed` seconds of steps already."""
        more, panes, gui = self._key
        self._key = (more, panes[:index] + (entry,) + panes[index + 1:], gui)
        self._input_at = now
        blink = self.caret_due()
        looked_at, place, _ = self._looked
        self._looked = (looked_at, place, now + blink - owed if blink is not None else float("inf"))

    def picture_now(self, now: float, uncover: bool = False) -> Optional[pygame.Rect]:
        """Where a new game frame goes when it may be shown alone without looking again (the last look, within
        LOOK_EVERY_S and before the caret's blink, had the picture in the same uncovered place, and nothing
        asked for a look since); None: look first. uncover: when the last look had no new frame, whether
        pygame-gui covers the picture is asked now (nothing in it changed since that look)."""
        if self.look_now or self._key is None:
            return None
        looked_at, place, blink_at = self._looked
        picture = self.picture_only()
        if uncover and place is None and picture is not None:
            place = self.uncovered(picture)
            self._looked = (looked_at, place, blink_at)
        if picture is None or picture != place or now - looked_at >= LOOK_EVERY_S or now >= blink_at:
            return None
        self.picture, self.gui_moved, self.frames_coming = None, False, True
        return picture

    def _choose(self, events: list, results: bool, new_frame: bool) -> Tuple[str, List[pygame.Rect]]:
        """choose() without noting what it drew."""
        if any(event.type in INPUT_EVENTS for event in events):
            self._input_at = time.perf_counter()
        self.picture = None
        key, before = self.look(), self._key
        self._key, self.look_now = key, False
        picture = self.uncovered(self.picture_only()) if new_frame else None
        self.frames_coming = self.frames_coming and new_frame      # (a key typed meanwhile is not for pygame-gui)
        now, blink = time.perf_counter(), self.caret_due()
        self._looked = (now, picture, now + blink if blink is not None else float("inf"))
        if before is None:
            return WHOLE, []
        rects = None if results else changed_rects(before, key)
        if rects is None:
            return EVERYTHING, []
        if new_frame and picture is None:
            return EVERYTHING, []
        if not rects:
            return (PICTURE, [picture]) if picture is not None else (NOTHING, [])
        if picture is not None and picture.collidelist(rects) < 0:
            self.picture = picture
        return PARTS, merged(rects + ([picture] if picture is not None else []))

    def slice_s(self, typing: bool, rung: bool) -> float:
        """How often the sleeping loop looks for events (see look_every_s)."""
        return look_every_s(typing, rung, self.cost)

    def wait_s(self, now: Optional[float] = None) -> float:
        """How long the loop may sleep before the next frame (an event wakes it sooner)."""
        now = time.perf_counter() if now is None else now
        due = [s for s in (self.pace(), self.caret_due()) if s is not None]
        if now - self._input_at < AWAKE_AFTER_INPUT_S:
            due.append(1 / FPS)
        return max(GIVE_WAY * self.cost, min([IDLE_WAKE_S, *due]))


def look_every_s(typing: bool, rung: bool, cost: float) -> float:
    """How often the sleeping loop looks for events: INPUT_SLICE_S while a child types (typing: events came
    lately), unless a game's doorbell wakes it for each frame (rung) and its frames cost SHORT_CPU_S or more
    (a short CPU: the game's frames come first); else BELL_SLICE_S while the doorbell rings, SLICE_S without
    one. Pure."""
    if typing and not (rung and cost >= SHORT_CPU_S):
        return INPUT_SLICE_S
    return BELL_SLICE_S if rung else SLICE_S


class GuiTicker:
    """Runs pygame-gui's manager.update: at once when input for it came (the mouse, a window event, a key
    while one of its elements has the keyboard) or the last frame changed its elements or the window's
    state (an element's new look comes with the next updates), else GUI_TICK_S apart (LOOK_EVERY_S while
    a game's frames keep coming), given all the time since. Its hover checks cost as much as a small game's
    frame, and while a game plays the loop steps 60 times a second with nothing for them to see; keys
    typed in the editor are not for it."""

    def __init__(self, manager, pacer: "Pacer", first_update: Optional[Callable[[object, float], None]] = None,
                 calm: Callable[[], bool] = lambda: True):
        self.manager, self.pacer = manager, pacer
        self.calm = calm                    # resized elements' full rebuilds may happen now (gui_rebuilds.py)
        self.first_update = first_update    # the first update (the window's first frame), if not manager.update
        self.owed = 0.0
        self.input = True           # the first update always runs
        self.updates = 0

    def saw(self, events: list) -> None:
        """This frame's events: is any of them for pygame-gui?"""
        keys_for_it = bool(self.manager.get_focus_set())
        self.input = self.input or any(keys_for_it or event.type not in KEY_EVENTS for event in events)

    def due(self, dt: float) -> bool:
        """A tick given dt more seconds would run pygame-gui's update (a game's frame alone then waits)."""
        every = LOOK_EVERY_S if self.pacer.frames_coming else GUI_TICK_S
        return self.input or self.pacer.gui_moved or self.owed + dt >= every

    def tick(self, dt: float) -> None:
        due = self.due(dt)
        self.owed += dt
        if due:
            if self.updates == 0 and self.first_update is not None:
                self.first_update(self.manager, self.owed)
            else:
                _, rebuilt = gui_rebuilds.paced(self.manager.get_sprite_group().sprites(), self.owed, self.calm())
                self.manager.update(self.owed)
                if rebuilt:         # a resized element's full picture replaces its quick one, which may have
                    self.pacer.forget()     # spilled over its neighbours (the helper's text after Run): all again
            self.owed, self.input, self.pacer.look_now = 0.0, False, True
            self.updates += 1


def wait_for_events(timeout_s: float, slice_s: float = SLICE_S, woken: Callable[[], bool] = lambda: False,
                    bell: Callable[[], Optional[int]] = lambda: None) -> List:
    """The events that come within timeout_s (empty when none came, or when woken() said a step is due
    sooner: a new game frame), looking every slice_s and sleeping in between. With a doorbell (bell(): a
    file the game writes a byte to after each frame, runner/frames.py) it sleeps in select() on it: a
    frame wakes it at once, and woken() is asked only when the bell rang. pygame.event.wait(timeout) is
    not used: under X11 (Xvfb here) it did not come back after its timeout, so the window froze until the
    next event; on the dummy driver it wakes every millisecond."""
    deadline = time.perf_counter() + timeout_s
    while True:
        events = pygame.event.get()
        left = deadline - time.perf_counter()
        if events or left <= 0:
            return events
        fd = bell()
        if fd is None:
            if woken():
                return events
            time.sleep(min(slice_s, left))
        else:
            from kidcoder.runner.frames import rang     # loaded with the first game, not at start-up

            if rang(fd, min(slice_s, left)) and woken():
                return events


def run_loop(step: Callable, wait_s: Callable[[], float], running: Callable[[], bool],
             hand_over: Callable[[list], None], woken: Callable[[], bool] = lambda: False,
             bell: Callable[[], Optional[int]] = lambda: None,
             slice_s: Callable[[bool, bool], float] = lambda typing, rung: look_every_s(typing, rung, 0.0)) -> None:
    """step(dt) while running(), sleeping between steps until an event comes (given to hand_over()
    for the next step), woken() says a step is due (the game drew a new frame: it is shown at once, so
    none is skipped; bell(), when it gives one, is the game's doorbell: see wait_for_events) or wait_s()
    has passed (BELL_WAKE_S at least, with a doorbell), looking for events every slice_s(typing, rung)
    (Pacer.slice_s: while events come, a child types, more often, unless a game's doorbell wakes the loop
    for each frame anyway and the CPU is short: at 12.5% of a core the 4 ms looks cost the window a fifth
    of what it spent on each game frame)."""
    last, input_at = time.perf_counter(), -1e9
    while running():
        now = time.perf_counter()
        step(min(now - last, 0.5))
        last = now
        rung = bell() is not None
        events = wait_for_events(max(0.0, last + max(wait_s(), BELL_WAKE_S if rung else 0.0) - time.perf_counter()),
                                 slice_s(last - input_at < AWAKE_AFTER_INPUT_S, rung), woken, bell)
        if events:
            input_at = time.perf_counter()
        hand_over(events)
