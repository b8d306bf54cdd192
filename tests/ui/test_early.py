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
    assert list((home / "cache" / first_frame.FOLDER).glob("*" + first_frame.PIXELS))

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
    assert len(list((home / "cache" / first_frame.FOLDER).glob("*" + first_frame.PIXELS))) == 2   # its own now


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
    picture = frame_bytes(shown)
    app = make_app(settings, (1200, 900), 0, early.pump)
    assert app.screen is shown and frame_bytes(shown) == picture     # still the picture
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


def kept_files(home):
    folder = home / "cache" / first_frame.FOLDER
    (pixels,) = folder.glob("*" + first_frame.PIXELS)
    return pixels, pixels.with_suffix(".json")


def test_the_kept_picture_is_read_back_pixel_for_pixel(home):
    """The picture is kept as the window's own bytes: what the next start reads into its window is exactly
    what the window drew (every pixel, not a look-alike)."""
    screen = open_display((800, 600))
    for x in range(0, 800, 7):                      # a picture no two starts could draw by chance
        pygame.draw.line(screen, ((x * 5) % 256, (x * 3) % 256, x % 256), (x, 0), (799 - x, 599))
    expected = frame_bytes(screen)
    first_frame.save(screen, "the key", {"editor": [0, 0, 10, 10]}).join()
    screen.fill((0, 0, 0))
    note = first_frame.load_into("the key", screen)
    assert note["editor"] == [0, 0, 10, 10] and note["format"] == first_frame.pixel_format(screen)
    assert frame_bytes(screen) == expected
    assert first_frame.same("the key", screen)
    screen.set_at((400, 300), (1, 2, 3))
    assert not first_frame.same("the key", screen)
    assert first_frame.load_into("another key", screen) is None


def damage_cut(pixels, note):
    pixels.write_bytes(pixels.read_bytes()[:-4800])         # the last row never written


def damage_zeros(pixels, note):
    pixels.write_bytes(bytes(pixels.stat().st_size))         # the right size, nothing in it (a power cut)


def damage_longer(pixels, note):
    pixels.write_bytes(pixels.read_bytes() + b"x")


def damage_note(pixels, note):
    note.write_text("{not json", encoding="utf-8")


def damage_format(pixels, note):
    import json

    data = json.loads(note.read_text(encoding="utf-8"))
    data["format"]["masks"] = list(reversed(data["format"]["masks"]))     # a window of another pixel format
    note.write_text(json.dumps(data), encoding="utf-8")


def damage_gone(pixels, note):
    pixels.unlink()


@pytest.mark.parametrize("damage", [damage_cut, damage_zeros, damage_longer, damage_note, damage_format,
                                    damage_gone])
def test_a_damaged_kept_picture_is_not_shown_and_the_splash_is(home, damage):
    settings = Settings(language="en")
    first_start(settings, (1200, 900))
    damage(*kept_files(home))
    assert EarlyWindow.kept(open_display((1200, 900)), settings) is None
    marks = {}
    app = open_window(settings, (1200, 900), marks=marks)
    assert "window_ready" not in marks and "first_present" in marks      # the splash, then the long way
    step(app)
    close_app(app)
    saved()
    pixels, _note = kept_files(home)                                      # a whole picture kept again
    assert EarlyWindow.kept(open_display((1200, 900)), settings) is not None


def test_a_picture_an_earlier_version_kept_is_cleared_away(home):
    folder = home / "cache" / first_frame.FOLDER
    folder.mkdir(parents=True)
    (folder / "0badf00d.png").write_bytes(b"an old picture")
    (folder / "0badf00d.json").write_text("{}", encoding="utf-8")
    first_start(Settings(language="en"), (800, 600))
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", first_frame.PIXELS]


def test_a_picture_that_could_not_be_written_leaves_nothing_behind(home, monkeypatch):
    """A full disk while the picture is written: the half-written file goes (4 MB a start, on a small disk);
    a half-written file an hour old, from a start that was killed, is cleared away by the next save."""
    screen = open_display((800, 600))
    screen.fill((200, 120, 40))                             # (a black picture is taken for a zeroed file)
    folder = home / "cache" / first_frame.FOLDER
    folder.mkdir(parents=True)
    killed = folder / "0badf00d.1234.tmp"
    killed.write_bytes(b"half a picture")
    os.utime(killed, (1, 1))

    def disk_full(pixels):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(first_frame, "_sample", disk_full)     # after the pixels went into the file
        first_frame.save(screen, "the key", {"editor": [0, 0, 10, 10]}).join()
    assert not list(folder.glob("*.tmp.*")) and sorted(p.name for p in folder.iterdir()) == [killed.name]
    first_frame.save(screen, "the key", {"editor": [0, 0, 10, 10]}).join()
    assert not list(folder.glob("*.tmp")) and first_frame.load_into("the key", screen) is not None
