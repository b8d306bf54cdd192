"""The window draws only what changed: nothing while nothing happens, and what it sends always equals a
full drawing (no stale part, no missing caret). Counted through app.on_present, never timed."""
import time

import pygame
import pytest

from kidcoder.ui.redraw import GUI_TICK_S, LOOK_EVERY_S, PARTS, PICTURE, Pacer, changed_rects, merged
from tests.ui.driver import key, run_until

LOOP = """import pygame
pygame.init()
screen = pygame.display.set_mode({size})
clock = pygame.time.Clock()
n = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
{frame}
    clock.tick(30)"""
GAME = LOOP.format(size=(160, 120), frame="""    n = (n + 7) % 255
    screen.fill((n, 40, 200))
    pygame.display.flip()""")


class Sent:
    """What reached the screen: a copy of the window made only of the rectangles the App sent."""

    def __init__(self, app):
        self.app = app
        self.rects = []                      # one list per present
        self.screen = app.screen.copy()
        app.on_present = self.presented

    def presented(self, rects):
        self.rects.append(list(rects))
        for rect in rects:
            self.screen.blit(self.app.screen, rect, rect)

    def take(self):
        taken, self.rects = self.rects, []
        return taken

    def matches_a_full_drawing(self) -> bool:
        self.app.draw()
        return self.screen.get_view("2").raw == self.app.screen.get_view("2").raw


def settle(app, steps=5):
    for _ in range(steps):
        app.step(0.0)             # no time passes: the caret does not blink
    time.sleep(LOOK_EVERY_S)      # a new game frame alone may be sent without a look at the rest; the
    app.step(0.0)                 # rest is looked at again after this long


def quiet_window(windows):
    """A window with the keyboard in the editor, settled, watched from now on."""
    app = windows()
    app.set_focus("editor")
    run_until(app, lambda: not app.worker.busy, what="start-up work")    # its result would redraw everything
    sent = Sent(app)
    settle(app)
    sent.take()
    return app, sent


def test_an_idle_window_sends_nothing_and_a_typed_letter_sends_only_the_editor(windows):
    app, sent = quiet_window(windows)
    settle(app, 20)
    assert sent.take() == []                                  # nothing changed: nothing drawn
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="x"))
    app.step(0.0)
    frames = sent.take()
    assert len(frames) == 1 and frames[0]
    editor = app.editor.rect.inflate(20, 20)
    assert all(editor.contains(rect) for rect in frames[0]), frames   # only the editor went out
    assert sent.matches_a_full_drawing()
    settle(app, 10)
    assert sent.take() == []


def test_a_typed_letter_sends_only_its_row_and_the_title_when_the_star_comes(windows):
    app, sent = quiet_window(windows)
    view = app.editor.view
    row = pygame.Rect(view.rect.x, view.line_y(view.buffer.cursor[0]), view.text_right - view.rect.x,
                      view.fonts.line_height)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="a"))
    app.step(0.0)                           # the first letter also puts the star in the title
    assert sent.take() == [[row, pygame.Rect(app.editor.box.title())]]
    assert app.editor.title_text().endswith("*")
    assert sent.matches_a_full_drawing()
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="b"))
    app.step(0.0)
    assert sent.take() == [[row]]
    assert sent.matches_a_full_drawing()


def test_the_caret_blinks_without_events(windows):
    app, sent = quiet_window(windows)
    shown = app.editor.view.cursor_shown
    app.step(app.editor.view.blink_due_s() + 0.01)
    assert app.editor.view.cursor_shown != shown
    frames = sent.take()
    assert len(frames) == 1 and any(rect.colliderect(app.editor.view.cursor_rect()) for rect in frames[0])
    assert sent.matches_a_full_drawing()


@pytest.mark.parametrize("size", [(1200, 900), (800, 600)])
def test_what_the_window_sends_always_equals_a_full_drawing(windows, size):
    app = windows(size=size)        # at 800x600 the helper's text shrinks when the game starts
    sent = Sent(app)
    app.editor.set_text(GAME)
    settle(app)
    assert sent.matches_a_full_drawing()
    key(app, pygame.K_TAB, mod=pygame.KMOD_CTRL)                 # the keyboard moves to another pane
    settle(app)
    assert sent.matches_a_full_drawing()
    app.set_focus("editor")
    key(app, pygame.K_DOWN)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="# hi"))
    settle(app)
    assert sent.matches_a_full_drawing()
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 5, what="game frames")
    settle(app)
    assert sent.matches_a_full_drawing()
    key(app, pygame.K_ESCAPE)
    app.actions.do("stop")
    run_until(app, lambda: not app.games.live, what="the game stopped")
    settle(app)
    assert sent.matches_a_full_drawing()


