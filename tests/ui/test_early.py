"""The quick start (ui/early.py): the picture the last start kept of the whole window is the first frame,
pixel for pixel what the window draws; the editor takes keys before pygame-gui's elements exist, and
nothing typed or clicked meanwhile is lost; a picture kept for another size or language is not used."""
import os
import shutil
import subprocess
import sys
import threading

import pygame
import pytest

from kidcoder.config import Settings
from kidcoder.ui import first_frame
from kidcoder.ui.early import EarlyWindow, make_app, open_window
from kidcoder.ui.splash import open_display
from tests.ui.driver import close_app, run_until, step


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def saved():
    for thread in threading.enumerate():
        if thread.name == "kidcoder-first-frame":
            thread.join()


def frame_bytes(surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def first_start(settings, size):
    """A start with no picture kept: the splash, then the App; returns its first whole frame (now kept)."""
    marks = {}
    app = open_window(settings, size, marks=marks)
    assert "window_ready" not in marks              # the long way
    step(app)
    frame = frame_bytes(app.screen)
    close_app(app)
    saved()
    return frame


def second_start(settings, size=(1200, 900)):
    """A start after first_start(): the kept picture on screen and the early editor taking keys."""
    early = EarlyWindow.kept(open_display(size), settings)
    assert early is not None
    early.show()
    early.take_keys()
    return early


@pytest.mark.parametrize("size,lang", [((1200, 900), "en"), ((800, 600), "es")])
def test_the_kept_picture_is_the_window_and_the_window_after_it_is_the_same(home, size, lang):
    settings = Settings(language=lang)
    frame = first_start(settings, size)
    assert list((home / "cache" / first_frame.FOLDER).glob("*.png"))

    early = second_start(settings, size)
    assert frame_bytes(pygame.display.get_surface()) == frame          # the first picture: the whole window
    early.draw_editor(always=True)            # the early editor draws its box exactly as the window does
    assert frame_bytes(early.canvas) == frame

    app = make_app(settings, size, 0, early.pump)
    early.hand_over()
    step(app)
    assert frame_bytes(app.screen) == frame                 # pygame-gui's window, the same picture: no jump
    close_app(app)


def test_a_key_typed_before_the_elements_exist_reaches_the_editor(home):
    settings = Settings(language="en")
    first_start(settings, (1200, 900))
    early = second_start(settings)
    before = frame_bytes(early.canvas)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="x"))
    early.pump()
    assert early.editor.get_text().startswith("x# ")
    assert frame_bytes(early.canvas) != before           # shown at once, pygame-gui not even loaded
    assert frame_bytes(pygame.display.get_surface()) == frame_bytes(early.canvas)

    def between():          # at the first pause while the window loads no element exists yet
        if not typed:
            typed.append(pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="y")))
        early.pump()

    typed = []
    app = make_app(settings, (1200, 900), 0, between)
    assert early.editor.get_text().startswith("xy# ")         # shown before the App existed
    early.hand_over()
    step(app)
    assert app.editor.get_text() == early.editor.get_text()
    close_app(app)


def test_a_click_on_the_picture_is_a_click_on_the_button_once_it_exists(home):
    settings = Settings(language="en")
    first_start(settings, (1200, 900))
    early = second_start(settings)
    app = make_app(settings, (1200, 900), 0, early.pump)
    where = app.toolbar.buttons["ask"].get_abs_rect().center        # where the picture shows "Ask"
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=where, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=where, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=where, button=1))
    early.pump()
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="z"))   # after the click: the App's to place
    early.pump()
    assert not early.typing and "z" not in early.editor.get_text()     # the early editor took neither
    early.hand_over()
    run_until(app, lambda: app.focus == "question", what="the Ask button's click")
    assert "z" in app.editor.get_text() + app.helper.question.get_text()           # nothing was lost
    close_app(app)


@pytest.mark.parametrize("size,lang", [((800, 600), "en"), ((1200, 900), "es")])
def test_a_picture_kept_for_another_size_or_language_is_not_used(home, size, lang):
    first_start(Settings(language="en"), (1200, 900))
    assert EarlyWindow.kept(open_display(size), Settings(language=lang)) is None
    marks = {}
    app = open_window(Settings(language=lang), size, marks=marks)
    assert "window_ready" not in marks              # the splash and the long way
    step(app)
    close_app(app)
    saved()
    assert len(list((home / "cache" / first_frame.FOLDER).glob("*.png"))) == 2     # its own picture now


def test_the_quick_start_loads_no_pygame_gui_before_the_editor_takes_keys(home):
    from tests.ui.driver import fresh_python

    first_start(Settings(language="en"), (1200, 900))
    code = ("import os, sys; os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
            "from kidcoder.config import Settings\n"
            "from kidcoder.ui.early import EarlyWindow\n"
            "from kidcoder.ui.splash import open_display\n"
            "early = EarlyWindow.kept(open_display((1200, 900)), Settings(language='en'))\n"
            "early.show(); early.take_keys(); early.pump()\n"
            "print('pygame_gui' in sys.modules)")
    assert fresh_python(code) == "False"


def test_the_app_keeps_the_window_the_first_picture_is_in(home):
    """Setting the mode again blanked an X11 window (Xvfb: about a second of black at 12.5%) until the
    App's first frame: the App draws in the window the picture opened."""
    settings = Settings(language="en")
    first_start(settings, (1200, 900))
    early = second_start(settings)
    shown = pygame.display.get_surface()
    app = make_app(settings, (1200, 900), 0, early.pump)
    assert app.screen is shown and frame_bytes(shown) == frame_bytes(early.picture)     # still the picture
    early.hand_over()
    close_app(app)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt-get install xvfb)")
def test_the_first_picture_opens_the_window_without_opengl_on_a_real_display(home):
    """The window opened by the first picture loaded Mesa and LLVM (SDL's GL framebuffer: ~90 ms of processor
    time, a second on an XO) because only importing ui/app.py said not to."""
    code = ("import os, sys\n"
            "from kidcoder.ui.splash import open_display\n"
            "open_display((800, 600))\n"
            "maps = open('/proc/self/maps').read()\n"
            "print('libGL' in maps or 'libEGL' in maps or 'libLLVM' in maps)")
    env = {key: value for key, value in os.environ.items()
           if key not in ("SDL_VIDEODRIVER", "SDL_FRAMEBUFFER_ACCELERATION")}
    done = subprocess.run(["xvfb-run", "-a", sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-1500:]
    assert done.stdout.strip().splitlines()[-1] == "False"
