"""layout.py is pure rectangle maths: panes never overlap, stay inside the window and keep readable sizes.

The helper and the console share the dock (two tabs of one box); the game's box grows while a game plays.
"""
import dataclasses
import itertools

import pytest

from kidcoder.ui.layout import (EDITOR_PLAY_MIN_W, PREVIEW_HINT_H, TITLE_H, Box, compute_layout, fit_inside,
                                initial_size, picture_area, place_buttons, place_right, to_game, toolbar_rows_needed,
                                visible_lines)

SIZES = [(1200, 900), (800, 600), (1024, 768), (1920, 1080), (1366, 768), (801, 1000), (2560, 1440)]


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("rows", [1, 2])
@pytest.mark.parametrize("playing", [False, True])
@pytest.mark.parametrize("change_row", [False, True])
def test_panes_fit_and_do_not_overlap(size, rows, playing, change_row):
    lay = compute_layout(*size, toolbar_rows=rows, playing=playing, change_row=change_row)
    assert lay.helper == lay.console == lay.dock                  # two tabs of one box
    boxes = [lay.toolbar, lay.editor, lay.dock, lay.preview, lay.status] + ([lay.change] if change_row else [])
    for box in boxes:
        assert box.x >= 0 and box.y >= 0 and box.right <= size[0] and box.bottom <= size[1], box
    for a, b in itertools.combinations(boxes, 2):
        assert not overlaps(a, b), (a, b)
    assert lay.change.h == (36 if change_row else 0) and lay.change.w == lay.preview.w
    if change_row:
        assert lay.preview.bottom < lay.change.y and lay.change.bottom < lay.dock.y


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("playing", [False, True])
def test_every_pane_is_big_enough_to_use(size, playing):
    lay = compute_layout(*size, toolbar_rows=2, change_row=True, playing=playing)
    assert lay.editor.w >= 440 and lay.editor.h >= 400       # ~18 lines of 34 columns at the default size
    assert lay.dock.h >= 200                                 # tabs, a few lines of an answer, the question line
    picture = picture_area(lay.preview, playing)
    assert picture.w >= 320 and picture.h >= 100


def test_the_xo_screen_sizes():
    """The numbers the report gives: 61 columns of code at 1200 wide (743 pixels at the default size),
    the game 3:2 across its column while it plays, and a dock for the helper below it."""
    lay = compute_layout(1200, 900, playing=True)
    assert lay.editor.w == 743 and lay.editor.h == 810
    picture = picture_area(lay.preview, True)
    assert (picture.w, picture.h) == (431, 287)
    assert lay.dock.h == 451
    rest = compute_layout(1200, 900)
    assert rest.dock.h == 627 and rest.preview.h == TITLE_H + 147 and rest.editor == lay.editor
    assert compute_layout(1200, 900, change_row=True, playing=True).dock.h == 409
    small = compute_layout(800, 600, playing=True)
    assert small.editor.w == 452 and picture_area(small.preview, True).w == 322
    assert small.dock.h == 224 and compute_layout(800, 600).dock.h == 363


def test_the_game_is_the_biggest_thing_on_the_right_while_it_plays():
    for size in SIZES:
        lay = compute_layout(*size, playing=True)
        picture = picture_area(lay.preview, True)
        assert picture.w == lay.preview.w - 8                         # the column's whole width
        assert lay.preview.h == TITLE_H + picture.h + 8 + PREVIEW_HINT_H
        rest = compute_layout(*size)
        assert rest.preview.h < lay.preview.h and rest.dock.h > lay.dock.h


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


GAME_SIZES = [(600, 400), (320, 240), (800, 600), (640, 480), (1000, 50), (50, 1000)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("game", GAME_SIZES)
@pytest.mark.parametrize("rows", [1, 2])
def test_a_game_at_its_own_size_fits_or_is_laid_out_as_before(size, game, rows):
    """Shown at its own size only when all of it fits with room to spare for the code and the helper;
    otherwise the column and the box are the ones any playing game gets."""
    lay = compute_layout(*size, toolbar_rows=rows, change_row=True, playing=True, game_size=game)
    plain = compute_layout(*size, toolbar_rows=rows, change_row=True, playing=True)
    boxes = [lay.toolbar, lay.editor, lay.dock, lay.preview, lay.status, lay.change]
    for a, b in itertools.combinations(boxes, 2):
        assert not overlaps(a, b), (a, b)
    assert lay.dock.h >= 200 and lay.editor.h == plain.editor.h and lay.game_size == game
    picture = picture_area(lay.preview, True)
    if picture.w >= game[0] and picture.h >= game[1]:
        assert picture.h == max(game[1], 160 - 8) and lay.editor.w >= min(EDITOR_PLAY_MIN_W, plain.editor.w)
        assert lay.preview.w == max(plain.preview.w, game[0] + 8)
    else:
        assert lay.preview == plain.preview and lay.editor == plain.editor


def test_the_gallery_size_plays_pixel_for_pixel_on_the_xo_screen_and_not_on_a_small_one():
    lay = compute_layout(1200, 900, change_row=True, playing=True, game_size=(600, 400))
    picture = picture_area(lay.preview, True)
    assert (picture.w, picture.h) == (600, 400) and lay.editor.w == 574 and lay.preview.w == lay.dock.w == 608
    assert lay.dock.h == 296
    small = compute_layout(800, 600, change_row=True, playing=True, game_size=(600, 400))
    assert dataclasses.replace(small, game_size=None) == compute_layout(800, 600, change_row=True, playing=True)
    resting = compute_layout(1200, 900, change_row=True, game_size=(600, 400))
    assert resting == compute_layout(1200, 900, change_row=True) and resting.game_size is None
