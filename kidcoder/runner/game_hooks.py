"""Inside the game process: make an unmodified pygame program draw into the app's preview.

set_mode keeps working (on SDL's dummy driver, an off-screen surface); flip and
update publish that surface as a frame; input the app sends becomes real pygame
events, and the key/mouse state functions answer from game_input.InputState.
Every hook hands unusual arguments to pygame's own function, so a child's
mistake gets pygame's own error message, not one about KidCoder.
"""
from __future__ import annotations

import builtins
import os
import re
import sys
import time
from typing import Callable, Optional

from kidcoder.runner import protocol
from kidcoder.runner.game_input import InputState, PressedKeys
from kidcoder.runner.protocol import Press

PYGAME_OUTSIDE_COMMENTS = re.compile(r"^[^#\n]*pygame", re.M)

STRIPPED_FLAGS = ("FULLSCREEN", "OPENGL", "SCALED", "NOFRAME")
DEFAULT_SIZE = (640, 480)


class GameHooks:
    """Installs the patches. publish(surface) runs on every flip; on_wait when the game waits for events."""

    def __init__(self, pygame, publish: Callable, on_display: Callable, on_caption: Callable,
                 on_wait: Optional[Callable] = None, screen_size: tuple = DEFAULT_SIZE):
        self.pygame = pygame
        self._publish = publish
        self._on_display = on_display
        self._on_caption = on_caption
        self._on_wait = on_wait or (lambda: None)
        self.screen_size = tuple(screen_size)    # what a full-screen set_mode((0, 0)) gets: the preview's size
        self.input = InputState()
        self.original = {}

    # ---- input from the app -------------------------------------------------------------
    def queue_event(self, message) -> None:
        """Called from the command thread: state changes now, the event is posted on the main thread."""
        self.input.record(message)

    def _event_for(self, message):
        pg = self.pygame
        if isinstance(message, protocol.KeyEvent):
            etype = pg.KEYDOWN if message.action == Press.DOWN else pg.KEYUP
            return pg.event.Event(etype, key=message.key, mod=message.mod, unicode=message.unicode,
                                  scancode=message.scancode)
        if isinstance(message, protocol.TextEvent):
            return pg.event.Event(pg.TEXTINPUT, text=message.text)
        if isinstance(message, protocol.MouseMotion):
            return pg.event.Event(pg.MOUSEMOTION, pos=tuple(message.pos), rel=tuple(message.rel),
                                  buttons=tuple(message.buttons), touch=False)
        if isinstance(message, protocol.MouseButton):
            etype = pg.MOUSEBUTTONDOWN if message.action == Press.DOWN else pg.MOUSEBUTTONUP
            return pg.event.Event(etype, pos=tuple(message.pos), button=message.button, touch=False)
        if isinstance(message, protocol.MouseWheel):
            return pg.event.Event(pg.MOUSEWHEEL, x=message.x, y=message.y, flipped=False, touch=False)
        if isinstance(message, protocol.QuitEvent):
            return pg.event.Event(pg.QUIT)
        return None

    def deliver(self, new_round: bool = False) -> None:
        """Post waiting input into pygame's queue (main thread only). new_round: the game is
        reading its events now, so "just pressed" starts again from what arrived since last time."""
        for message in self.input.take_pending():
            event = self._event_for(message)
            if event is None:
                continue
            try:
                self.original["post"](event)
            except Exception:   # display not initialised yet: the event is dropped, like SDL would
                pass
        if new_round:
            self.input.new_event_round()

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
        hooks, state = self, self.input

        def set_mode(*args, **kwargs):
            args = list(args)
            size = args[0] if args else kwargs.get("size", (0, 0))
            try:
                if len(size) == 2 and size[0] == 0 and size[1] == 0:
                    size = hooks.screen_size     # "the whole screen" is the preview pane
            except TypeError:
                pass                             # pygame itself says what is wrong with size
            if args:
                args[0] = size
            else:
                kwargs["size"] = size
            flags = args[1] if len(args) > 1 else kwargs.get("flags", 0)
            if isinstance(flags, int):
                for name in STRIPPED_FLAGS:
                    flags &= ~getattr(pg, name, 0)
                if len(args) > 1:
                    args[1] = flags
                elif "flags" in kwargs:
                    kwargs["flags"] = flags
            surface = hooks.original["set_mode"](*args, **kwargs)
            hooks._on_display(surface)
            return surface

        def flip(*args, **kwargs):
            if args or kwargs:
                return hooks.original["flip"](*args, **kwargs)   # pygame's own error for odd arguments
            hooks.deliver()
            surface = display.get_surface()
            if surface is None:
                return hooks.original["flip"]()                  # pygame's own "not initialized" error
            hooks._publish(surface)
            hooks.deliver()

        def update(*args, **kwargs):
            flip()

        def set_caption(*args, **kwargs):
            result = hooks.original["set_caption"](*args, **kwargs)
            title = args[0] if args else kwargs.get("title", "")
            hooks._on_caption(str(title))
            return result

        def get(*args, **kwargs):
            hooks.deliver(new_round=True)
            return hooks.original["get"](*args, **kwargs)

        def poll(*args, **kwargs):
            hooks.deliver(new_round=True)
            return hooks.original["poll"](*args, **kwargs)

        def wait(timeout=0):
            # Never block in SDL: the app's input arrives through deliver().
            deadline = time.monotonic() + (timeout / 1000.0 if timeout else 1e9)
            told = False
            while True:
                hooks.deliver(new_round=True)
                found = hooks.original["poll"]()
                if found.type != pg.NOEVENT or time.monotonic() >= deadline:
                    return found
                if not told:
                    hooks._on_wait()
                    told = True
                time.sleep(0.005)

        def pump(*args, **kwargs):
            hooks.deliver(new_round=True)
            return hooks.original["pump"](*args, **kwargs)

        def peek(*args, **kwargs):
            hooks.deliver()
            return hooks.original["peek"](*args, **kwargs)

        def mixer_init(*args, **kwargs):
            try:
                return hooks.original["mixer_init"](*args, **kwargs)
            except pg.error:
                os.environ["SDL_AUDIODRIVER"] = "dummy"
                return hooks.original["mixer_init"](*args, **kwargs)

        def init(*args, **kwargs):
            result = hooks.original["init"](*args, **kwargs)
            _make_sound_work(pg)
            return result

        display.set_mode = set_mode
        display.flip = flip
        display.update = update
        display.set_caption = set_caption
        display.toggle_fullscreen = lambda *a, **k: 0
        event.get, event.poll, event.wait, event.pump, event.peek = get, poll, wait, pump, peek
        key.get_pressed = lambda *a, **k: PressedKeys(state.keys_down)
        key.get_mods = lambda *a, **k: state.mods
        if hasattr(key, "get_just_pressed"):
            key.get_just_pressed = lambda *a, **k: PressedKeys(state.just["keys_pressed"])
            key.get_just_released = lambda *a, **k: PressedKeys(state.just["keys_released"])
        mouse.get_pos = lambda *a, **k: state.mouse_pos
        mouse.get_rel = lambda *a, **k: state.mouse_rel()
        mouse.get_pressed = lambda num_buttons=3, *a, **k: state.buttons("held", 5 if num_buttons == 5 else 3)
        if hasattr(mouse, "get_just_pressed"):
            mouse.get_just_pressed = lambda *a, **k: state.buttons("just_pressed", 5)
            mouse.get_just_released = lambda *a, **k: state.buttons("just_released", 5)
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


def uses_pygame(source: str) -> bool:
    """Cheap check so plain Python programs start without loading pygame (a module the program
    imports can still bring pygame in: see hook_when_imported). A comment that names pygame does not
    count: the probe would take a program that only prints for a game that closes at once."""
    return PYGAME_OUTSIDE_COMMENTS.search(source) is not None


def hook_when_imported(install: Callable[[object], None]) -> None:
    """Call install(pygame) right after pygame is first imported, from any module of the program."""
    original_import = builtins.__import__

    def importing(name, globals=None, locals=None, fromlist=(), level=0):
        module = original_import(name, globals, locals, fromlist, level)
        pygame = sys.modules.get("pygame")
        if pygame is not None and not getattr(getattr(pygame, "__spec__", None), "_initializing", False) \
                and hasattr(pygame, "display"):
            builtins.__import__ = original_import
            install(pygame)
        return module

    builtins.__import__ = importing
