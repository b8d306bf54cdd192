"""Every pane follows the window: A+ / A- make every pane's text bigger (the editor's, the helper's, the
console's, the dialogs', the toolbar's up to a limit), and switching the language says again every word
already on the screen (the status line, the helper's hint or answer, the game pane, the hint bar, the tabs)."""
import re

import pygame
import pytest

from kidcoder.i18n import tr
from tests.ui.driver import close_app, key, make_app, run_until, step

PRINTS_THEN_FAILS = """import pygame
pygame.init()
screen = pygame.display.set_mode((200, 150))
print("Score:", 10)
for n in range(3):
    screen.fill((0, 0, 0))
    pygame.display.flip()
print(lives)
"""


@pytest.fixture
def app():
    window = make_app()
    yield window
    close_app(window)


def words(app):
    """Every string the panes show now."""
    found = []
    for pane in app.panes.values():
        found += [str(word) for word in pane.shown_text() if str(word).strip()]
    return found


def neutral(word: str) -> bool:
    """Words that are the same in every language: no letters, file names, A+ / A-."""
    return not re.search(r"[^\W\d_]{2,}", word.replace(".py", "")) or word in ("A+", "A-")


def first_row_height(text_box):
    rows = text_box.text_box_layout.layout_rows
    return max(item.height for item in rows[0].items)


def test_a_language_switch_says_every_word_on_screen_again(app):
    app.editor.set_text(PRINTS_THEN_FAILS)
    app.actions.do("run")
    run_until(app, lambda: app.helper.hint is not None and not app.helper.busy and app.console.lines, timeout=60,
              what="the hint")
    key(app, pygame.K_F1)
    run_until(app, lambda: app.helper.level == 2 and not app.helper.busy, timeout=60, what="level 2")
    step(app, 3)
    before = words(app)
    marker = app.editor.view.error_message
    assert app.helper.console_tab and app.editor.view.error_line is not None and app.preview.message
    assert tr("ui.helper.hint_title_line", line=8) in before
    key(app, pygame.K_F10)
    assert app.settings.language == "es"
    run_until(app, lambda: app.helper.page.kind == "hint" and not app.helper.busy
              and app.helper.heading == tr("ui.helper.hint_title_line", "es", line=8), timeout=60,
              what="the hint asked again in Spanish")
    step(app, 3)
    after = words(app)
    same = [word for word in before if word in after and not neutral(word)]
    assert same == [], same
    assert app.editor.view.error_message != marker and app.helper.level == 2
    assert tr("ui.console.title", "es") + " \u2022" in after or tr("ui.console.title", "es") in after
    app.actions.do("make_game")                     # a dialog opened now speaks the new language
    step(app)
    assert app.dialog.window.window_display_title == tr("ui.make.title", "es")
    key(app, pygame.K_ESCAPE)
    assert app.dialog is None


def test_an_answer_is_asked_again_in_the_new_language(app):
    app.helper.question.set_text("how do I make my player jump with gravity")
    app.actions.do("send_question")
    run_until(app, lambda: app.helper.page.kind == "answer", timeout=120, what="the answer")
    english = app.helper.page.text
    key(app, pygame.K_F10)
    run_until(app, lambda: app.helper.page.kind == "answer" and app.helper.page.text != english, timeout=120,
              what="the answer in Spanish")
    assert "Gravedad" in app.helper.page.text or "gravedad" in app.helper.page.text


def text_sizes(app):
    """How big each pane's text is now (line heights, font sizes, the dialog's height)."""
    app.actions.do("show_console")
    console_line = app.fonts.mono.get_linesize()
    app.actions.do("show_helper")
    step(app)
    run_until(app, lambda: not app.helper.laying_out, timeout=30, what="the helper's text laid out")
    sizes = {
        "editor": app.editor.view.fonts.line_height,
        "helper": first_row_height(app.helper.text_box),
        "code in the helper": app.fonts.mono_px,
        "console": console_line,
        "toolbar": app.toolbar.buttons["run"].font.get_point_size(),
        "question": app.helper.question.font.get_point_size(),
    }
    app.actions.do("make_game")
    step(app)
    sizes["dialog"] = app.dialog.window.get_abs_rect().height
    key(app, pygame.K_ESCAPE)
    return sizes


def test_zoom_reaches_every_pane(app):
    app.console.set_lines(["Score: 10\n"])
    app.helper.show_answer("q", "Words about jumping.\n\nTry this example:\n```python\nx = 1\n```")
    step(app, 2)
    sizes = text_sizes(app)
    for _ in range(2):
        app.actions.do("zoom_in")
    step(app, 2)
    bigger = text_sizes(app)
    assert all(bigger[pane] > sizes[pane] for pane in sizes), (sizes, bigger)
    for _ in range(12):
        app.actions.do("zoom_in")
    step(app)
    assert app.toolbar.buttons["run"].font.get_point_size() <= round(17 * 1.25)     # the toolbar stops growing
    assert app.layout.toolbar_rows <= 2
    app.actions.do("zoom_reset")
    step(app)
    assert app.fonts.scale == 1.0 and app.editor.view.fonts.line_height == sizes["editor"]
