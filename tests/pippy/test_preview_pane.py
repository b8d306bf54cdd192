"""In the real window (dummy video driver), a full-screen Pippy game fills the preview pane exactly."""
import pygame
import pytest

from tests.ui.driver import close_app, key, make_app, run_until

FULL_SCREEN_PIPPY = """import pippy
import pygame
pygame.init()
screen = pygame.display.set_mode((0, 0), pygame.NOFRAME | pygame.FULLSCREEN)
width, height = screen.get_size()
while pippy.pygame.next_frame():
    pygame.event.get()
    screen.fill((0, 0, 0))
    pygame.draw.rect(screen, (255, 255, 0), (width - 10, height - 10, 10, 10))
    pygame.display.flip()
"""


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    window = make_app(size=(1200, 900))
    yield window
    close_app(window)


def test_a_full_screen_game_is_as_big_as_the_preview(app):
    app.editor.set_text(FULL_SCREEN_PIPPY)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.last_frame is not None, what="a frame")
    area = app.preview.area
    assert app.games.game.size == (area.w, area.h)
    shown = app.preview.shown_box
    assert (shown.w, shown.h) == (area.w, area.h)              # shown at its own size: no bars, no scaling
    frame = app.preview.last_frame
    assert tuple(frame.get_at((area.w - 5, area.h - 5)))[:3] == (255, 255, 0)   # the game's own corner
    key(app, pygame.K_F6)
