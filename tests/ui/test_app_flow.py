"""The real window on the dummy video driver: type a game, run it, play it, break it, stop it."""
import os
import time

import pygame
import pytest

from kidcoder.helper.hints import hint_for_program
from kidcoder.i18n import tr
from tests.runner.helpers import processes_in_group, wait_until
from tests.ui.driver import centre_colour, close_app, key, make_app, run_until, step, type_program

KEY_GAME = """import pygame
pygame.init()
screen = pygame.display.set_mode((200, 150))
clock = pygame.time.Clock()
colour = (0, 0, 255)
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            colour = (255, 0, 0)
    screen.fill(colour)
    pygame.display.flip()
    clock.tick(60)"""

BROKEN_GAME = """import pygame
pygame.init()
screen = pygame.display.set_mode((200, 150))
clock = pygame.time.Clock()
x = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
    x = x + 1
    screen.fill((0, 0, 0))
    if x > 10:
        pygame.draw.circle(screen, (255, 0, 0), (x, 75), sise)
    pygame.display.flip()
    clock.tick(60)
"""


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))   # each test starts with no saved work
    window = make_app()
    yield window
    close_app(window)


def gone(pid):
    return wait_until(lambda: not processes_in_group(pid), timeout=10)


def test_typed_game_runs_takes_keys_and_stops(app):
    app.editor.view.buffer.select_all()
    type_program(app, KEY_GAME)
    assert app.editor.get_text() == KEY_GAME          # typing went into the editor, indents and all

    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="frames in the preview")
    assert app.focus == "preview"                      # F5 gives the game the keyboard
    assert centre_colour(app) == (0, 0, 255)
    pid = app.games.game.process.pid
    assert app.docs.path is None                       # Run never names a program: it runs a hidden copy
    assert app.games.path.name.startswith(".run-") and app.games.path.read_text(encoding="utf-8") == KEY_GAME

    key(app, pygame.K_SPACE, unicode=" ")              # a key pressed in the preview reaches the game
    run_until(app, lambda: centre_colour(app) == (255, 0, 0), what="the game to turn red")

    key(app, pygame.K_ESCAPE)                          # Esc gives the keyboard back to the editor
    assert app.focus == "editor" and app.editor.focused
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="#"))
    step(app)
    assert app.editor.get_text() == KEY_GAME + "#"     # editing while the game runs is fine
    assert app.games.live

    key(app, pygame.K_F6)
    assert app.games.state == "stopped" and not app.games.live
    assert tr("ui.preview.stopped") == app.preview.message
    assert gone(pid)
    run_until(app, lambda: app.games.stopping == 0, what="the stopped game to be closed")


def test_running_again_restarts_and_nothing_is_left_running(app):
    app.editor.set_text(KEY_GAME)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 2, what="first run")
    first = app.games.game.process.pid
    key(app, pygame.K_F5)
    run_until(app, lambda: app.games.game is not None and app.games.game.process is not None
              and app.games.game.process.pid != first and app.preview.frames_drawn >= 2, what="second run")
    second = app.games.game.process.pid
    assert gone(first)
    app.shutdown()                                     # quitting stops the game that still runs
    assert gone(second)


def test_an_error_marks_its_line_and_the_helper_gives_the_level_one_hint(app):
    app.editor.set_text(BROKEN_GAME)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.editor.view.error_line is not None, what="the error marker")
    assert app.editor.view.error_line == 12            # line 13, 0-based in the view
    run_until(app, lambda: app.helper.hint is not None, timeout=30, what="the hint")
    expected = hint_for_program(BROKEN_GAME, None, level=1, lang="en")
    assert app.helper.hint["hint"] == expected["hint"]
    assert app.helper.text == expected["hint"] and "sise" in app.helper.text
    assert "Traceback" not in app.helper.text
    assert app.editor.view.error_message == expected["problem"]["message"]
    assert app.helper.more_button.visible
    assert app.preview.message == tr("ui.preview.crashed")

    key(app, pygame.K_F1)                              # More help climbs the ladder
    run_until(app, lambda: app.helper.level == 2 and not app.helper.busy, timeout=30, what="level 2")
    assert app.helper.text != expected["hint"]


