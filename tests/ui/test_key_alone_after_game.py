"""The keyboard leaving a running game for the editor (Esc, as a child does after Run; the benchmark's typist
too) draws the panes it left and entered and where the focus ring was and is, not the whole window, and the
first letter typed after it is a step of keys alone (ui/key_alone.py): before, the keyboard's move drew
everything and the letter after it waited for pygame-gui's update, so the first key after each start was the
slowest. The focus ring moving between buttons sends where it was too. A real game in a child process, the
real window on the dummy driver; what was sent is compared pixel for pixel with a full drawing."""
import pygame
import pytest

from tests.ui.driver import key, run_until
from tests.ui.test_key_alone import slow_machine, typed, whole_step  # noqa: F401  (a fixture)
from tests.ui.test_redraw import GAME, Sent, settle


def playing_with_the_keys(windows, size):
    """A window whose game plays with the keyboard (as after F5), settled, a whole step just done;
    app.updates counts the whole steps' update() from now."""
    app = windows(size=size)
    app.editor.set_text(GAME)
    app.editor.view.buffer.set_cursor((0, len(app.editor.view.buffer.lines[0])))
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="game frames")
    assert app.focus == "preview"
    settle(app)
    whole_step(app)
    update, app.updates = app.update, []
    app.update = lambda dt: app.updates.append(dt) or update(dt)
    return app


@pytest.mark.parametrize("size", [(1200, 900), (800, 600)])
def test_the_keyboard_leaving_the_game_draws_two_panes_and_the_next_letter_is_alone(windows, slow_machine, size):
    app = playing_with_the_keys(windows, size)
    sent = Sent(app)
    sent.screen = app.screen.copy()
    draw, drawn = app.draw, []
    app.draw = lambda part=None: drawn.append(part) or draw(part)
    key(app, pygame.K_ESCAPE)
    assert app.focus == "editor"
    app.draw = draw
    assert drawn and None not in drawn, "the keyboard's move drew the whole window"
    toolbar = app.toolbar.rect.inflate(0, -20)     # (inside it: the editor's ring reaches a little above it)
    assert not any(part.colliderect(toolbar) for part in drawn), drawn
    assert any(part.contains(app.editor.rect) for part in drawn) and any(
        part.colliderect(app.preview.rect) for part in drawn), drawn
    sent.take()
    assert sent.matches_a_full_drawing()           # the ring left the game's pane and goes round the editor
    rects, alone = typed(app, sent, "a")
    assert alone, "the first letter after the keyboard left the game took a whole step"
    assert app.editor.view.buffer.lines[0].endswith("a")
    assert sent.matches_a_full_drawing()
    app.actions.do("stop")


def test_the_focus_ring_moving_between_buttons_is_drawn_where_it_was_and_is(windows):
    app = windows()
    app.set_focus("tb:" + app.toolbar.order[0])
    settle(app)
    whole_step(app)
    sent = Sent(app)
    sent.screen = app.screen.copy()
    order = app.keyboard.order()
    for _ in range(3):
        before = app.focus
        key(app, pygame.K_RIGHT)
        assert app.focus != before and app.focus in order
        assert sent.matches_a_full_drawing(), f"{before} to {app.focus}"
    key(app, pygame.K_ESCAPE)
    assert app.focus == "editor" and sent.matches_a_full_drawing()
