"""The Pictures and Sounds pickers in the real window: search in both languages, the keyboard, the mouse,
code that goes in as one undo step, a copied file, and a program that then runs (a real child process)."""
from pathlib import Path

import pygame
import pytest

from kidcoder import paths

from kidcoder.runner.headless import run_program
from kidcoder.ui.library_picker import INSERT
from tests.ui.driver import key, run_until, step

CTRL = pygame.KMOD_CTRL


def type_text(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    step(app)


def shown(app, query):
    """Wait until the open picker shows the search results for query; their ids."""
    picker = app.dialog
    run_until(app, lambda: picker._shown_query == query and not picker._dirty, what=f"results for {query!r}")
    return [entry.id for entry in picker.items]


def projects(app) -> Path:
    return Path(app.docs.files.folder)


def test_a_picked_picture_goes_in_as_one_undo_step_and_the_program_runs(windows):
    app = windows()
    original = app.editor.get_text()
    app.editor.view.goto_line(15)                # inside the game loop, before the drawing
    key(app, pygame.K_p, mod=CTRL)               # Ctrl+P: Pictures
    assert app.dialog.name == "pictures" and app.focus == "editor"
    type_text(app, "cat")
    key(app, pygame.K_RETURN)                    # at once: it waits for the answer for "cat"
    run_until(app, lambda: "images/cat.png" in app.editor.get_text(), what="the cat's code")
    assert app.dialog is None and app.focus == "editor"
    text = app.editor.get_text()
    assert 'cat_picture = pygame.image.load("images/cat.png").convert_alpha()' in text
    assert "    screen.blit(cat_picture, (100, 100))" in text
    assert (projects(app) / "images" / "cat.png").is_file() and (projects(app) / "images" / "CREDITS.txt").is_file()
    line = app.editor.view.buffer.cursor[0] + 1
    assert "blit" in text.split("\n")[line - 1] and f"line {line} draws it" in app.helper.text
    game = projects(app) / "with_cat.py"               # the program as it is, next to its images/ folder
    game.write_text(text, encoding="utf-8")
    result = run_program(game, frames=30, seconds=20, fast_clock=True)
    assert result.exit == "ok" and result.frames >= 30, result.error
    app.editor.view.buffer.undo()                # one Ctrl+Z takes all of it back
    assert app.editor.get_text() == original


def test_search_in_both_languages_and_the_keyboard(windows):
    app = windows(lang="es")
    app.actions.do("pictures")
    picker = app.dialog
    assert shown(app, "")[:2] == ["cat", "dog"]            # everything, in the library's order
    type_text(app, "perro")
    assert shown(app, "perro")[0] == "dog"
    assert picker.entry.get_text() == "perro"
    for _ in range(5):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "dog")                                    # English works in Spanish too
    assert shown(app, "dog")[0] == "dog" and picker.current.name("es") == "perro"
    for _ in range(3):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "fruta")                                  # a tag: every fruit
    found = shown(app, "fruta")
    assert {"apple", "banana"} <= set(found)
    key(app, pygame.K_DOWN)                                  # into the grid
    assert picker.focused() is picker.board and picker.selected == 0
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    assert picker.selected == 2
    key(app, pygame.K_END)
    assert picker.selected == len(found) - 1
    key(app, pygame.K_HOME)
    key(app, pygame.K_UP)                                    # up from the top row: the search line again
    assert picker.focused() is picker.entry
    key(app, pygame.K_DOWN)
    type_text(app, "s")                                      # letters typed on the grid go to the search
    assert picker.focused() is picker.entry and picker.entry.get_text() == "frutas"
    assert shown(app, "frutas")[0] in found                  # plurals do not matter
    for _ in range(6):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "zzzz")
    assert shown(app, "zzzz") == []
    key(app, pygame.K_RETURN)                                # nothing found: Enter does nothing
    assert app.dialog is picker
    text = app.editor.get_text()
    key(app, pygame.K_ESCAPE)
    assert app.dialog is None and app.editor.get_text() == text