def test_a_click_in_the_preview_plays_with_the_mouse_in_game_pixels(app, tmp_path):
    game = os.path.join(os.path.dirname(__file__), "..", "games", "keys.py")
    with open(game, encoding="utf-8") as f:
        app.editor.set_text(f.read())
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 2, what="frames")
    key(app, pygame.K_ESCAPE)
    shown = app.preview.shown_box
    target = (shown.x + shown.w * 30 // 100, shown.y + shown.h * 40 // 80)     # game pixel (30, 40)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(0, 0), buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=target, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=target, button=1))
    step(app)
    assert app.focus == "preview"                       # clicking the game gives it the keyboard
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(0, 0), buttons=(0, 0, 0)))

    def clicked_at_30_40():
        frame = app.preview.last_frame
        return (frame is not None and tuple(frame.get_at((50, 77)))[:3] == (255, 255, 0)
                and any(tuple(frame.get_at((x, y)))[:3] == (255, 255, 255) for x in (29, 30, 31) for y in (39, 40, 41)))

    run_until(app, clicked_at_30_40, what="the click and the mouse at (30, 40) in the game")
    key(app, pygame.K_F6)


def test_a_game_that_stops_drawing_gets_a_kind_message(app):
    app.editor.set_text("import pygame\npygame.init()\nscreen = pygame.display.set_mode((100, 100))\n"
                        "pygame.display.flip()\nwhile True:\n    pass\n")
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.message == tr("ui.preview.no_frame"), timeout=20, what="no-frame message")
    assert app.helper.heading == tr("ui.helper.no_frame_title")
    key(app, pygame.K_F6)
    assert not app.games.live


def test_a_game_that_was_only_slow_loses_the_stuck_message_when_it_draws_again(app):
    """A slow start (an XO's short CPU) can pass the no-frame watchdog: once frames come again the words
    over the picture go and the helper says what it said before (the words also made the window draw all
    of itself for every frame, which kept the game slow)."""
    app.helper.show("Before", "What the helper said before the game ran.")
    app.editor.set_text("import pygame, time\npygame.init()\nscreen = pygame.display.set_mode((100, 100))\n"
                        "pygame.display.flip()\ntime.sleep(3.5)\nclock = pygame.time.Clock()\nwhile True:\n"
                        "    pygame.event.get()\n    screen.fill((0, 0, 255))\n    pygame.display.flip()\n"
                        "    clock.tick(60)\n")
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.message == tr("ui.preview.no_frame"), timeout=20, what="no-frame message")
    assert app.helper.heading == tr("ui.helper.no_frame_title")
    run_until(app, lambda: app.preview.message == "", timeout=20, what="the message to go")
    assert app.helper.heading == "Before" and app.preview.picture_only() is not None
    assert centre_colour(app) == (0, 0, 255)
    key(app, pygame.K_F6)


def test_input_is_typed_into_the_console(app):
    app.editor.set_text('name = input("What is your name? ")\nprint("Hello " + name)\n')
    key(app, pygame.K_F5)
    run_until(app, lambda: app.console.waiting, what="the console to ask")
    assert app.focus == "console"
    run_until(app, lambda: app.preview.message == tr("ui.preview.no_window"), what="the no-window note")
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Ana"))
    step(app)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: any("Hello Ana" in line for line in app.console.lines), what="the answer")
    run_until(app, lambda: app.games.state == "ended", what="the program to end")
    assert app.focus == "editor"


def test_quitting_with_unsaved_changes_asks_first(app):
    app.editor.set_text("")
    type_program(app, "print('hi')")
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    step(app)
    assert app.dialog is not None and app.dialog.name == "quit" and app.running
    key(app, pygame.K_ESCAPE)                          # Esc: keep working
    assert app.dialog is None and app.running
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    step(app)
    key(app, pygame.K_RETURN)                          # the focused first answer: Save and close
    assert app.dialog is not None and app.dialog.name == "save_name"   # a new program is named first
    key(app, pygame.K_RETURN)                          # Enter keeps the suggested name
    run_until(app, lambda: not app.running, what="save and close")
    assert app.docs.path.read_text(encoding="utf-8") == "print('hi')"
    assert app.docs.path.name == tr("files.name.default") + ".py"


