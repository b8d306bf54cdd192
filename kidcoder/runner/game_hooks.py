"""Inside the game process: make an unmodified pygame program draw into the app's preview.

set_mode keeps working (on SDL's dummy driver, an off-screen surface); flip and
update publish that surface as a frame; input the app sends becomes real pygame
events, and key/mouse state functions answer from that input, since SDL's own
state never sees posted events.
"""
from __future__ import annotations

import os
import time
from typing import Callable, Set

STRIPPED_FLAGS = ("FULLSCREEN", "OPENGL", "SCALED", "NOFRAME")


class PressedKeys:
    """What pygame.key.get_pressed() returns in the preview: indexable by key constants."""

    def __init__(self, down: Set[int]):
        self._down = frozenset(down)

    def __getitem__(self, key) -> bool:
        return key in self._down

    def __len__(self) -> int:
        return 512

    def __iter__(self):
        return (i in self._down for i in range(512))


class GameHooks:
    """Installs the patches and keeps the input state. publish(surface) is called on every flip."""

    def __init__(self, pygame, publish: Callable, on_display: Callable, on_caption: Callable):
        self.pygame = pygame
        self._publish = publish
        self._on_display = on_display
        self._on_caption = on_caption
        self.keys_down: Set[int] = set()
        self.mods = 0
        self.mouse_pos = (0, 0)
        self.mouse_buttons = [False, False, False, False, False]
        self._mouse_rel = [0, 0]
        self.pending = []            # events waiting to be posted from the main thread
        self.original = {}

    # ---- input from the app -------------------------------------------------------------
    def queue_event(self, message) -> None:
        """Called from the command thread: remember state now, post the event on the main thread."""
        kind = type(message).__name__
        if kind == "KeyEvent":
            if message.action == "down":
                self.keys_down.add(message.key)
            else:
                self.keys_down.discard(message.key)
            self.mods = message.mod
        elif kind == "MouseMotion":
            self._mouse_rel[0] += message.pos[0] - self.mouse_pos[0]
            self._mouse_rel[1] += message.pos[1] - self.mouse_pos[1]
            self.mouse_pos = tuple(message.pos[:2])
        elif kind == "MouseButton":
            self.mouse_pos = tuple(message.pos[:2])
            if 1 <= message.button <= 5:
                self.mouse_buttons[message.button - 1] = message.action == "down"
        self.pending.append(message)

    def _event_for(self, message):
        pg = self.pygame
        kind = type(message).__name__
        if kind == "KeyEvent":
            etype = pg.KEYDOWN if message.action == "down" else pg.KEYUP
            return pg.event.Event(etype, key=message.key, mod=message.mod, unicode=message.unicode,
                                  scancode=message.scancode)
        if kind == "TextEvent":
            return pg.event.Event(pg.TEXTINPUT, text=message.text)
        if kind == "MouseMotion":
            return pg.event.Event(pg.MOUSEMOTION, pos=tuple(message.pos), rel=tuple(message.rel),
                                  buttons=tuple(message.buttons), touch=False)
        if kind == "MouseButton":
            etype = pg.MOUSEBUTTONDOWN if message.action == "down" else pg.MOUSEBUTTONUP
            return pg.event.Event(etype, pos=tuple(message.pos), button=message.button, touch=False)
        if kind == "MouseWheel":
            return pg.event.Event(pg.MOUSEWHEEL, x=message.x, y=message.y, flipped=False, touch=False)
        if kind == "QuitEvent":
            return pg.event.Event(pg.QUIT)
        return None

    def deliver(self) -> None:
        """Post waiting input into pygame's queue (main thread only)."""
        if not self.pending:
            return
        waiting, self.pending = self.pending, []
        for message in waiting:
            event = self._event_for(message)
            if event is None:
                continue
            try:
                self.original["post"](event)
            except Exception:   # display not initialised yet: the event is dropped, like SDL would
                pass

    # ---- patches ------------------------------------------------------------------------
    def install(self) -> None:
        pg = self.pygame
        display, event, key, mouse = pg.display, pg.event, pg.key, pg.mouse
        self.original = {
            "set_mode": display.set_mode, "flip": display.flip, "update": display.update,
            "set_caption": display.set_caption, "post": event.post, "get": event.get,
            "poll": event.poll, "wait": event.wait, "pump": event.pump, "peek": event.peek,
            "init": pg.init, "mixer_init": pg.mixer.init if hasattr(pg, "mixer") else None,
        }
        hooks = self

        def set_mode(size=(0, 0), flags=0, depth=0, display=0, vsync=0):
            for name in STRIPPED_FLAGS:
                flags &= ~getattr(pg, name, 0)
            size = tuple(size) if size else (0, 0)
            if not size or size[0] <= 0 or size[1] <= 0:
                size = (640, 480)
            surface = hooks.original["set_mode"](size, flags, depth)
            hooks._on_display(surface)
            return surface

        def flip():
            hooks.deliver()
            surface = display.get_surface()
            if surface is None:
                raise pg.error("video system not initialized" if not display.get_init()
                               else "Display mode not set")
            hooks._publish(surface)
            hooks.deliver()

        def update(*args, **kwargs):
            flip()

        def set_caption(title, icontitle=None):
            hooks.original["set_caption"](str(title), str(icontitle if icontitle is not None else title))
            hooks._on_caption(str(title))

        def get(*args, **kwargs):
            hooks.deliver()
            return hooks.original["get"](*args, **kwargs)

        def poll():
            hooks.deliver()
            return hooks.original["poll"]()

        def wait(timeout=0):
            # Never block forever: the app's input arrives through deliver().
            deadline = time.monotonic() + (timeout / 1000.0 if timeout else 1e9)
            while True:
                hooks.deliver()
                found = hooks.original["poll"]()
                if found.type != pg.NOEVENT:
                    return found
                if time.monotonic() >= deadline:
                    return found
                time.sleep(0.005)

        def pump(*args, **kwargs):
            hooks.deliver()
            return hooks.original["pump"](*args, **kwargs)

        def peek(*args, **kwargs):
            hooks.deliver()
            return hooks.original["peek"](*args, **kwargs)

        def get_pressed(*args, **kwargs):
            return PressedKeys(hooks.keys_down)

        def get_mods():
            return hooks.mods

        def mouse_get_pos(*args, **kwargs):
            return hooks.mouse_pos

        def mouse_get_pressed(num_buttons=3, *args, **kwargs):
            return tuple(hooks.mouse_buttons[:5 if num_buttons == 5 else 3])

        def mouse_get_rel():
            rel, hooks._mouse_rel = tuple(hooks._mouse_rel), [0, 0]
            return rel

        def init(*args, **kwargs):
            result = hooks.original["init"](*args, **kwargs)
            _make_sound_work(pg)
            return result

        def mixer_init(*args, **kwargs):
            try:
                return hooks.original["mixer_init"](*args, **kwargs)
            except pg.error:
                os.environ["SDL_AUDIODRIVER"] = "dummy"
                return hooks.original["mixer_init"](*args, **kwargs)

        display.set_mode = set_mode
        display.flip = flip
        display.update = update
        display.set_caption = set_caption
        display.toggle_fullscreen = lambda *a, **k: 0
        event.get = get
        event.poll = poll
        event.wait = wait
        event.pump = pump
        event.peek = peek
        key.get_pressed = get_pressed
        key.get_mods = get_mods
        mouse.get_pos = mouse_get_pos
        mouse.get_pressed = mouse_get_pressed
        mouse.get_rel = mouse_get_rel
        pg.init = init
        if self.original["mixer_init"] is not None:
            pg.mixer.init = mixer_init


