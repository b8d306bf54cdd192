"""A game whose window comes late (it asked a question first, or the laptop is slow) loses the "no game window"
note as soon as its window comes."""
import pygame

from kidcoder.i18n import tr
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
