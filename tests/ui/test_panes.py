"""Every pane has the same small interface: it takes its box from the layout, its elements stay inside
it, and its buttons and text lines name the command they stand for."""
import pygame
import pytest

from kidcoder.i18n import tr
from kidcoder.ui.actions import COMMANDS
from kidcoder.ui.app import PANES
from kidcoder.ui.focus import pane_of
from kidcoder.ui.layout import Layout
from tests.ui.driver import close_app, make_app, run_until, step


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    window = make_app()
    yield window
    close_app(window)


def test_each_pane_has_its_own_region_of_the_layout():
    regions = [pane.region for pane in PANES]
    assert len(set(regions)) == len(regions)
    assert set(regions) <= set(Layout.__dataclass_fields__)


def inside(rect, box):
    return pygame.Rect(box).contains(rect)


def check_targets(app, wanted):
    names = {command.name for command in COMMANDS}
    targets = app.keyboard.order()
    assert set(wanted) <= set(targets), set(wanted) - set(targets)
    for target in targets:
        element = app.keyboard.element(target)
        owner = app.panes.get(pane_of(target), app.toolbar)       # vw: targets sit in the toolbar's status bar
        if element is None:
            assert target in ("editor", "preview")
            continue
        assert owner.element_for(target) is element and element.visible, target
        box = app.layout.status if target.startswith("vw:") else owner.box
        assert inside(element.get_abs_rect(), box), target
        action = owner.action_for(element)
        assert action in names, target


def test_after_a_resize_every_focus_target_belongs_to_its_pane_and_says_its_command(app):
    step(app, 2)
    app.relayout((800, 600))
    app.console.set_lines(["Score: 1\n"])          # the console's tab appears beside the helper's
    step(app)
    app.actions.do("show_helper")
    app.helper.fix_button.show()                   # every target there is: fix, more, the tabs, ...
    app.helper.more_button.show()
    for pane in app.panes.values():
        assert pane.box == getattr(app.layout, pane.region)
    check_targets(app, {"more", "fix", "question", "ask", "tab:helper", "tab:console", "tb:run", "vw:language"})
    app.console.set_waiting(True)                  # ... and the console's line, when its tab shows
    app.actions.do("show_console")
    assert app.console.shown and not app.helper.shown
    check_targets(app, {"console", "tab:helper", "tab:console"})
    assert "question" not in app.keyboard.order()


def test_the_game_buttons_are_the_preview_panes(app):
    app.editor.set_text("import pygame\nscreen = pygame.display.set_mode((100, 100))\nwhile True:\n"
                        "    pygame.event.get()\n    pygame.display.flip()\n")
    app.actions.do("run")
    run_until(app, lambda: app.games.live and app.preview.game_buttons["pause"].visible, what="the game")
    pause = app.preview.game_buttons["pause"]
    assert inside(pause.get_abs_rect(), app.layout.preview.title())
    assert app.preview.action_for(pause) == "pause" and app.preview.title_right == pause.get_abs_rect().x
    app.actions.do("language")
    assert pause.text == tr("ui.preview.pause", "es")
    app.actions.do("language")
    app.actions.do("stop")
    step(app, 2)
    assert not pause.visible and app.preview.title_right == 0