def test_quitting_without_changes_just_closes(app):
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    step(app)
    assert app.dialog is None and not app.running


def test_examples_open_from_the_keyboard_as_a_copy(app):
    from kidcoder.ui.gallery import load_examples

    second = load_examples("en")[1]
    key(app, pygame.K_F3)
    assert app.dialog is not None and app.dialog.name == "examples"
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.docs.path is not None and app.docs.path.stem.startswith(second.file[:-3]),
              what="the example to open")
    from kidcoder import paths

    assert app.docs.path.parent == paths.projects_dir()   # a copy in the child's projects folder
    assert app.editor.name == app.docs.path.name


def test_language_and_contrast_switch_from_the_keyboard(app):
    run_button = app.toolbar.buttons["run"]
    assert run_button.text == tr("ui.toolbar.run", "en")
    key(app, pygame.K_F10)
    assert run_button.text == tr("ui.toolbar.run", "es") and app.settings.language == "es"
    assert app.helper.question.placeholder_text == tr("ui.helper.placeholder", "es")
    step(app)
    assert app.helper.heading == tr("ui.helper.welcome_title", "es")       # the greeting in the new language
    key(app, pygame.K_F10)
    background = app.screen.get_at((app.size[0] // 2, app.size[1] - 40))
    key(app, pygame.K_F9)
    assert app.theme == "high_contrast"
    assert app.screen.get_at((app.size[0] // 2, app.size[1] - 40)) != background


def test_tab_moves_a_visible_focus_and_enter_presses(app):
    key(app, pygame.K_TAB, mod=pygame.KMOD_LCTRL)      # Ctrl+Tab: editor -> helper question
    assert app.focus == "question"
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="how do I move a sprite"))
    step(app)
    assert app.helper.question.get_text() == "how do I move a sprite"
    key(app, pygame.K_TAB)
    assert app.focus == "ask"
    key(app, pygame.K_RETURN)
    run_until(app, lambda: not app.helper.busy, timeout=30, what="the answer")
    assert app.helper.heading == "how do I move a sprite" and len(app.helper.text) > 40
    run_until(app, lambda: not app.helper.feed.held, timeout=30, what="its first screen")   # a few frames
    bar = app.helper.text_box.scroll_bar
    assert bar is not None and bar.start_percentage == 0
    key(app, pygame.K_PAGEDOWN)                        # a long answer scrolls from the keyboard
    step(app, 2)
    assert bar.start_percentage > 0
    key(app, pygame.K_ESCAPE)
    assert app.focus == "editor"


def test_make_a_game_from_a_description_opens_it(app):
    key(app, pygame.K_F4)
    assert app.dialog is not None and app.dialog.name == "make_game"
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="a snake game"))
    step(app)
    key(app, pygame.K_RETURN)
    assert app.dialog is None
    run_until(app, lambda: app.helper.heading == tr("ui.make.title") and not app.helper.busy,
              timeout=60, what="the new game to open")
    source = app.editor.get_text()
    compile(source, "game.py", "exec")
    assert "pygame" in source and app.docs.path is None and app.editor.view.buffer.modified   # until named
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    assert app.dialog.name == "save_name" and app.dialog.entry.get_text() == "a_snake_game"   # from its caption


def test_open_lists_the_childs_programs(app):
    app.editor.set_text("print('mine')\n")
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="mine"))
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.docs.pending_saves == 0 and app.docs.path is not None, what="the save")
    saved = app.docs.path
    assert saved.name == "mine.py"
    key(app, pygame.K_n, mod=pygame.KMOD_LCTRL)
    assert app.docs.path is None and "pygame" in app.editor.get_text()
    key(app, pygame.K_o, mod=pygame.KMOD_LCTRL)
    run_until(app, lambda: app.dialog is not None, what="My programs")
    assert [entry.path for entry in app.dialog.shown] == [saved]
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.docs.path == saved, what="the program to open")
    assert app.editor.get_text() == "print('mine')\n"