def playing_window(windows):
    """A window playing GAME, the keyboard in the editor, settled."""
    app = windows()
    app.editor.set_text(GAME)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="game frames")
    app.set_focus("editor")
    settle(app, 3)
    return app


def test_a_new_game_frame_alone_sends_only_the_picture(windows):
    app = playing_window(windows)
    sent = Sent(app)
    sent.screen = app.screen.copy()
    pictures = []

    def picture_frame():
        before = app.preview.frames_drawn
        app.step(0.0)
        frames = sent.take()
        if app.preview.frames_drawn > before and frames == [[pygame.Rect(app.preview.shown_box)]]:
            pictures.append(frames)
        return len(pictures) >= 3

    run_until(app, picture_frame, what="frames sent alone")
    assert sent.matches_a_full_drawing()


def test_a_letter_typed_while_a_game_plays_sends_its_row_and_the_new_frame(windows):
    app = playing_window(windows)
    view = app.editor.view
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="#"))      # the title's star: the whole pane
    settle(app)
    sent = Sent(app)
    drawn = []                                  # the preview pane drawn whole (its title, its hint, ...)
    draw = app.preview.draw
    app.preview.draw = lambda surface: drawn.append(surface) or draw(surface)

    def typed_with_a_frame():
        if len(view.buffer.lines[view.buffer.cursor[0]]) > 30:
            key(app, pygame.K_RETURN)           # short lines: no sideways scrolling
            sent.take()
        shown, deadline = app.preview.shown_number, time.monotonic() + 20
        while app.games.game.latest_number() == shown:      # the game's next frame is there to take
            assert time.monotonic() < deadline, "the game drew no new frame"
            time.sleep(0.002)
        drawn[:] = []
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="a"))
        app.step(0.0)
        frames, only_blitted = sent.take(), not drawn
        assert sent.matches_a_full_drawing()
        row = pygame.Rect(view.rect.x, view.line_y(view.buffer.cursor[0]), view.text_right - view.rect.x,
                          view.fonts.line_height)
        return frames == [[row, pygame.Rect(app.preview.shown_box)]] and only_blitted

    run_until(app, typed_with_a_frame, what="a letter and a game frame in one step")


def test_pygame_gui_updates_after_input_and_every_tick_but_not_for_each_game_frame(windows):
    app = playing_window(windows)
    updates, frames = app.gui.updates, app.preview.frames_drawn

    deadline = time.monotonic() + 30
    while app.preview.frames_drawn < frames + 12 and time.monotonic() < deadline:
        app.step(0.0)                           # no time passes in the window
        time.sleep(0.005)
    assert app.preview.frames_drawn >= frames + 12
    assert app.gui.updates - updates <= 4       # new game frames: no hover checks (the title's fps may change)
    updates = app.gui.updates
    app.step(GUI_TICK_S)
    assert app.gui.updates == updates + 1       # time went by: tool tips and carets go on
    for _ in range(20):                         # a frame that changed an element (the title's fps, when a
        if not app.pacer.gui_moved:             # second went by) has pygame-gui update once more, at once
            break
        app.step(0.0)
    assert not app.pacer.gui_moved
    before = app.gui.updates
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="x"))
    app.step(0.0)
    assert "x" in app.editor.get_text() and app.gui.updates == before    # the editor's keys: not for it
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 1), buttons=(0, 0, 0)))
    app.step(0.0)
    assert app.gui.updates == before + 1        # the mouse: pygame-gui looks at once


STRIPES_THEN_STILL = LOOP.format(size=(640, 480), frame="""    if n < 20:
        n += 1
        for x in range(0, 640, 2):
            pygame.draw.line(screen, (255, 255, 255) if x % 4 else (n, 0, 0), (x, 0), (x, 479))
        pygame.display.flip()""")


