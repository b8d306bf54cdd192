"""The editor pane in the window: 60 columns at 1200x900 (the starter's line to change fits), the title never
says "*" beside "Saved", the old note goes away after New, a fix never leaves the view slid sideways."""
import pygame
import pytest

from kidcoder.i18n import tr
from kidcoder.ui.file_actions import starter_program
from tests.ui.driver import close_app, key, make_app, run_until, step, type_program


@pytest.fixture
def app():
    window = make_app((1200, 900))
    yield window
    close_app(window)


def test_sixty_columns_and_the_starter_fits_at_1200x900(app):
    view = app.editor.view
    assert view.visible_cols >= 60
    for lang in ("en", "es"):
        assert max(len(line) for line in starter_program(lang).split("\n")) <= view.visible_cols
    step(app, 2)
    assert view.left == 0 and view.hbar() is None


def test_the_title_never_says_unsaved_beside_saved_and_new_forgets_the_note(app):
    type_program(app, "# hello")
    app.actions.do("save")
    assert app.dialog is not None and app.dialog.name == "save_name"     # a new program is named first
    name = app.dialog.entry.get_text() + ".py"
    key(app, pygame.K_RETURN)                                            # Enter keeps the suggested name
    run_until(app, lambda: app.editor.note == tr("editor.saved", name=name), what="saved")
    assert not app.editor.title_text().endswith("*")
    type_program(app, "x = 1")
    assert app.editor.title_text().endswith("*") and app.editor.note == ""
    app.actions.do("new")
    run_until(app, lambda: app.docs.pending_saves == 0, what="the save before New")
    step(app, 3)
    assert app.editor.note == "" and app.docs.path is None           # the old program's save stays the old one's
    assert app.editor.title_text() == tr("ui.editor.title", name=tr("ui.editor.untitled"))


def test_a_fix_on_a_long_line_leaves_the_line_starts_showing(app):
    long_line = "    pygame.draw.rect(screen, (255, 200, 0), (100, 200, 40, 40), 3)  # a frame around it"
    app.editor.set_text("import pygame\nx = 1\n" + long_line + "\ny = 2\n")
    view = app.editor.view
    view.buffer.set_cursor((2, len(long_line)))
    view.ensure_cursor_visible()
    assert view.left > 0 and view.hbar() is not None
    view.goto_line(4)                                               # a jump: every line from its start again
    assert view.left == 0
    app.helper.hint = {"fix": {"start_line": 2, "end_line": 2, "replacement": "x = 2"}}
    view.buffer.set_cursor((2, len(long_line)))
    view.ensure_cursor_visible()
    app.actions.do("apply_fix")
    assert app.editor.get_text().split("\n")[1] == "x = 2" and view.left == 0
