""""Change my game" in the real window: type a wish in the box under the preview, the change is checked by a run on
the background worker, shown as a before/after, and put into the program as one undo step."""
import json
import os
from pathlib import Path

import pygame
import pytest

from kidcoder.i18n import set_language, tr
from kidcoder.making.changes import plan_changes
from kidcoder.making.generate import build_program
from kidcoder.model.facts import ModelReply
from kidcoder.ui.change_box import before_after, changed_lines, report
from tests.ui.driver import close_app, key, make_app, run_until, step

CATCH = build_program("a cat that catches fish", "en")[1]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    window = make_app()
    window.editor.set_text(CATCH)
    yield window
    close_app(window)


def ask_for_change(app, text):
    app.set_focus("change")
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    step(app)
    assert app.panes["change"].entry.get_text() == text
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.helper.heading == f"«{text}»" and not app.panes["change"].busy, what="the change",
              timeout=60)


def test_a_wish_becomes_one_checked_undo_step_shown_as_before_and_after(app):
    ask_for_change(app, "make the fish fall slower")
    text = app.editor.get_text()
    assert "FALL_SPEED = 1" in text and text.replace("FALL_SPEED = 1", "FALL_SPEED = 2") == CATCH
    shown = app.helper.text
    assert "Before:" in shown and "After:" in shown and "FALL_SPEED = 2" in shown and "FALL_SPEED = 1" in shown
    assert shown.startswith("Line 19: FALL_SPEED was 2, now it is 1.") and "how fast things fall" not in shown
    assert "make the fish fall slower" in app.helper.heading and app.panes["change"].entry.get_text() == ""
    app.set_focus("editor")
    key(app, pygame.K_z, mod=pygame.KMOD_LCTRL)                 # Ctrl+Z takes the whole change back
    assert app.editor.get_text() == CATCH


def test_two_changes_on_different_lines_are_still_one_undo_step(app):
    ask_for_change(app, "make the cat blue and faster")
    text = app.editor.get_text()
    assert "PLAYER_COLOUR = (40, 100, 240)" in text and "SPEED = 9" in text
    app.set_focus("editor")
    key(app, pygame.K_z, mod=pygame.KMOD_LCTRL)
    assert app.editor.get_text() == CATCH


def test_what_cannot_be_done_gets_kind_words_and_changes_nothing(app):
    ask_for_change(app, "make the fish do a dance")
    assert app.editor.get_text() == CATCH and app.helper.text == tr("changes.unknown", lang="en")


def test_the_model_reads_what_the_rules_cannot_on_the_worker(app):
    asked = []
    reading = {"thing": "fish", "property": "speed", "change": "less", "number": None, "colour": None,
               "shape": None}

    def enrich(facts):
        asked.append(facts)
        return ModelReply(json.dumps(reading), "tiny-test-model", reading)

    app.change.enrich = lambda: enrich
    ask_for_change(app, "the fishes are hyper, calm them")        # words the rules do not read
    assert [facts.kind for facts in asked] == ["change"] and "FALL_SPEED = 1" in app.editor.get_text()


def test_a_change_is_not_put_into_code_the_child_changed_meanwhile(app):
    app.set_focus("change")
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="more lives"))
    step(app)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.panes["change"].busy, what="the request sent")
    app.editor.set_text(CATCH + "# my own line\n")              # typed while the worker checked the change
    run_until(app, lambda: not app.panes["change"].busy, what="the change", timeout=60)
    assert app.editor.get_text() == CATCH + "# my own line\n" and app.helper.text == tr("change_box.stale")


def test_the_words_for_a_change():
    plan = plan_changes("make the cat blue and faster", CATCH, "es")
    assert changed_lines(plan.edits) == (min(e.line for e in plan.edits), max(e.line for e in plan.edits))
    text = before_after(plan.edits, "es")
    assert text.count("```python") == 2 and "Antes:" in text and "Después:" in text and "ahora es" in text
    assert report(plan, "es").endswith(tr("change_box.undo", lang="es"))
    assert report(plan_changes("make the fish do a dance", CATCH, "en"), "en") == tr("changes.unknown", lang="en")


SHOTS = {(1200, 900): "change-1200x900", (800, 600): "change-800x600"}
WISHES = {"en": ("a cat that catches fish", "make the fish fall slower and the cat blue"),
          "es": ("un gato que atrapa peces", "haz el gato azul y que los peces caigan más despacio")}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", list(SHOTS))
def test_change_box_screenshots(size, lang, tmp_path, monkeypatch):
    """The box under a running game, and the before/after of a change in the helper (docs/walk/change/ with
    KIDCODER_WRITE_SCREENSHOTS=1)."""
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    description, wish = WISHES[lang]
    window = make_app(size, language=lang)
    try:
        window.editor.set_text(build_program(description, lang)[1])
        window.actions.do("run")
        run_until(window, lambda: window.preview.frames_drawn >= 30, what="the game", timeout=60)
        old_game = window.games.game
        ask_for_change(window, wish)
        assert window.change.applied and tr("change_box.before", lang=lang) in window.helper.text
        run_until(window, lambda: window.games.game is not old_game and window.games.live, what="the changed game",
                  timeout=60)                   # a game running in the preview starts again with the change
        drawn = window.preview.frames_drawn
        run_until(window, lambda: window.preview.frames_drawn >= drawn + 30, what="its frames", timeout=60)
        window.set_focus("editor")              # the box shows what it is for (its placeholder)
        for _ in range(3):
            window.step()
        folder = ROOT / "docs" / "walk" / "change" if os.environ.get("KIDCODER_WRITE_SCREENSHOTS") == "1" else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{SHOTS[size]}-{lang}.png"
        pygame.image.save(window.screen, str(target))
        picture = pygame.image.load(str(target))
        assert picture.get_size() == size
        box = window.layout.change
        assert box.bottom <= window.layout.console.y and box.y >= window.layout.preview.bottom
    finally:
        close_app(window)
        set_language("en")                      # the window set the whole program's language
