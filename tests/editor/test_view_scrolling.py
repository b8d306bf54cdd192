"""Scrolling the editor: long lines get a horizontal scroll bar, a jump never leaves every line chopped,
the red hint strip sits under the code (never over its last line), the scroll bars can be dragged."""
import pygame
import pytest

from kidcoder.editor import scrolling
from kidcoder.editor.clipboard import InAppClipboard
from kidcoder.editor.theme import load_theme
from kidcoder.editor.view import EditorView

LONG = "x = [" + ", ".join(str(n) for n in range(40)) + "]"
PROGRAM = "\n".join(["import pygame", LONG, "y = 1"] + [f"z{n} = {n}" for n in range(40)])


@pytest.fixture(scope="module", autouse=True)
def fonts():
    pygame.font.init()
    yield


@pytest.fixture
def view():
    return EditorView(pygame.Rect(0, 0, 500, 300), font_size=18, theme=load_theme("default"),
                      clipboard=InAppClipboard(), text=PROGRAM)


def test_left_column_rules():
    assert scrolling.left_for_cursor(7, 30, 40) == 0          # it fits from column 0: show the line starts
    assert scrolling.left_for_cursor(0, 40, 40) == 0          # just after the last column still shows
    assert scrolling.left_for_cursor(0, 41, 40) == 11         # past the edge: a quarter of the width at once
    assert scrolling.left_for_cursor(11, 45, 40) == 11        # it shows already: no sliding
    assert scrolling.left_for_cursor(30, 25, 20) == 19        # back to the left: a third of the width of context


def test_a_long_line_gets_a_horizontal_scroll_bar_that_can_be_dragged(view):
    assert view.hbar() is not None and view.vbar() is not None
    rows_without = EditorView(pygame.Rect(0, 0, 500, 300), font_size=18, text="a = 1\n" * 60).visible_rows
    assert view.visible_rows == rows_without - 1 or view.visible_rows < rows_without   # the bar takes its room
    bar = view.hbar()
    track = pygame.Rect(bar.track)
    view.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(track.x + 2, track.centery)))
    view.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(track.right - 2, track.centery), buttons=(1, 0, 0),
                                         rel=(0, 0)))
    assert view.left == scrolling.max_left(view.widest, view.visible_cols) > 0
    view.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=(track.right - 2, track.centery)))
    assert view._bar_drag is None
    vbar = pygame.Rect(view.vbar().track)
    view.handle_event(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(vbar.centerx, vbar.bottom - 1)))
    assert view.top > 20 and view.buffer.cursor == (0, 0)        # the bar scrolls; the cursor stays


def test_a_jump_after_the_end_of_a_long_line_shows_the_line_starts_again(view):
    view.buffer.set_cursor((1, len(LONG)))
    view.ensure_cursor_visible()
    assert view.left > 0
    view.goto_line(3)
    assert view.left == 0
    view.buffer.set_cursor((1, len(LONG)))
    view.ensure_cursor_visible()
    view.reveal_lines(30, 35)                                    # the helper put code in there
    assert view.left == 0 and view.top <= 29 < 34 < view.top + view.visible_rows


def test_a_long_hint_sits_under_the_code_and_never_covers_a_line(view):
    rows_before = view.visible_rows
    view.set_error_marker(3, "Look at this line: a message much too long to fit after the code of it, " * 2)
    lines = view.strip_lines()
    assert 2 <= len(lines) <= scrolling.MAX_STRIP_LINES
    assert view.visible_rows <= rows_before - len(lines)
    lh = view.fonts.line_height
    last_row_bottom = view.rect.y + view.visible_rows * lh
    assert last_row_bottom <= view.code_bottom
    surface = pygame.Surface((500, 300))
    view.draw(surface)
    error_bg = view.theme.color("error_background")
    assert tuple(surface.get_at((view.rect.x + 200, view.code_bottom + lh // 2)))[:3] == error_bg
    last_line = view.top + view.visible_rows - 1
    y = view.line_y(last_line) + lh // 2
    assert error_bg not in {tuple(surface.get_at((x, y)))[:3] for x in range(view.text_x, view.text_right)}


def test_a_short_hint_stays_at_the_end_of_its_line(view):
    view.set_error_marker(3, "Look here")
    assert view.strip_lines() == [] and view.bottom_h == scrolling.BAR


def test_wrap_words_keeps_words_and_marks_a_cut():
    assert scrolling.wrap_words("one two three four", 9) == ["one two", "three", "four"]
    assert scrolling.wrap_words("a " * 50, 10, max_lines=2)[-1].endswith("\u2026")
