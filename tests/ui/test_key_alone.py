"""Keys typed in the editor while a game plays are a step of their own (ui/key_alone.py): only the editor's
changed rows (all of it when it scrolls or its rows move: Enter, Page Down, the first letter after the cursor
was put out of sight) and a waiting game frame are drawn, without the whole step's update(); what reaches the
screen is always what a full drawing gives, and anything more than the editor (a text line of pygame-gui, a
dialog, a window command, the helper's fix) takes the whole step. A real game in a child process, the real
window on the dummy driver; what was sent is compared pixel for pixel with a full drawing."""
import functools
import time

import pygame
import pytest

from kidcoder.ui import documents, frame_only, redraw
from tests.ui.driver import key, run_until
from tests.ui.test_redraw import GAME, Sent, settle

LONG_GAME = GAME + "\n" + "\n".join(f"# line {n} of a long program" for n in range(80))


@pytest.fixture
def slow_machine(monkeypatch):
    """However slow the test machine, a look stays fresh: only what the window does decides the path."""
    monkeypatch.setattr(frame_only, "FULL_EVERY_S", 60.0)
    monkeypatch.setattr(redraw, "LOOK_EVERY_S", 60.0)


@pytest.fixture
def autosave_at_once(monkeypatch):
    """Every edit is autosaved at the next whole step, as on a machine slow enough that typing pauses for the
    autosave's idle time between two steps: its result comes back whenever the disk is done (CI once)."""
    monkeypatch.setattr(documents, "AutosaveTimer", functools.partial(documents.AutosaveTimer, idle_s=0.0))


def playing(windows, text=GAME, size=(1200, 900)):
    """A window playing text's game, the keyboard in the editor at the end of the first line, settled, with a
    whole step just done; app.updates counts the whole steps' update() from now."""
    app = windows(size=size)
    app.editor.set_text(text)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="game frames")
    app.set_focus("editor")
    app.editor.view.buffer.set_cursor((0, len(app.editor.view.buffer.lines[0])))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=" "))     # the title's star comes now
    settle(app)
    whole_step(app)
    update, app.updates = app.update, []
    app.update = lambda dt: app.updates.append(dt) or update(dt)
    return app


def whole_step(app):
    """Steps until pygame-gui's due updates are done and a look was taken (a typed key may then be alone)."""
    app.pacer.look_now = True
    app.step(0.0)
    for _ in range(20):
        if not app.pacer.gui_moved and not app.gui.due(0.0):
            return
        app.step(0.0)
    raise AssertionError("pygame-gui kept changing")


def calm(app):
    """A whole step, and then file work it started (an autosave falls due whenever the machine is slow) done
    and taken in whole steps: a result coming back while keys are typed rightly makes their step whole."""
    whole_step(app)
    for _ in range(200):
        if not app.docs.worker.busy and app._quiet():
            return
        time.sleep(0.01)
        whole_step(app)
    raise AssertionError("the window's file work never came back")


def typed(app, sent, text, real_keys=False, keep=False):
    """Type text in one step (real_keys: as a keyboard does: KEYDOWN, TEXTINPUT, KEYUP); what was sent (keep:
    sent keeps it too), and whether the step was the keys alone (no update())."""
    before = len(app.updates)
    for letter in text:
        if real_keys:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=ord(letter.lower()), mod=0, unicode=letter,
                                                 scancode=0))
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=letter))
        if real_keys:
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=ord(letter.lower()), mod=0, unicode=letter,
                                                 scancode=0))
    app.step(0.0)
    return list(sent.rects) if keep else sent.take(), len(app.updates) == before


@pytest.mark.parametrize("size", [(1200, 900), (800, 600)])
def test_letters_typed_while_a_game_plays_send_only_their_rows_and_match_a_full_drawing(windows, slow_machine, size):
    app = playing(windows, size=size)
    view, sent = app.editor.view, Sent(app)
    sent.screen = app.screen.copy()
    alone = 0
    for n, text in enumerate(['a', 'b', 'c', '(', '"""', 'e', 'f', 'g', '"""', 'h', ')', 'j', 'k', 'l']):
        rects, was_alone = typed(app, sent, text, real_keys=n % 2 == 1)
        assert sent.matches_a_full_drawing(), f"after {text!r}"
        assert view.buffer.lines[0].endswith(text)
        if was_alone:
            alone += 1
            rows = [pygame.Rect(view.rect.x, view.line_y(line), view.text_right - view.rect.x,
                                view.fonts.line_height) for line in range(len(view.buffer.lines))]
            picture = pygame.Rect(app.preview.shown_box)
            sent_rects = [r for frame in rects for r in frame]
            assert sent_rects and all(r in rows or r == picture for r in sent_rects), sent_rects
            assert rows[0] in sent_rects
    assert alone >= 10 and app.key_alone.steps >= 10     # (a string's quotes recolour the rows below: sent too)
    sent.take()
    whole_step(app)                 # the whole step after them finds nothing left to draw in the editor
    assert not any(app.editor.rect.colliderect(r) for frame in sent.take() for r in frame)
    assert sent.matches_a_full_drawing()
    app.actions.do("stop")


