"""Pictures of the new dialogs for people to look at: the Pictures and Sounds pickers, the More menu, the cat
in a running game, the Pippy file picker and sharing as an activity, at 1200x900 and 800x600, in English and
Spanish. The test checks they are real (the right size, many colours, the cat's own pixels in the picker);
they go to a temporary folder, or to docs/walk/ with KIDCODER_WRITE_SCREENSHOTS=1."""
import os
from pathlib import Path

import pygame
import pytest

from kidcoder.making import library
from kidcoder.sugar.journal import Journal
from kidcoder.ui import library_grid as grid
from tests.sugar.fake_datastore import FakeDatastore
from tests.ui.driver import key, run_until, step

DOCS = Path(__file__).resolve().parents[2] / "docs" / "walk"
SIZES = [((1200, 900), "en"), ((1200, 900), "es"), ((800, 600), "en"), ((800, 600), "es")]


def folder(tmp_path, part):
    base = DOCS if os.environ.get("KIDCODER_WRITE_SCREENSHOTS") == "1" else tmp_path
    (base / part).mkdir(parents=True, exist_ok=True)
    return base / part


def save(app, target: Path, size):
    step(app, 2)
    pygame.image.save(app.screen, str(target))
    picture = pygame.image.load(str(target))
    assert picture.get_size() == size
    colours = {tuple(picture.get_at((x, y))) for x in range(0, size[0], 9) for y in range(0, size[1], 9)}
    assert len(colours) > 40, target
    return picture


def settle(app, picker, query=""):
    run_until(app, lambda: picker._shown_query == query and not picker._dirty, what="the results")
    wanted = picker.shape.page if hasattr(picker, "thumbnails") else 0
    run_until(app, lambda: len(picker.thumbnails) >= min(wanted, len(picker.items)) if wanted else True,
              what="the pictures")
    step(app, 3)


@pytest.mark.parametrize("size, lang", SIZES)
def test_pictures_walk(windows, tmp_path, size, lang):
    out = folder(tmp_path, "pictures")
    name = f"{size[0]}x{size[1]}-{lang}"
    app = windows(lang, size)
    app.actions.do("more")
    save(app, out / f"more-{name}.png", size)
    key(app, pygame.K_RETURN)                              # the first: Pictures
    picker = app.dialog
    settle(app, picker)
    picture = save(app, out / f"pictures-{name}.png", size)
    board = picker.board.get_abs_rect()
    x, y, w, h = grid.cell_box(picker.shape, 0, 0)
    cat = library.find("picture", "cat")
    assert picker.items[0] is cat
    colour = picture.get_at((board.x + x + w // 2, board.y + y + 8 + picker.picture_px // 2))
    assert colour[0] > 200 and colour[1] > 150 and colour[2] < 130, colour        # the cat's orange face
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="gato" if lang == "es" else "cat"))
    step(app)
    settle(app, picker, "gato" if lang == "es" else "cat")
    key(app, pygame.K_DOWN)
    save(app, out / f"pictures-search-{name}.png", size)
    key(app, pygame.K_RETURN)
    run_until(app, lambda: "images/cat.png" in app.editor.get_text(), what="the cat's code")
    app.actions.do("sounds")
    settle(app, app.dialog)
    save(app, out / f"sounds-{name}.png", size)
    key(app, pygame.K_ESCAPE)
    app.actions.do("run")
    run_until(app, lambda: app.preview.frames_drawn >= 20, what="the game with the cat")
    app.set_focus("editor")
    save(app, out / f"cat-in-game-{name}.png", size)
    app.actions.do("stop")


@pytest.mark.parametrize("size, lang", SIZES)
def test_sugar_walk(windows, tmp_path, size, lang):
    out = folder(tmp_path, "sugar")
    name = f"{size[0]}x{size[1]}-{lang}"
    pippy_folder = tmp_path / "Documents"
    pippy_folder.mkdir()
    (pippy_folder / "Bounce Activity").write_text("import pippy\n", encoding="utf-8")
    (pippy_folder / "snow.py").write_text("import pippy\n", encoding="utf-8")
    app = windows(lang, size, sugar=True)             # the words and keys inside Sugar
    (tmp_path / "datastore").mkdir()
    datastore = FakeDatastore(str(tmp_path / "datastore"))
    app.more.sugar.journal_maker = lambda: Journal(datastore)
    save(app, out / f"window-in-sugar-{name}.png", size)
    app.more.sugar.open_pippy()
    app.dialog.window.file_path_text_line.set_text(str(pippy_folder))
    app.dialog.window.current_directory_path = str(pippy_folder)
    app.dialog.window.update_current_file_list()
    app.dialog.window.file_selection_list.set_item_list(app.dialog.window.current_file_list)
    save(app, out / f"open-pippy-{name}.png", size)
    key(app, pygame.K_ESCAPE)
    app.actions.do("share")
    app.dialog.entry.set_text("Mi sol" if lang == "es" else "My sun")
    save(app, out / f"share-{name}.png", size)
    key(app, pygame.K_RETURN)
    naming = lambda: app.dialog is not None and app.dialog.name == "save_name"      # noqa: E731
    run_until(app, lambda: not app.more.sugar.sharing or naming(), timeout=90, what="the activity or a name")
    if naming():                      # a new program is named first
        save(app, out / f"share-name-{name}.png", size)
        key(app, pygame.K_RETURN)
        run_until(app, lambda: not app.more.sugar.sharing, timeout=90, what="the activity")
    assert datastore.writes == 1, app.helper.text
    save(app, out / f"shared-{name}.png", size)
