"""Resized pygame-gui elements are drawn again in full one per update, and not while the helper lays out
text (gui_rebuilds.py; real pygame-gui elements in a real window on the dummy driver)."""
from kidcoder.ui import gui_rebuilds
from tests.ui.driver import step
from tests.ui.test_text_feed import answer


def resized_lines(app):
    """The question box and the change box, a little wider (as when a game starts): their shapes' full
    rebuilds are due at once."""
    lines = [app.helper.question, app.panes["change"].entry]
    for line in lines:
        line.set_dimensions((line.relative_rect.width + 40, line.relative_rect.height))
        line.drawable_shape.full_rebuild_countdown = 0.0
    return [line.drawable_shape for line in lines]


def pending(shapes):
    return sum(shape.should_trigger_full_rebuild for shape in shapes)


def test_two_resized_text_lines_are_drawn_again_in_two_updates_and_none_while_not_calm(windows):
    app = windows(lang="en", size=(1200, 900))
    shapes = resized_lines(app)
    assert pending(shapes) == 2
    sprites = app.manager.get_sprite_group().sprites()
    assert gui_rebuilds.pace(sprites, 0.1, calm=False) >= 2
    app.manager.update(0.1)
    assert pending(shapes) == 2                    # put off: the helper is laying text out
    for left in (1, 0):
        gui_rebuilds.pace(sprites, 0.1, calm=True)
        app.manager.update(0.1)
        assert pending(shapes) == left


def test_the_window_puts_them_off_while_an_answer_is_laid_out(windows):
    app = windows(lang="en", size=(1200, 900))
    shapes = resized_lines(app)
    app.helper.show_answer(*answer("en", "bouncing"))
    frames = 0
    while app.helper.laying_out:
        step(app)
        frames += 1
        assert pending(shapes) == 2 or not app.helper.laying_out
    assert frames > 1
    step(app, 30)                                  # (pygame-gui's updates come every few frames)
    assert pending(shapes) == 0


def test_after_a_full_rebuild_the_window_is_drawn_whole_once(windows):
    """A resized element's quick picture may spill over its neighbours until its full one comes (the helper's
    text over the question line, seen after Run): the step after the rebuild draws the whole window."""
    app = windows(lang="en", size=(1200, 900))
    step(app, 30)
    assert app.pacer.last_key() is not None        # settled: steps draw only what changed
    shapes = resized_lines(app)
    while pending(shapes):
        app.gui.tick(0.1)
        if pending(shapes) < 2:
            break
    assert app.pacer.last_key() is None            # forget(): the next step draws everything, sent whole
