"""Programs never get lost, in the real window: naming on first save, bad and taken names, Save as,
Rename, My programs with every program and its thumbnail, the last program at start, the console."""
import os
import time

import pygame
import pytest

from kidcoder import paths
from kidcoder.i18n import tr
from kidcoder.projects.last_program import recall
from kidcoder.projects.thumbnails import thumbnail_path
from tests.ui.driver import close_app, key, make_app, run_until, step

CAUGHT = """import pygame
pygame.init()
screen = pygame.display.set_mode((160, 120))
pygame.display.set_caption("Cat and fish")
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
    screen.fill((0, 200, 0))
    pygame.display.flip()
    clock.tick(30)
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def app(home):
    window = make_app()
    run_until(window, lambda: window.frames > 2, what="start")
    yield window
    close_app(window)


def type_text(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    step(app)


def saved(app):
    return app.docs.pending_saves == 0 and app.docs.path is not None and not app.editor.view.buffer.modified


def programs(count, folder=None):
    """count programs, game_00 newest; every other one has a picture."""
    folder = folder or paths.projects_dir()
    folder.mkdir(parents=True, exist_ok=True)
    picture = pygame.Surface((60, 40))
    picture.fill((255, 0, 0))
    from kidcoder.projects.store import ProgramStore
    from kidcoder.ui.program_grid import encode_thumbnail

    store = ProgramStore(folder)
    now = time.time()
    made = []
    for number in range(count):
        path = folder / f"game_{number:02d}.py"
        path.write_text(f"print({number})\n", encoding="utf-8")
        os.utime(path, (now - number * 100, now - number * 100))
        if number % 2 == 0:
            store.save_thumbnail(path, encode_thumbnail(picture))
        made.append(path)
    return made


def test_the_first_save_asks_for_a_name_from_the_caption_and_checks_it(app):
    app.editor.set_text(CAUGHT)
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    dialog = app.dialog
    assert dialog.name == "save_name" and dialog.entry.get_text() == "cat_and_fish"
    type_text(app, "cat/fish")                          # typing replaces the suggestion
    assert dialog.entry.get_text() == "cat/fish"
    assert dialog.problem_text == tr("files.name.slash")
    key(app, pygame.K_RETURN)
    assert app.dialog is dialog                         # a bad name is never used
    for _ in range(9):
        key(app, pygame.K_BACKSPACE)
    assert dialog.problem_text == ""
    type_text(app, "Gato pescador")
    key(app, pygame.K_RETURN)
    assert app.dialog is None
    run_until(app, lambda: saved(app), what="the save")
    assert app.docs.path == paths.projects_dir() / "Gato pescador.py"
    assert app.docs.path.read_text(encoding="utf-8") == CAUGHT and app.editor.name == "Gato pescador.py"
    run_until(app, lambda: recall(app.docs.files.last_note) == app.docs.path, what="the last-program note")
    app.editor.view.buffer.insert_text("# more\n")
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)          # named: Save just saves
    assert app.dialog is None
    run_until(app, lambda: "# more" in app.docs.path.read_text(encoding="utf-8"), what="the second save")


def test_a_taken_name_asks_before_replacing_and_can_go_back(app):
    other = programs(1)[0]
    app.editor.set_text("print('new')\n")
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    type_text(app, other.stem)
    key(app, pygame.K_RETURN)
    assert app.dialog.name == "replace"
    key(app, pygame.K_RETURN)                           # Enter: Choose another name, back with what was typed
    assert app.dialog.name == "save_name" and app.dialog.entry.get_text() == other.stem
    assert other.read_text(encoding="utf-8") == "print(0)\n"
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)                           # Replace it
    run_until(app, lambda: saved(app), what="the save")
    assert app.docs.path == other and other.read_text(encoding="utf-8") == "print('new')\n"


def test_save_as_makes_a_copy_that_stays_open(app):
    app.editor.set_text(CAUGHT)
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: saved(app), what="the save")
    first = app.docs.path
    app.editor.view.buffer.insert_text("# copy\n")
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT)
    assert app.dialog.name == "save_name" and app.dialog.entry.get_text() == "cat_and_fish_2"
    key(app, pygame.K_RETURN)
    run_until(app, lambda: saved(app) and app.docs.path != first, what="the copy")
    assert app.docs.path.name == "cat_and_fish_2.py" and "# copy" in app.docs.path.read_text(encoding="utf-8")
    assert "# copy" not in first.read_text(encoding="utf-8")


def test_rename_moves_the_open_program_and_refuses_a_taken_name(app):
    taken = programs(1)[0]
    app.editor.set_text(CAUGHT)
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: saved(app), what="the save")
    old = app.docs.path
    app.actions.do("rename")
    dialog = app.dialog
    assert dialog.name == "rename" and dialog.entry.get_text() == "cat_and_fish"
    type_text(app, taken.stem)
    assert dialog.problem_text == tr("files.name.exists_rename", name=taken.stem)
    key(app, pygame.K_RETURN)
    assert app.dialog is dialog                         # never replaces another program
    for _ in range(len(taken.stem)):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "fish hunt")
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.docs.path is not None and app.docs.path.name == "fish hunt.py", what="the rename")
    assert not old.exists() and app.docs.path.read_text(encoding="utf-8") == CAUGHT
    assert app.editor.name == "fish hunt.py" and taken.read_text(encoding="utf-8") == "print(0)\n"


def test_my_programs_lists_every_program_newest_first_with_pictures_and_finds_by_typing(app):
    made = programs(16)
    key(app, pygame.K_o, mod=pygame.KMOD_LCTRL)
    run_until(app, lambda: app.dialog is not None, what="My programs")
    dialog = app.dialog
    assert dialog.name == "programs" and [e.path for e in dialog.shown] == made     # all 16, newest first
    assert dialog.shape.per_page < 16                   # more than fit: it scrolls
    assert dialog.painter.picture(dialog.shown[0], (160, 120)) is not None          # the thumbnail shows
    assert dialog.painter.picture(dialog.shown[1], (160, 120)) is None              # never run: no picture
    for _ in range(dialog.shape.rows):
        key(app, pygame.K_DOWN)                         # down past the last visible row: it scrolls
    assert dialog.selected == dialog.shape.rows * dialog.shape.columns and dialog.first_row == 1
    key(app, pygame.K_LEFT)
    assert dialog.selected == dialog.shape.rows * dialog.shape.columns - 1
    type_text(app, "1")
    assert [e.name for e in dialog.shown] == [f"game_{n:02d}" for n in (1, 10, 11, 12, 13, 14, 15)]
    assert dialog.selected == 0 and tr("files.list.found", shown=7, total=16, text="1") == dialog.count.text
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)                           # open game_10
    run_until(app, lambda: app.docs.path == made[10], what="the program to open")
    assert app.editor.get_text() == "print(10)\n"
    key(app, pygame.K_o, mod=pygame.KMOD_LCTRL)
    run_until(app, lambda: app.dialog is not None, what="My programs again")
    key(app, pygame.K_ESCAPE)
    assert app.dialog is None and app.docs.path == made[10]


def test_f2_in_my_programs_renames_a_program_and_its_picture_then_shows_the_list_again(app):
    made = programs(3)
    key(app, pygame.K_o, mod=pygame.KMOD_LCTRL)
    run_until(app, lambda: app.dialog is not None, what="My programs")
    key(app, pygame.K_F2)                               # the first card: game_00, which has a picture
    assert app.dialog.name == "rename" and app.dialog.entry.get_text() == "game_00"
    type_text(app, "dragon")
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.dialog is not None and app.dialog.name == "programs", what="the list again")
    new = made[0].with_name("dragon.py")
    assert new.exists() and not made[0].exists() and thumbnail_path(new).exists()
    assert not thumbnail_path(made[0]).exists()
    assert sorted(e.name for e in app.dialog.shown) == ["dragon", "game_01", "game_02"]


def test_a_stopped_game_leaves_a_thumbnail_even_before_its_program_has_a_name(app):
    app.editor.set_text(CAUGHT)
    key(app, pygame.K_F5)
    run_until(app, lambda: app.preview.frames_drawn >= 3, what="frames")
    key(app, pygame.K_F6)
    assert app.files.waiting_thumbnail is not None       # no name yet: the picture waits
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: saved(app) and thumbnail_path(app.docs.path).exists(), what="the thumbnail")
    picture = pygame.image.load(str(thumbnail_path(app.docs.path)))
    assert picture.get_size() == (160, 120) and tuple(picture.get_at((80, 60)))[:3] == (0, 200, 0)


def test_the_last_program_reopens_at_start_and_a_missing_one_is_no_trouble(home):
    first = make_app()
    try:
        first.editor.set_text(CAUGHT)
        key(first, pygame.K_s, mod=pygame.KMOD_LCTRL)
        key(first, pygame.K_RETURN)
        run_until(first, lambda: saved(first) and recall(first.docs.files.last_note) == first.docs.path,
                  what="the save")
        path = first.docs.path
    finally:
        close_app(first)
    second = make_app()
    try:
        run_until(second, lambda: second.docs.path == path, what="the last program")
        assert second.editor.get_text() == CAUGHT and second.editor.name == path.name
    finally:
        close_app(second)
    path.unlink()
    third = make_app()
    try:
        step(third, 20)
        assert third.docs.path is None and "pygame" in third.editor.get_text() and third.dialog is None
    finally:
        close_app(third)


CRASH = """import pygame
pygame.init()
screen = pygame.display.set_mode((100, 100))
size = 10
pygame.draw.circle(screen, (255, 0, 0), (50, 50), sise)
"""


def test_the_console_shows_a_short_kind_error_and_f12_shows_the_whole_text(app):
    app.editor.set_text(CRASH)
    key(app, pygame.K_s, mod=pygame.KMOD_LCTRL)
    type_text(app, "crash")
    key(app, pygame.K_RETURN)
    run_until(app, lambda: saved(app), what="the save")
    key(app, pygame.K_F5)
    run_until(app, lambda: app.games.state == "ended" and app.console.lines, what="the crash")
    assert app.console.lines == ["Your program stopped at line 5 of crash.py:",
                                 "    pygame.draw.circle(screen, (255, 0, 0), (50, 50), sise)",
                                 "NameError: name 'sise' is not defined"]
    assert not any(str(paths.projects_dir()) in line for line in app.console.lines)
    assert app.status == tr("files.status.crashed_line", line=5)
    key(app, pygame.K_F12)
    assert app.console.lines[0] == "Traceback (most recent call last):"
    assert any(str(paths.projects_dir()) in line for line in app.console.lines)       # the whole text
    key(app, pygame.K_F12)
    assert app.console.lines[0].startswith("Your program stopped")


def test_a_syntax_error_is_not_called_the_end_of_the_game(app):
    app.editor.set_text("import pygame\nwhile True\n    pass\n")
    key(app, pygame.K_F5)
    run_until(app, lambda: app.games.state == "ended", what="the end")
    step(app)
    assert app.status == tr("files.status.not_started_line", line=2) != tr("ui.status.ended")
    assert app.preview.message == tr("files.ended.not_started_line", line=2)
    assert app.console.lines[0] == tr("files.console.cannot_read", line=2, name=tr("ui.editor.untitled"))


def test_new_on_a_program_without_a_name_asks_to_keep_it(app):
    type_text(app, "# my own idea\n")
    key(app, pygame.K_n, mod=pygame.KMOD_LCTRL)
    assert app.dialog.name == "keep"
    key(app, pygame.K_RETURN)                           # Save it: the name comes first, then the new program
    assert app.dialog.name == "save_name"
    type_text(app, "idea")
    key(app, pygame.K_RETURN)
    run_until(app, lambda: app.docs.path is None and "# my own idea" not in app.editor.get_text(),
              what="the new program")
    idea = paths.projects_dir() / "idea.py"
    assert idea.is_file() and "# my own idea" in idea.read_text(encoding="utf-8")
    type_text(app, "# scribble\n")
    key(app, pygame.K_n, mod=pygame.KMOD_LCTRL)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)                           # Don't keep it
    assert app.dialog is None and "# scribble" not in app.editor.get_text()
    assert [p.name for p in paths.projects_dir().glob("*.py")] == ["idea.py"]