def test_unsaved_work_is_offered_back_after_a_crash(tmp_path, monkeypatch):
    from kidcoder.editor.files import ProjectFiles

    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    files = ProjectFiles()
    document = files.new("print('lost work')\n")
    files.autosave(document)
    window = make_app()
    try:
        run_until(window, lambda: window.dialog is not None, what="the recovery offer")
        assert window.dialog.name == "recover"
        key(window, pygame.K_RETURN)                       # Yes, bring them back
        assert window.editor.get_text() == "print('lost work')\n" and window.editor.view.buffer.modified
    finally:
        close_app(window)


def test_pause_and_step_from_the_keyboard(app):
    app.editor.set_text(KEY_GAME)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="frames")
    key(app, pygame.K_F7)
    assert app.games.state == "paused"
    time.sleep(0.3)
    step(app, 3)
    paused_at = app.games.game.latest_number()
    time.sleep(0.3)
    step(app, 3)
    assert app.games.game.latest_number() == paused_at          # no new frames while paused
    assert tr("ui.preview.paused") in app.preview.title_text()
    key(app, pygame.K_F8)
    run_until(app, lambda: app.games.game.latest_number() == paused_at + 1, what="one more frame")
    key(app, pygame.K_F7)
    assert app.games.state == "running"
    run_until(app, lambda: app.games.game.latest_number() > paused_at + 5, what="frames again")
    key(app, pygame.K_F6)


MISSING_COLON = """import pygame
pygame.init()
screen = pygame.display.set_mode((100, 100))
running = True
while running
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    pygame.display.flip()
"""


def test_help_climbs_to_the_fix_and_fix_it_applies_it_as_one_undo_step(app):
    app.editor.set_text(MISSING_COLON)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.helper.hint is not None, timeout=30, what="the hint")
    assert app.editor.view.error_line == 4
    assert app.helper.hint["fix"] is None           # a nudge does not wait for the fix's probe runs
    for level in (2, 3):
        key(app, pygame.K_F1)
        run_until(app, lambda: app.helper.level == level and not app.helper.busy, timeout=30, what=f"level {level}")
    assert app.helper.fix_button.visible
    key(app, pygame.K_TAB, mod=pygame.KMOD_LCTRL)               # editor -> helper: the first button
    assert app.focus in ("more", "fix")
    app.set_focus("fix")
    key(app, pygame.K_RETURN)
    assert "while running:" in app.editor.get_text() and app.editor.view.error_line is None
    compile(app.editor.get_text(), "game.py", "exec")
    key(app, pygame.K_z, mod=pygame.KMOD_LCTRL)                 # Ctrl+Z takes the fix back
    assert app.editor.get_text() == MISSING_COLON


def test_typing_is_autosaved_without_asking(app):
    type_program(app, "# keep me")
    run_until(app, lambda: app.docs.files.autosave_file(app.docs.doc).is_file(), timeout=10, what="the autosave")
    assert "# keep me" in app.docs.files.autosave_file(app.docs.doc).read_text(encoding="utf-8")
    run_until(app, lambda: app.editor.note == tr("editor.autosaved"), what="the kept-safe note")


def test_the_window_can_be_resized_down_to_800x600(app):
    size_before = app.editor.view.font_size
    key(app, pygame.K_EQUALS, mod=pygame.KMOD_LCTRL)
    assert app.editor.view.font_size > size_before and app.settings.font_size == app.editor.view.font_size
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(800, 600), w=800, h=600))
    step(app, 2)
    assert app.size == (800, 600) and app.layout.window.w == 800
    for name, box in app.layout.panes().items():
        assert box.right <= 800 and box.bottom <= 600, name
    for action, button in app.toolbar.buttons.items():
        rect = button.get_abs_rect()
        strip = app.layout.status if action in app.toolbar.view_order else app.layout.toolbar
        assert rect.right <= 800 and strip.y <= rect.y and rect.bottom <= strip.bottom, action
    assert app.layout.toolbar_rows == 1                           # in English the toolbar fits one row
    assert app.helper.ask_button.get_abs_rect().right <= app.layout.helper.right


def test_stop_lets_the_game_run_its_own_quit_code_first(app, tmp_path):
    app.editor.set_text(KEY_GAME.replace("            raise SystemExit",      # in its own folder: a game
                                         "            open('said_goodbye.txt', 'w').write('bye')\n"  # writes only there
                                         "            raise SystemExit"))
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 2, what="frames")
    pid = app.games.game.process.pid
    marker = app.games.game.program.parent / "said_goodbye.txt"
    key(app, pygame.K_F6)
    assert gone(pid)
    assert marker.read_text() == "bye"            # the game's QUIT handler ran: closing stops the game, not the app
    assert app.running