def test_a_moving_game_is_scaled_fast_and_a_picture_that_stays_smoothly(windows):
    app = windows()                                  # 1200x900: a 640x480 game is scaled down to fit (a
                                                     # 600x400 one plays at its own size: test_game_own_size.py)
    app.editor.set_text(STRIPES_THEN_STILL)
    key(app, pygame.K_F5)
    preview = app.preview
    run_until(app, lambda: preview.frames_drawn >= 2, what="game frames")
    size = preview.shown_box.w, preview.shown_box.h
    assert size[0] < 640 and preview.looks()[-1] is False           # moving: the fast scaler (its pixels:
                                                                     # test_preview_frames.py)
    run_until(app, lambda: preview.frames_drawn >= 20, what="the last frame")
    sent = Sent(app)
    run_until(app, lambda: preview.looks()[-1], what="the smooth picture")
    smooth = pygame.transform.smoothscale(preview.last_frame, size)
    assert shown(app) == raw(smooth) != raw(pygame.transform.scale(preview.last_frame, size))
    assert any(rect.contains(preview.shown_box) for frame in sent.take() for rect in frame)   # and it went out
    assert sent.matches_a_full_drawing()


def raw(surface):
    return surface.get_view("2").raw


def shown(app):
    """The game's picture as it is on the window now."""
    return raw(app.screen.subsurface(app.preview.shown_box).copy())


def test_changed_rects_finds_the_panes_and_elements_that_changed():
    editor, preview = pygame.Rect(0, 0, 100, 100), pygame.Rect(120, 0, 100, 100)
    before = (("editor",), (((editor,), ("a",)), ((preview,), ("b",))), frozenset({(1, (0, 0, 10, 10))}))
    same = changed_rects(before, before)
    assert same == []
    typed = (before[0], (((editor,), ("ab",)), ((preview,), ("b",))), before[2])
    assert changed_rects(before, typed, margin=0) == [editor]
    button = (before[0], before[1], frozenset({(2, (150, 150, 10, 10))}))     # a new picture, moved
    assert sorted(map(tuple, changed_rects(before, button))) == [(0, 0, 10, 10), (150, 150, 10, 10)]
    assert changed_rects(before, (("console",),) + before[1:]) is None             # the window's own state
    assert changed_rects(None, before) is None


def test_merged_joins_overlapping_rects():
    assert merged([pygame.Rect(0, 0, 10, 10), pygame.Rect(5, 5, 10, 10), pygame.Rect(50, 50, 1, 1)]) == [
        pygame.Rect(0, 0, 15, 15), pygame.Rect(50, 50, 1, 1)]


def test_the_loop_sleeps_while_idle_and_gives_way_when_its_frames_cost_much():
    from kidcoder.ui.redraw import FPS, GIVE_WAY, IDLE_WAKE_S, Pacer

    pace = [None]
    pacer = Pacer(look=lambda: (), pace=lambda: pace[0], caret_due=lambda: None, picture_only=lambda: None)
    assert pacer.wait_s() == IDLE_WAKE_S                      # nothing going on: a long sleep
    pace[0] = 1 / FPS                                         # a game plays: its pace
    assert pacer.wait_s() == 1 / FPS
    for _ in range(50):
        pacer.spent(0.05)                                     # a short CPU: each frame costs 50 ms
    assert pacer.wait_s() >= GIVE_WAY * 0.049                 # the window wakes less, the game gets the rest


def test_new_game_frames_alone_are_sent_without_a_look_at_the_rest_for_a_while():
    looks, place = [], [pygame.Rect(10, 10, 40, 30)]
    pacer = Pacer(look=lambda: looks.append(1) or ((), (), frozenset()), pace=lambda: None,
                  caret_due=lambda: None, picture_only=lambda: place[0])
    pacer.choose([], False, True)                 # the first frame: a look
    for _ in range(5):
        assert pacer.choose([], False, True) == (PICTURE, [place[0]])
    assert len(looks) == 1                        # frames alone: no look
    assert pacer.choose([], False, False)[0] != PICTURE and len(looks) == 2   # no frame: it looks
    pacer.choose([pygame.event.Event(pygame.USEREVENT)], False, True)
    assert len(looks) == 3                        # an event: it looks
    pacer.look_now = True                         # pygame-gui updated its elements
    pacer.choose([], False, True)
    assert len(looks) == 4
    pacer.choose([], False, True)
    assert len(looks) == 4
    place[0] = pygame.Rect(20, 10, 40, 30)        # the picture moved (a new game size)
    pacer.choose([], False, True)
    assert len(looks) == 5
    time.sleep(LOOK_EVERY_S)                      # a while went by: the title's fps, a printed line
    pacer.choose([], False, True)
    assert len(looks) == 6
    place[0] = None                               # words over the picture, or something drawn over it
    assert pacer.choose([], False, True)[0] not in (PICTURE, PARTS) and len(looks) == 7


