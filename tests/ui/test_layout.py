"""layout.py is pure rectangle maths: panes never overlap, stay inside the window and keep readable sizes."""
import itertools

import pytest

from kidcoder.ui.layout import (Box, compute_layout, fit_inside, initial_size, place_buttons, place_right, to_game,
                                toolbar_rows_needed, visible_lines)

SIZES = [(1200, 900), (800, 600), (1024, 768), (1920, 1080), (1366, 768), (801, 1000), (2560, 1440)]


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("rows", [1, 2])
def test_panes_fit_and_do_not_overlap(size, rows):
    lay = compute_layout(*size, toolbar_rows=rows)
    boxes = [lay.toolbar, lay.editor, lay.helper, lay.preview, lay.change, lay.console, lay.status]
    for box in boxes:
        assert box.x >= 0 and box.y >= 0 and box.right <= size[0] and box.bottom <= size[1], box
    for a, b in itertools.combinations(boxes, 2):
        assert not overlaps(a, b), (a, b)


@pytest.mark.parametrize("size", SIZES)
def test_every_pane_is_big_enough_to_use(size):
    lay = compute_layout(*size, toolbar_rows=2)
    assert lay.editor.w >= 400 and lay.editor.h >= 250       # ~12 lines of code at the default size
    assert lay.helper.h >= 170                               # title, three lines, the question row
    assert lay.preview.w >= 320 and lay.preview.h >= 200
    assert lay.console.h >= 150                              # some lines and the input() line
    assert lay.change.w == lay.preview.w and lay.change.h >= 36  # the "Change my game" line


def test_editor_gets_most_of_the_width_on_the_default_screen():
    lay = compute_layout(1200, 900)
    assert lay.editor.w > lay.preview.w
    assert lay.editor.x < lay.preview.x and lay.helper.y > lay.editor.y and lay.console.y > lay.preview.y


def test_too_small_windows_are_laid_out_as_the_minimum():
    assert compute_layout(640, 480) == compute_layout(800, 600)


def test_buttons_wrap_onto_new_rows():
    boxes, rows = place_buttons(Box(0, 0, 300, 44), [100, 100, 100, 100])
    assert [len(r) for r in rows] == [2, 2]
    assert boxes[2].y > boxes[0].y and boxes[2].x == boxes[0].x
    assert toolbar_rows_needed(2000, [100] * 5) == 1
    assert toolbar_rows_needed(300, [100] * 5) == 3


def test_fit_inside_keeps_the_aspect_ratio_and_centres():
    shown, scale = fit_inside(Box(0, 0, 600, 600), (600, 400))
    assert (shown.w, shown.h) == (600, 400) and shown.y == 100 and scale == 1.0
    shown, scale = fit_inside(Box(10, 10, 300, 300), (600, 400))
    assert shown.w == 300 and shown.h == 200 and scale == 0.5
    shown, scale = fit_inside(Box(0, 0, 1000, 1000), (100, 80))
    assert scale == 2.0                       # tiny games are not blown up into a blur
    assert fit_inside(Box(0, 0, 10, 10), (0, 0)) == (Box(0, 0, 10, 10), 1.0)


def test_points_map_into_game_pixels():
    shown = Box(100, 50, 300, 200)           # a 600x400 game at half size
    assert to_game((100, 50), shown, (600, 400)) == (0, 0)
    assert to_game((250, 150), shown, (600, 400)) == (300, 200)
    assert to_game((399, 249), shown, (600, 400)) == (598, 398)
    assert to_game((5000, -10), shown, (600, 400)) == (599, 0)   # clamped to the game


def test_visible_lines_are_anchored_at_the_bottom():
    assert visible_lines(100, 200, 20) == (90, 100)
    assert visible_lines(5, 200, 20) == (0, 5)
    assert visible_lines(100, 200, 20, scroll_from_end=30) == (60, 70)


def test_the_window_opens_at_1200x900_or_as_big_as_the_screen_allows():
    assert initial_size((1920, 1080)) == (1200, 900)
    assert initial_size((1200, 900)) == (1200, 840)      # the XO screen: room for a title bar
    assert initial_size((1024, 768)) == (1024, 708)
    assert initial_size((640, 480)) == (800, 600)        # never below the minimum
    assert initial_size(None) == (1200, 900)


def test_status_bar_buttons_sit_at_the_right_end():
    boxes = place_right(Box(0, 560, 800, 34), [40, 50])
    assert boxes[-1].right == 796 and boxes[0].right + 4 == boxes[1].x and boxes[0].y == 564