def test_find_and_go_to_line_from_the_keyboard(app):
    app.editor.set_text("a = 1\nb = 2\nscore = 3\nscore = 4\n")
    key(app, pygame.K_f, mod=pygame.KMOD_LCTRL)
    assert app.dialog is not None and app.dialog.name == "find"
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="score"))
    step(app)
    key(app, pygame.K_RETURN)
    assert app.dialog is None and app.editor.view.buffer.cursor[0] == 2
    key(app, pygame.K_f, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_RETURN)                          # the last word is kept: Enter finds the next one
    assert app.editor.view.buffer.cursor[0] == 3
    key(app, pygame.K_g, mod=pygame.KMOD_LCTRL)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="2"))
    step(app)
    key(app, pygame.K_RETURN)
    assert app.editor.view.buffer.cursor[0] == 1
    key(app, pygame.K_g, mod=pygame.KMOD_LCTRL)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="99"))
    step(app)
    key(app, pygame.K_RETURN)
    assert app.status == tr("editor.goto.bad_number", last=5)


def test_quitting_while_the_index_builds_leaves_no_process(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))       # no index yet: the window starts building one
    window = make_app()
    try:
        run_until(window, lambda: window.assist.indexer.process is not None, what="the index build to start")
        process = window.assist.indexer.process
    finally:
        close_app(window)
    assert process.poll() is not None


def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def test_opening_dialogs_again_and_again_does_not_grow_the_window(app):
    def open_and_close():
        key(app, pygame.K_F3)
        step(app, 2)
        key(app, pygame.K_ESCAPE)
        step(app, 5)

    open_and_close()
    before = rss_mb()
    for _ in range(10):
        open_and_close()
    assert app.dialog is None
    assert rss_mb() - before < 15          # about 4 MB a time before closed dialogs were given back


def test_the_toolbar_keeps_one_row_at_800x600_in_spanish(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    window = make_app((800, 600), language="es")
    try:
        assert window.layout.toolbar_rows == 1 and window.toolbar.compact
        assert window.toolbar.buttons["run"].text == "Jugar"              # the key stays in the tool tip
        assert "F5" in window.toolbar.buttons["run"].tool_tip_text
        for button in window.toolbar.buttons.values():
            assert button.get_abs_rect().right <= 800
        window.relayout((1200, 900))
        assert not window.toolbar.compact and window.toolbar.buttons["run"].text == tr("ui.toolbar.run", "es")
    finally:
        close_app(window)
        from kidcoder.i18n import set_language

        set_language("en")


def test_if_the_window_itself_breaks_the_work_is_kept_for_next_time(app, monkeypatch):
    type_program(app, "# my precious game")

    def broken(dt=None):
        raise RuntimeError("a bug in KidCoder")

    monkeypatch.setattr(app, "step", broken)
    with pytest.raises(RuntimeError):
        app.run()
    recoveries = app.docs.files.recoveries()
    assert recoveries and "# my precious game" in recoveries[0].document.text


def test_open_from_another_folder_with_the_file_picker(app, tmp_path):
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    program = elsewhere / "from_a_friend.py"
    program.write_text("print('shared')\n", encoding="utf-8")
    key(app, pygame.K_o, mod=pygame.KMOD_LCTRL)
    run_until(app, lambda: app.dialog is not None, what="the open dialog")
    browse = [b for b in app.dialog.focusables if app.dialog.choice_of.get(b) == "browse"][0]
    app.dialog.focus_index = app.dialog.focusables.index(browse)
    key(app, pygame.K_RETURN)
    assert app.dialog is not None and app.dialog.name == "browse"
    assert not app.dialog.window.delete_button.visible   # the picker cannot delete files
    app.dialog.window.file_path_text_line.set_text(str(program))
    key(app, pygame.K_RETURN)                          # Enter in the path line picks the file
    run_until(app, lambda: app.docs.path == program, what="the program from the other folder")
    assert app.editor.get_text() == "print('shared')\n" and app.dialog is None