def test_while_a_child_types_the_loop_looks_often_unless_a_game_rings_on_a_short_cpu():
    from kidcoder.ui.redraw import BELL_SLICE_S, FPS, INPUT_SLICE_S, SHORT_CPU_S, SLICE_S, look_every_s

    assert look_every_s(False, False, 0.0) == SLICE_S                 # nobody types
    assert look_every_s(True, False, 0.05) == INPUT_SLICE_S           # typing, no game: keys first
    assert look_every_s(True, True, SHORT_CPU_S / 2) == INPUT_SLICE_S  # a game on a CPU with room: keys still first
    assert look_every_s(True, True, SHORT_CPU_S) == BELL_SLICE_S      # short of CPU: the game's frames wake it
    assert look_every_s(False, True, 0.0) == BELL_SLICE_S > 1 / FPS   # a game rings: no wake between its frames
    pacer = Pacer(look=lambda: (), pace=lambda: None, caret_due=lambda: None, picture_only=lambda: None)
    for _ in range(50):
        pacer.spent(SHORT_CPU_S * 3)
    assert pacer.slice_s(True, True) == BELL_SLICE_S and pacer.slice_s(True, False) == INPUT_SLICE_S


def test_while_game_frames_come_alone_the_caret_still_blinks_on_time():
    looks, due = [], [0.0]
    pacer = Pacer(look=lambda: looks.append(1) or ((), (), frozenset()), pace=lambda: None,
                  caret_due=lambda: due[0], picture_only=lambda: pygame.Rect(0, 0, 10, 10))
    pacer.choose([], False, True)
    pacer.choose([], False, True)               # the caret was due to blink: the rest is looked at
    assert len(looks) == 2
    due[0] = 10.0
    pacer.choose([], False, True)
    pacer.choose([], False, True)               # next blink far away: the frame alone
    assert len(looks) == 3


def test_an_idle_window_sleeps_longer_unless_a_text_lines_caret_blinks(tmp_path, monkeypatch):
    """Nothing going on: the window looks every IDLE_WAKE_S; while the question line has the keys, often
    enough for pygame-gui's caret (it blinks every 0.4 s)."""
    from kidcoder.ui.redraw import CARET_WAKE_S, IDLE_WAKE_S
    from tests.ui.driver import close_app, make_app

    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    app = make_app()
    try:
        run_until(app, lambda: not app.worker.busy and not app.docs.pending_saves, what="start-up work")
        app.set_focus("editor")
        assert app._pace() is None
        app.set_focus("question")
        assert app._pace() == CARET_WAKE_S < 0.4 < IDLE_WAKE_S
    finally:
        close_app(app)


def test_a_new_fps_in_the_game_title_sends_only_the_title_strip(windows):
    app = playing_window(windows)
    sent = Sent(app)
    sent.screen = app.screen.copy()
    for fps in (12.0, 47.0):
        settle(app)
        for _ in range(20):                     # pygame-gui's updates after a change are done
            if not app.pacer.gui_moved:
                break
            app.step(0.0)
        sent.take()
        app.preview.fps, app.playing._fps_at = fps, app.frames    # as Playing.follow sets it every 15 steps
        app.pacer.look_now = True
        app.step(0.0)
        assert f"{fps:g} fps" in app.preview.title_text()
        title = pygame.Rect(app.preview.box.title())
        frames = [[r for r in frame if r != pygame.Rect(app.preview.shown_box)] for frame in sent.take()]
        assert frames == [[title]], frames                          # not the whole pane with its picture
        assert sent.matches_a_full_drawing()
