"""What the start keeps of the window's first frame (ui/early.py keeper, ui/first_frame.py save): a picture
that did not change is not written again, and the comparison that decides it is the writer thread's, not
the window's (it read and compared 4.3 MB before the window's next frames); a window the window manager
resized before its first frame is kept under its real size's key (it was filed under the size it was
opened at, where no start could use it). Real pygame on the dummy driver, real files."""
import builtins
import io
import threading

import pygame
import pytest

from kidcoder.config import Settings
from kidcoder.ui import first_frame
from kidcoder.ui.early import EarlyWindow, open_window
from kidcoder.ui.splash import open_display
from tests.ui.driver import close_app, step
from tests.ui.test_early import first_start, frame_bytes, home, kept_files, saved  # noqa: F401  (a fixture)


def reads_of_kept_pictures(monkeypatch):
    """Every opening of a kept picture's pixels from now: the name of the thread that opened it."""
    opened = []

    def watched(real):
        def open_(file, *args, **kwargs):
            if str(file).endswith(first_frame.PIXELS):
                opened.append(threading.current_thread().name)
            return real(file, *args, **kwargs)
        return open_

    monkeypatch.setattr(builtins, "open", watched(builtins.open))
    monkeypatch.setattr(io, "open", watched(io.open))     # (pathlib's read_bytes opens through io.open)
    return opened


def test_the_picture_shown_is_compared_on_the_writer_thread_and_not_written_again(home, monkeypatch):
    settings = Settings(language="en")
    first_start(settings, (1200, 900))
    pixels, _note = kept_files(home)
    before = pixels.stat()
    marks = {}
    app = open_window(settings, (1200, 900), marks=marks)
    assert "window_ready" in marks                      # the kept picture was shown
    opened = reads_of_kept_pictures(monkeypatch)
    step(app)                                           # the App's first frame: the same picture, kept() runs
    ui_thread = threading.current_thread().name
    saved()
    monkeypatch.undo()
    assert ui_thread not in opened, "the window's thread read the kept picture to compare it"
    assert opened, "nobody compared the picture with the one kept"
    after = pixels.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)     # not written again
    close_app(app)


def test_a_picture_that_differs_from_the_one_kept_is_written(home):
    screen = open_display((800, 600))
    screen.fill((200, 120, 40))
    first_frame.save(screen, "the key", {"editor": [0, 0, 10, 10]}).join()
    (pixels,) = (home / "cache" / first_frame.FOLDER).glob("*" + first_frame.PIXELS)
    inode = pixels.stat().st_ino
    first_frame.save(screen, "the key", {"editor": [0, 0, 10, 10]}, unless_same=True).join()
    assert pixels.stat().st_ino == inode                 # the same bytes: left as it was
    screen.set_at((799, 599), (1, 2, 3))                 # one pixel, the very last one
    first_frame.save(screen, "the key", {"editor": [0, 0, 10, 10]}, unless_same=True).join()
    assert pixels.stat().st_ino != inode and first_frame.same("the key", screen)
    screen.fill((0, 0, 0))
    assert first_frame.load_into("the key", screen) is not None and tuple(screen.get_at((799, 599)))[:3] == (1, 2, 3)


@pytest.mark.parametrize("told", [True, False])
def test_a_window_resized_before_its_first_frame_is_kept_under_its_real_size(home, told):
    """told: the App heard of the resize before its first frame (it draws for the new size, and that is
    kept under the new size's key); not told: the frame was drawn for the old size in a window of the new
    one, and nothing is kept."""
    settings = Settings(language="en")
    app = open_window(settings, (1200, 900), marks={})
    pygame.display.set_mode((800, 600), pygame.RESIZABLE)   # the window manager's size, before the first frame
    assert app.screen.get_size() == (800, 600)
    pygame.event.clear()                                    # (SDL's own word of it)
    if told:
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(800, 600), w=800, h=600))
    step(app)
    frame = frame_bytes(app.screen)
    close_app(app)
    saved()
    assert EarlyWindow.kept(open_display((1200, 900)), settings) is None      # nothing under the size it opened at
    folder = home / "cache" / first_frame.FOLDER
    if not told:
        assert not list(folder.glob("*" + first_frame.PIXELS))
        return
    early = EarlyWindow.kept(open_display((800, 600)), settings)
    assert early is not None and frame_bytes(pygame.display.get_surface()) == frame