def test_a_waiting_game_frame_goes_out_after_the_letter_in_its_step(windows, slow_machine):
    app = playing(windows)
    view, sent = app.editor.view, Sent(app)
    sent.screen = app.screen.copy()

    def letter_and_frame():
        whole_step(app)
        deadline = time.monotonic() + 20
        while not app.preview.frame_waiting(app.games.game):        # the game's next frame, not yet taken
            assert time.monotonic() < deadline, "the game drew no new frame"
            time.sleep(0.002)
        frames = app.preview.frames_drawn
        rects, alone = typed(app, sent, "z")
        assert sent.matches_a_full_drawing()
        row = pygame.Rect(view.rect.x, view.line_y(0), view.text_right - view.rect.x, view.fonts.line_height)
        picture = pygame.Rect(app.preview.shown_box)
        return alone and app.preview.frames_drawn == frames + 1 and rects == [[row], [picture]]

    run_until(app, letter_and_frame, what="a letter and a game frame in one step alone")
    app.actions.do("stop")


def test_keys_that_change_more_than_rows_take_the_whole_step(windows, slow_machine):
    app = playing(windows, LONG_GAME)
    view, sent = app.editor.view, Sent(app)
    sent.screen = app.screen.copy()

    def whole(action, what):
        whole_step(app)
        sent.take()
        before = len(app.updates)
        action()
        assert len(app.updates) > before, what          # update() ran: a whole step
        assert sent.matches_a_full_drawing(), what

    whole(lambda: key(app, pygame.K_F7), "a window command (F7: pause)")
    assert app.games.state == "paused"
    whole(lambda: key(app, pygame.K_F7), "F7 again: play on")
    app.set_focus("question")                            # a text line of pygame-gui has the keys
    whole(lambda: typed(app, sent, "q"), "a letter for the question line")
    assert app.helper.question.get_text().endswith("q") and not view.buffer.get_text().endswith("q")
    app.set_focus("editor")
    app.actions.do("goto")                               # a dialog is open
    assert app.dialog is not None
    whole(lambda: typed(app, sent, "7"), "a letter for a dialog")
    key(app, pygame.K_ESCAPE)
    assert app.dialog is None and app.focus == "editor"
    app.dialogs.confirm("Sure?", "A question with answers (no text line)", [("yes", "Yes"), ("no", "No")], "sure",
                        lambda dialog: None)
    whole(lambda: typed(app, sent, "8"), "a letter while a dialog of buttons is open")
    key(app, pygame.K_ESCAPE)
    app.set_focus("editor")
    assert app.dialog is None
    app.helper.fix_button.show()                         # a typed letter hides the helper's fix: pygame-gui changes
    whole(lambda: typed(app, sent, "x"), "a letter while the fix shows")
    assert not app.helper.fix_button.visible
    whole_step(app)
    rects, alone = typed(app, sent, "y")                 # the fix gone, a letter is alone again
    assert alone and sent.matches_a_full_drawing()
    app.actions.do("stop")


def test_keys_that_scroll_or_move_rows_draw_all_of_the_editor_alone(windows, slow_machine, autosave_at_once):
    app = playing(windows, LONG_GAME)
    view, sent = app.editor.view, Sent(app)
    sent.screen = app.screen.copy()
    picture = pygame.Rect(app.preview.shown_box)
    editor = app.editor.rect

    def alone(action, what):
        calm(app)
        sent.take()
        before, steps = len(app.updates), app.key_alone.steps
        action()
        assert len(app.updates) == before and app.key_alone.steps > steps, what     # no update(): keys alone
        assert sent.matches_a_full_drawing(), what
        drawn = [rect for frame in sent.take() for rect in frame]
        assert all(editor.contains(rect) or rect == picture for rect in drawn), (what, drawn)

    lines = len(view.buffer.lines)
    alone(lambda: key(app, pygame.K_RETURN), "Enter moves the rows below")
    assert len(view.buffer.lines) == lines + 1
    top = view.top
    alone(lambda: key(app, pygame.K_PAGEDOWN), "Page Down scrolls")
    assert view.top != top
    view.buffer.end(document=True)       # the cursor out of sight (as the benchmark's typist puts it)
    top = view.top
    alone(lambda: typed(app, sent, "w", keep=True), "the first letter scrolls to the cursor")
    assert view.top != top and view.buffer.get_text().endswith("w")
    app.actions.do("stop")


def test_a_letter_alone_goes_out_when_no_game_plays(windows, slow_machine):
    app = windows()
    app.set_focus("editor")
    run_until(app, lambda: not app.worker.busy, what="start-up work")
    settle(app)
    whole_step(app)
    sent = Sent(app)
    update, updates = app.update, []
    app.update = lambda dt: updates.append(dt) or update(dt)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="k"))
    app.step(0.0)
    view = app.editor.view
    row = pygame.Rect(view.rect.x, view.line_y(view.buffer.cursor[0]), view.text_right - view.rect.x,
                      view.fonts.line_height)
    assert sent.take() == [[row, pygame.Rect(app.editor.box.title())]] and not updates    # the star came too
    assert sent.matches_a_full_drawing()
