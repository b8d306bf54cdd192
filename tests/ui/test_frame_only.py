"""While only the game's picture changes, the window shows each new frame alone (ui/frame_only.py), and
still takes the child's keys, shows what the game prints, notices its end and blinks the caret: a real
game in a child process, the real window and its real loop (redraw.run_loop) on the dummy driver."""
import time

import pygame

from kidcoder.ui.game_control import GameState
from kidcoder.ui.redraw import run_loop
from tests.ui.driver import key, run_until

COUNTING_GAME = """import pygame
pygame.init()
screen = pygame.display.set_mode((160, 120))
clock = pygame.time.Clock()
n = 0
while n < LAST:
    pygame.event.get()
    n += 1
    screen.fill((n % 250, 100, 0))
    pygame.display.flip()
    if n == 90:
        print("ninety frames")
    clock.tick(60)
print("the end")
"""


def loop(app, until, seconds=30.0):
    """The window's own loop (App.run without closing the window) until until() or the deadline."""
    deadline = time.monotonic() + seconds
    run_loop(app.step, app.pacer.wait_s, lambda: not until() and time.monotonic() < deadline,
             app._held_events.extend, app.playing.frame_due, app.playing.frame_bell, app.pacer.slice_s)
    assert until(), "the window's loop ran out of time"


def start(app, last: int):
    app.editor.set_text(COUNTING_GAME.replace("LAST", str(last)))
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="the first frames")
    app.set_focus("editor")         # the child goes back to typing while the game plays
    pygame.event.clear()


def shown_colour(app):
    """The colour in the middle of the game's picture, in the window itself."""
    return tuple(app.screen.get_at(pygame.Rect(app.preview.shown_box).center))[:3]


def test_frames_alone_are_shown_and_the_game_still_talks_and_ends(windows):
    app = windows()
    start(app, 150)
    alone = app.frame_only.steps
    loop(app, lambda: app.frame_only.steps >= alone + 30 and app.preview.frames_drawn >= 40)
    number = app.preview.shown_number
    assert shown_colour(app) == (number % 250, 100, 0)            # the newest frame shown is in the window
    loop(app, lambda: any("ninety frames" in line for line in app.console.lines))    # what it printed
    loop(app, lambda: app.games.state == GameState.ENDED)          # its end
    loop(app, lambda: any("the end" in line for line in app.console.lines))
    assert app.preview.message                                     # the kind words over its last picture


def test_keys_typed_while_frames_come_alone_reach_the_editor(windows):
    app = windows()
    start(app, 100000)
    loop(app, lambda: app.frame_only.steps >= 20)
    text = app.editor.get_text()
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="#"))
    loop(app, lambda: app.editor.get_text() != text, seconds=5.0)
    assert app.editor.get_text().count("#") == text.count("#") + 1 and app.games.live
    app.actions.do("stop")


def test_the_caret_blinks_while_frames_come_alone(windows):
    app = windows()
    start(app, 100000)
    seen, alone = set(), app.frame_only.steps
    deadline = time.monotonic() + 2.0       # the caret blinks every 0.5 s: it shows and hides in 2 s
    loop(app, lambda: seen.add(app.editor.view.cursor_shown) or time.monotonic() > deadline, seconds=5.0)
    assert seen == {True, False} and app.frame_only.steps > alone + 30
    app.actions.do("stop")
