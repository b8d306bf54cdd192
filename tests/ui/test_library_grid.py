"""The pickers' grid maths, the Sugar key names, and putting a plan into the editor as one undo step."""
import pygame
import pytest

from kidcoder.editor.buffer import TextBuffer
from kidcoder.i18n import catalog, set_key_names, tr
from kidcoder.making import code_lines, library
from kidcoder.ui import library_grid as grid
from kidcoder.ui.actions import COMMANDS
from kidcoder.ui.file_actions import starter_program
from kidcoder.ui.keys import action_for_key
from kidcoder.ui.library_actions import added_message, insert_plan
from kidcoder.ui.sugar_actions import in_sugar, start_folder
from kidcoder.ui.sugar_keys import SHELL_KEYS, key_words, shell_key_names

SHAPE = grid.GridShape(cell_w=100, cell_h=120, columns=4, rows=3)


def test_the_grid_fills_its_width_with_whole_cells_and_whole_rows():
    shape = grid.fit_grid(726, 350, 92, 106)
    assert shape.columns == 7 and shape.rows == 3
    assert shape.columns * (shape.cell_w + grid.GAP) + grid.GAP <= 726 and shape.cell_w >= 92
    assert grid.fit_grid(50, 50, 92, 106).columns == 1         # never less than one cell


def test_cells_and_points_agree():
    for index in range(12):
        x, y, w, h = grid.cell_box(SHAPE, index, top=0)
        assert grid.item_at(SHAPE, (x + w // 2, y + h // 2), top=0, count=12) == index
    assert grid.cell_box(SHAPE, 12, top=0) is None            # row 3 is below the visible rows
    assert grid.cell_box(SHAPE, 12, top=1) == grid.cell_box(SHAPE, 8, top=0)
    assert grid.item_at(SHAPE, (3, 3), top=0, count=12) is None                  # the gap
    assert grid.item_at(SHAPE, (grid.GAP + 5, grid.GAP + 5), top=0, count=0) is None   # nothing there


@pytest.mark.parametrize("start, step, count, expected", [
    (0, "right", 10, 1), (9, "right", 10, 9), (0, "left", 10, 0),
    (5, "up", 10, 1), (2, "up", 10, None),                  # the top row: back to the search line
    (1, "down", 10, 5), (5, "down", 10, 9), (8, "down", 10, 8), (6, "down", 10, 9),   # last row may be short
    (0, "page_down", 30, 12), (20, "page_up", 30, 8), (7, "home", 30, 0), (7, "end", 30, 29),
    (0, "down", 0, 0), (0, "up", 0, None),
])
def test_moving_the_choice(start, step, count, expected):
    assert grid.moved(start, step, SHAPE, count) == expected


def test_scrolling_keeps_the_choice_on_screen():
    assert grid.scrolled_to(13, 0, SHAPE) == 1           # row 3 needs rows 1..3
    assert grid.scrolled_to(2, 2, SHAPE) == 0
    assert grid.scrolled_to(5, 0, SHAPE) == 0
    assert grid.clamp_top(99, SHAPE, 30) == 5 and grid.clamp_top(-3, SHAPE, 30) == 0
    assert list(grid.visible_range(SHAPE, 1, 30, ahead_rows=1)) == list(range(4, 20))
    assert list(grid.visible_range(SHAPE, 6, 30)) == list(range(24, 30))


def test_each_shell_key_has_a_ctrl_key_and_the_words_name_it():
    names = shell_key_names()
    assert names == {"F1": "Ctrl+H", "F2": "Ctrl+K", "F3": "Ctrl+E", "F4": "Ctrl+J", "F5": "Ctrl+R", "F6": "Ctrl+."}
    for command in COMMANDS:
        if any(key[0] in SHELL_KEYS and not key[1] for key in command.keys):
            ctrl_key = next(key for key in command.keys if key[1])
            mod = pygame.KMOD_CTRL | (pygame.KMOD_SHIFT if ctrl_key[2] else 0)
            assert action_for_key(ctrl_key[0], mod) == command.name
    assert key_words((pygame.K_o, True, True)) == "Ctrl+Shift+O" and key_words((pygame.K_F5, False, False)) == "F5"


def test_inside_sugar_no_text_names_a_key_the_shell_takes():
    try:
        set_key_names(shell_key_names())
        for lang in ("en", "es"):
            for key in catalog(lang):
                text = tr(key, lang)
                for number in range(1, 7):
                    assert f"F{number}" not in _words(text), (key, text)
        assert tr("ui.toolbar.run", "en") == "Run Ctrl+R" and "Ctrl+R" in tr("ui.preview.ended", "es")
        assert "F7" in tr("ui.preview.pause", "en")          # Sugar leaves F7-F10 to the activity
    finally:
        set_key_names({})
    assert tr("ui.toolbar.run", "en") == "Run F5"


def _words(text):
    return set(text.replace("(", " ").replace(")", " ").replace(",", " ").replace(".", " ").split())


def test_sugar_is_known_by_its_environment(tmp_path):
    assert in_sugar({"SUGAR_BUNDLE_ID": "org.kidcoder.KidCoder"}) and not in_sugar({})
    (tmp_path / "Documents").mkdir()
    assert start_folder(True, tmp_path) == str(tmp_path / "Documents")
    assert start_folder(False, tmp_path) == str(tmp_path)


PROGRAM = starter_program("en")        # the program a child starts from


@pytest.mark.parametrize("kind, ident, cursor", [("picture", "cat", 1), ("picture", "rocket", 15),
                                                 ("sound", "coin", 10), ("sound", "loop_happy", 3),
                                                 ("sound", "jump", 22)])
def test_a_plan_goes_in_as_code_lines_says_in_one_undo_step(kind, ident, cursor):
    entry = library.find(kind, ident)
    plan = code_lines.plan_insert(PROGRAM, entry, entry.project_path, cursor, "en")
    buffer = TextBuffer(PROGRAM)
    firsts = insert_plan(buffer, plan)
    assert buffer.get_text() == code_lines.apply_plan(PROGRAM, plan)
    lines = buffer.get_text().split("\n")
    for first, insertion in zip(firsts, plan.insertions):
        assert lines[first - 1:first - 1 + len(insertion.lines)] == list(insertion.lines)
    assert buffer.undo() and buffer.get_text() == PROGRAM
    assert buffer.redo() and buffer.get_text() == code_lines.apply_plan(PROGRAM, plan)
    message = added_message(entry, entry.project_path, plan, firsts, "en")
    assert entry.name("en") in message and str(firsts[0]) in message


def test_a_plan_at_the_very_end_of_a_program():
    entry = library.find("picture", "star")
    plan = code_lines.InsertPlan("star_picture", (code_lines.Insertion(3, ("a = 1",)),
                                                 code_lines.Insertion(3, ("b = 2", "c = 3"))))
    buffer = TextBuffer("x = 0\ny = 0")
    firsts = insert_plan(buffer, plan)
    assert buffer.get_text() == code_lines.apply_plan("x = 0\ny = 0", plan)
    assert firsts == [5, 3] and buffer.cursor == (3, 5)
    assert added_message(entry, entry.project_path, plan, firsts, "en")
