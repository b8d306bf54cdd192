"""While a game plays, a game that fits is shown at its own size: the game's column widens, the editor
keeps room for code, and when the game stops everything goes back (real window, real game process)."""
import pygame
import pytest

from kidcoder.ui.layout import EDITOR_PLAY_MIN_W, compute_layout
from tests.ui.driver import close_app, key, make_app, run_until, step

GAME = """import pygame
pygame.init()
screen = pygame.display.set_mode((600, 400))
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
    screen.fill((0, 0, 255))
    pygame.draw.rect(screen, (255, 255, 0), (0, 0, 1, 1))
    pygame.display.flip()
    clock.tick(60)
"""
LONG = "\n".join(f"# line {n}: " + "words " * 12 for n in range(80))


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))


def counted_relayouts(app):
    calls = []
    real = app.relayout
    app.relayout = lambda size: (calls.append(app.games.live), real(size))
    return calls


def test_a_game_that_fits_plays_pixel_for_pixel_and_the_window_comes_back_after(home):
    app = make_app((1200, 900))
    try:
        rest = app.layout
        app.editor.set_text(GAME + LONG)
        view = app.editor.view
        view.buffer.cursor = (60, 30)
        view.ensure_cursor_visible()
        top = view.top
        app.helper.show("Hello", "The helper's words stay.")
        calls = counted_relayouts(app)
        key(app, pygame.K_F5)
        run_until(app, lambda: app.preview.frames_drawn >= 3, what="frames in the preview")
        assert calls == [True, True]          # the game started, then it said its size: two moves, no more
        shown = app.preview.shown_box
        assert (shown.w, shown.h) == (600, 400)           # no scaling: one blit a frame
        assert app.layout.editor.w == 1200 - 3 * 6 - 608 >= EDITOR_PLAY_MIN_W
        assert app.layout.dock.h >= 200 and app.layout.dock.w == app.layout.preview.w == 608
        assert tuple(app.screen.get_at((shown.x, shown.y)))[:3] == (255, 255, 0)   # its top-left pixel, there
        assert tuple(app.screen.get_at((shown.x + 1, shown.y + 1)))[:3] == (0, 0, 255)
        assert app.focus == "preview" and app.helper.page.text == "The helper's words stay."
        assert app.editor.get_text() == GAME + LONG and view.buffer.cursor == (60, 30) and view.top == top

        key(app, pygame.K_F6)
        step(app, 2)
        assert app.layout == rest                         # stopped: the resting window, as before the game

        calls.clear()
        drawn = app.preview.frames_drawn
        key(app, pygame.K_F5)                             # the same game again: it keeps its size, one move
        run_until(app, lambda: app.games.live and app.preview.frames_drawn >= drawn + 3, what="the second run")
        assert calls == [True] and app.preview.shown_box.w == 600
        key(app, pygame.K_ESCAPE)                         # back to the code: the game still plays at its size
        step(app, 2)
        assert app.focus == "editor" and app.preview.shown_box.w == 600
    finally:
        close_app(app)


def test_on_a_small_screen_the_game_is_scaled_as_before(home):
    app = make_app((800, 600))
    try:
        app.editor.set_text(GAME)
        key(app, pygame.K_F5)
        run_until(app, lambda: app.preview.frames_drawn >= 3, what="frames in the preview")
        assert app.layout.editor == compute_layout(800, 600, toolbar_rows=app.layout.toolbar_rows,
                                                   change_row=True, playing=True).editor
        assert app.preview.shown_box.w < 600
    finally:
        close_app(app)
