"""The window sleeps until the game rings its doorbell after a frame (runner/frames.py), and shows the
game's last frame: a real game in a child process, the real window on the dummy driver."""
import time

import pygame

from kidcoder.ui.redraw import wait_for_events
from tests.ui.driver import centre_colour, key, run_until

SIX_FRAMES_THEN_WAIT = """import pygame, time
pygame.init()
screen = pygame.display.set_mode((160, 120))
for n in range(1, 7):
    time.sleep(0.2)
    screen.fill((n * 40, 0, 0))
    pygame.display.flip()
while pygame.event.wait().type != pygame.QUIT:
    pass
"""
LONG_S = 20.0          # a wait this long ends before the deadline only when something woke it


def test_the_window_sleeps_until_the_game_draws_and_shows_its_last_frame(windows):
    app = windows()
    app.editor.set_text(SIX_FRAMES_THEN_WAIT)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 1, what="the first frame")
    assert app.playing.frame_bell() is not None
    app.set_focus("editor")
    pygame.event.clear()
    deadline = time.monotonic() + 15
    while app.preview.shown_number < 6:
        # Only an event or the doorbell can end a wait this long (and the game sends no event)
        wait_for_events(LONG_S, LONG_S, app.playing.frame_due, app.playing.frame_bell)
        assert time.monotonic() < deadline
        app.step(0.0)
    assert app.preview.frames_drawn <= 6 and centre_colour(app) == (240, 0, 0)    # the last frame, shown
    assert not app.playing.frame_due()
    app.actions.do("stop")
    run_until(app, lambda: not app.games.live, what="the game stopped")
    assert app.playing.frame_bell() is None


def test_without_a_game_the_loop_sleeps_its_slices(windows):
    app = windows()
    assert app.playing.frame_bell() is None and not app.playing.frame_due()
    pygame.event.clear()
    started = time.perf_counter()
    assert wait_for_events(0.05, 0.01, app.playing.frame_due, app.playing.frame_bell) == []
    assert time.perf_counter() - started >= 0.05