def test_the_mouse_picks_and_a_double_click_puts_it_in(windows):
    app = windows()
    app.actions.do("pictures")
    picker = app.dialog
    shown(app, "")
    board = picker.board.get_abs_rect()
    from kidcoder.ui import library_grid as grid

    x, y, w, h = grid.cell_box(picker.shape, 3, picker.top)
    where = (board.x + x + w // 2, board.y + y + h // 2)
    for _ in range(2):
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=where, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=where, button=1))
    entry = picker.items[3]
    run_until(app, lambda: entry.project_path in app.editor.get_text(), what="the double-clicked picture")


def test_pictures_come_lazily_and_are_kept(windows):
    app = windows(size=(800, 600))
    app.actions.do("pictures")
    picker = app.dialog
    run_until(app, lambda: len(app.more.library.thumbnails) >= picker.shape.page, what="the first pictures")
    asked = len(app.more.library.thumbnails)
    assert asked <= picker.shape.page + picker.shape.columns        # only what is on screen (and one row more)
    key(app, pygame.K_ESCAPE)
    app.actions.do("pictures")                                   # opened again: the pictures are there at once
    assert app.more.library.thumbnails.get("cat", app.dialog.picture_px) is not None
    key(app, pygame.K_ESCAPE)


def test_a_sound_plays_with_space_and_goes_in_with_enter(windows):
    app = windows()
    app.editor.view.goto_line(13)                # "running = False", inside the loop
    app.actions.do("more")
    assert app.dialog.name == "more"
    key(app, pygame.K_RIGHT)                     # Pictures -> Sounds
    key(app, pygame.K_RETURN)
    assert app.dialog.name == "sounds"
    picker = app.dialog
    type_text(app, "moneda")
    assert shown(app, "moneda")[0] == "coin"
    key(app, pygame.K_TAB)                       # the grid
    key(app, pygame.K_SPACE)                     # listen
    run_until(app, lambda: app.more.library.player._loaded, what="the sound played")
    assert app.dialog is picker and "coin_sound" not in app.editor.get_text()
    key(app, pygame.K_TAB)                       # the Play button
    key(app, pygame.K_RETURN)
    assert app.dialog is picker
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    key(app, pygame.K_RETURN)                    # Enter on the grid: in it goes
    run_until(app, lambda: "sounds/coin.wav" in app.editor.get_text(), what="the coin's code")
    text = app.editor.get_text()
    assert 'coin_sound = pygame.mixer.Sound("sounds/coin.wav")' in text and "coin_sound.play()" in text
    assert (projects(app) / "sounds" / "coin.wav").is_file()
    run_until(app, lambda: not app.more.library.player._loaded, what="the sound device let go")
    game = projects(app) / "with_coin.py"
    game.write_text(text, encoding="utf-8")
    result = run_program(game, frames=20, seconds=20, fast_clock=True)
    assert result.exit == "ok", result.error


def test_run_copies_the_library_files_a_program_names(windows):
    app = windows()
    app.editor.set_text("\n".join([
        "import pygame",
        "pygame.init()",
        "screen = pygame.display.set_mode((300, 200))",
        'fruit = pygame.image.load("images/banana.png")',
        'boing = pygame.mixer.Sound("sounds/bounce.wav")',
        "for frame in range(40):",
        "    screen.fill((0, 0, 0))",
        "    screen.blit(fruit, (10, 10))",
        "    pygame.display.flip()",
        ""]))
    app.actions.do("run")
    run_until(app, lambda: app.games.state == "ended", what="the game to end by itself")
    assert app.games.end_status == "ok" and app.preview.frames_drawn >= 1, app.helper.text
    folder = Path(app.docs.path).parent if app.docs.path else paths.projects_dir()   # unnamed: runs from projects/
    assert (folder / "images" / "banana.png").is_file() and (folder / "sounds" / "bounce.wav").is_file()


@pytest.mark.parametrize("lang, size", [("en", (1200, 900)), ("es", (800, 600))])
def test_the_pickers_fit_the_window(windows, lang, size):
    app = windows(lang=lang, size=size)
    for command in ("pictures", "sounds"):
        app.actions.do(command)
        picker = app.dialog
        shown(app, "")
        window_rect = pygame.Rect((0, 0), size)
        assert window_rect.contains(picker.window.get_abs_rect())
        assert picker.shape.rows >= 3 and picker.shape.columns >= 3
        for button in picker.focusables:
            assert picker.window.get_abs_rect().contains(button.get_abs_rect())
        key(app, pygame.K_ESCAPE)
        assert app.dialog is None
    assert picker.result != INSERT