def _make_sound_work(pg) -> None:
    """After pygame.init(): if there is no sound device, use the silent driver so mixer calls work."""
    mixer = getattr(pg, "mixer", None)
    if mixer is None:
        return
    try:
        if mixer.get_init():
            return
    except Exception:
        return
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    try:
        mixer.init()
    except Exception:
        pass


def uses_pygame(source: str, folder: str = "") -> bool:
    """Cheap check so plain Python programs start without loading pygame: the program, or one of
    the modules beside it that it may import, mentions pygame."""
    if "pygame" in source:
        return True
    if not folder:
        return False
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".py")][:50]
    except OSError:
        return False
    for name in names:
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                if "pygame" in f.read(200_000):
                    return True
        except OSError:
            continue
    return False


class FastClock:
    """pygame.time.Clock for automatic checks: tick(fps) never sleeps, but the game's clock
    (get_ticks, the value tick returns) moves as if each frame took 1/fps seconds, so timers
    and speeds behave as they would for a child, only sooner."""

    virtual_ms = 0.0          # shared by every FastClock: how far game time is ahead of real time

    def __init__(self, real_ticks):
        self._real_ticks = real_ticks
        self._last = None
        self._time = 0
        self._raw = 0
        self._fps_times = []

    def _now(self) -> float:
        return self._real_ticks() + FastClock.virtual_ms

    def tick(self, framerate=0):
        now = self._now()
        raw = 0 if self._last is None else now - self._last
        if framerate and framerate > 0 and raw < 1000.0 / framerate:
            FastClock.virtual_ms += 1000.0 / framerate - raw
            now = self._now()
        elapsed = 0 if self._last is None else now - self._last
        self._last = now
        self._raw, self._time = int(raw), int(round(elapsed))
        self._fps_times = (self._fps_times + [elapsed])[-10:]
        return self._time

    tick_busy_loop = tick

    def get_time(self):
        return self._time

    def get_rawtime(self):
        return self._raw

    def get_fps(self):
        total = sum(self._fps_times)
        return 1000.0 * len(self._fps_times) / total if total else 0.0


def install_fast_clock(pg) -> None:
    """Make waiting free in a check run: Clock.tick, time.delay/wait and get_ticks use game time."""
    real_ticks = pg.time.get_ticks

    def get_ticks():
        return int(real_ticks() + FastClock.virtual_ms)

    def skip(milliseconds):
        FastClock.virtual_ms += max(0, int(milliseconds))
        return int(milliseconds)

    pg.time.Clock = lambda: FastClock(real_ticks)
    pg.time.get_ticks = get_ticks
    pg.time.delay = skip
    pg.time.wait = skip
