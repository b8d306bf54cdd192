"""A game whose window comes late (it asked a question first, or the laptop is slow) loses the "no game window"
note as soon as its window comes."""
import time

import pygame

from kidcoder.i18n import tr
from kidcoder.ui import playing
from tests.ui.driver import close_app, key, make_app, run_until, step


def test_the_no_window_note_goes_when_the_window_comes(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    app = make_app()
    try:
        app.editor.set_text("import time\nimport pygame\npygame.init()\ninput('Ready? ')\n"
                            "screen = pygame.display.set_mode((100, 100))\nwhile True:\n"
                            "    screen.fill((0, 120, 0))\n    pygame.display.flip()\n    time.sleep(0.02)\n")
        key(app, pygame.K_F5)
        run_until(app, lambda: app.console.waiting, what="the question")
        run_until(app, lambda: app.preview.message == tr("ui.preview.no_window"), what="the no-window note")
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="yes"))
        step(app)
        key(app, pygame.K_RETURN)
        run_until(app, lambda: app.preview.frames_drawn >= 3, what="the late window")
        assert app.preview.message == ""
        key(app, pygame.K_F6)
    finally:
        close_app(app)


def test_a_slow_start_is_not_called_a_program_without_a_window(tmp_path, monkeypatch):
    """On a slow laptop starting Python and pygame can take longer than NO_WINDOW_S: the note counts from the
    game's Ready (its own code begins), so a start that is only slow never gets it."""
    from kidcoder.runner import host
    from kidcoder.runner.protocol import Ready

    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    held = []
    note = host.GameProcess._note

    def hold_ready(game, message):           # the start looks slow: Ready is held back, as a busy XO holds it
        if isinstance(message, Ready) and not held:
            held.append(message)
            return
        note(game, message)

    monkeypatch.setattr(host.GameProcess, "_note", hold_ready)
    app = make_app()
    try:
        app.editor.set_text("name = input('What is your name? ')\nprint('Hello ' + name)\n")
        key(app, pygame.K_F5)
        run_until(app, lambda: app.console.waiting, what="the question")
        started = app.games.game.started_at
        run_until(app, lambda: time.monotonic() - started > 2 * playing.NO_WINDOW_S, what="time to pass")
        assert app.preview.message == ""                 # no Ready yet: nothing is said
        note(app.games.game, held[0])                    # the game's own code begins
        run_until(app, lambda: app.preview.message == tr("ui.preview.no_window"), what="the no-window note")
        key(app, pygame.K_F6)
    finally:
        close_app(app)
