"""What the issue-16 walk (tools/walk.py) showed at 800x600 and is now kept: a fix on a long line shows the
line from its start, the game pane stops saying "stopped because of a problem" once the fix is in, and the
helper's "More help" button never covers the dock's tabs."""
import pygame
import pytest

from kidcoder.i18n import set_language, tr
from tests.ui.driver import close_app, make_app, step


@pytest.fixture(params=["en", "es"])
def small(request):
    set_language(request.param)
    window = make_app((800, 600), language=request.param)
    step(window, 2)
    yield window
    close_app(window)
    set_language("en")


def test_a_fix_on_a_long_line_shows_that_line_from_its_start(small):
    long_line = "    pygame.draw.circle(screen, (255, 200, 0), (300, 200) 40)"
    small.editor.set_text("import pygame\nx = 1\n" + long_line + "\ny = 2\n")
    small.preview.message = tr("ui.preview.crashed")
    small.helper.hint = {"fix": {"start_line": 3, "end_line": 3, "replacement": long_line.replace(") 40", "), 40")}}
    small.actions.do("apply_fix")
    view = small.editor.view
    assert "(300, 200), 40)" in small.editor.get_text()
    assert view.left == 0 and view.buffer.cursor[0] == 2
    assert small.preview.message == tr("ui.preview.fixed")


def test_more_help_never_covers_the_tabs(small):
    helper = small.helper
    helper.set_tabs(True, console_tab=True, news=True)
    helper.hint, helper.level = {"ok": False, "hint": "Look at line 3."}, 1
    helper._show_buttons()
    step(small, 1)
    more = helper.more_button.rect
    assert helper.more_button.visible
    for tab in helper.tabs.values():
        assert not more.colliderect(tab.rect), (helper.more_button.text, tab.text)
    assert helper.more_button.text in (tr("ui.helper.more"), tr("ui.helper.more_short"))


def test_the_status_line_names_a_new_program_as_the_child_knows_it(small):
    from tests.ui.driver import run_until

    small.actions.do("run")                               # the starter, never saved: it runs from a hidden copy
    walls = [tr(f"runner.walls.{kind}", name="@").split("@")[0] for kind in ("full", "part", "none")]
    run_until(small, lambda: any(small.status.startswith(words) for words in walls), what="the walls said",
              timeout=30)
    assert ".run-" not in small.status and tr("ui.editor.untitled") in small.status
    small.actions.do("stop")


def test_a_long_status_line_ends_with_dots_at_a_word_not_in_the_middle(small):
    from kidcoder.ui.style import shorten_to_width

    font = small.fonts.body
    said = tr("runner.walls.full", name="cat_game.py")
    short = shorten_to_width(said, font, 300)
    assert short.endswith("\u2026") and font.size(short)[0] <= 300 and said.startswith(short[:-1])
    assert shorten_to_width("Ready", font, 300) == "Ready"
