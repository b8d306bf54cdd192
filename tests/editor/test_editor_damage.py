"""Painting only the editor's changed rows (editor/damage.py) gives the very pixels a full repaint gives."""
import random

import pygame
import pytest

from kidcoder.editor.clipboard import InAppClipboard
from kidcoder.editor.theme import load_theme
from kidcoder.editor.view import BLINK_S, EditorView

SOURCE = ("import pygame\n\nscore = 0\n\ndef move(x, y):\n    return (x + 1,\n            y - 1)\n\n"
          "names = ['ana', 'luis']\nprint(move(2, 3), score)\n# the end\n")
SIZE = (1160, 360)


def make_view(font_size=18, text=SOURCE, width=520):
    return EditorView(pygame.Rect(10, 20, width, 300), font_size=font_size, theme=load_theme("default"),
                      clipboard=InAppClipboard(), text=text)


def full_picture(view):
    surface = pygame.Surface(SIZE)
    surface.fill((255, 0, 255))
    view.draw(surface)
    return surface


def repaint_changed(view, surface):
    """What the window does: paint only the rows changed_rows() names (all of it for None)."""
    rows = view.changed_rows()
    for rect in [view.rect] if rows is None else rows:
        surface.set_clip(rect)
        view.draw(surface)
        surface.set_clip(None)
    return rows


def same_pixels(a, b, rect):
    return pygame.image.tobytes(a.subsurface(rect), "RGB") == pygame.image.tobytes(b.subsurface(rect), "RGB")


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def text(t):
    return pygame.event.Event(pygame.TEXTINPUT, text=t)


def typed(typing, at):
    """A view painted whole, then typing at `at` and painting what changed_rows() names: (view, rows);
    the picture is checked against a full repaint."""
    view = make_view()
    view.buffer.set_cursor(at)
    surface = full_picture(view)
    view.handle_event(text(typing))
    rows = repaint_changed(view, surface)
    assert same_pixels(surface, full_picture(view), view.rect)
    return view, rows


def test_a_typed_letter_repaints_only_its_row_and_matches_a_full_repaint():
    view, rows = typed("x", (2, 5))
    assert rows == [pygame.Rect(10, view.line_y(2), view.text_right - 10, view.fonts.line_height)]
    assert view.changed_rows() == []            # painted: nothing is left to paint


def test_nothing_changed_paints_nothing_and_an_unknown_picture_paints_everything():
    view = make_view()
    assert view.changed_rows() is None          # never painted
    surface = full_picture(view)
    assert view.changed_rows() == []
    surface.set_clip(pygame.Rect(0, view.line_y(3) + 4, 300, 5))      # a tool tip's rect: it cuts row 3
    view.handle_event(text("q"))                # the caret's row (0) changes, painted only in part
    view.draw(surface)
    surface.set_clip(None)
    rows = view.changed_rows()
    assert {r.y for r in rows} == {view.line_y(0), view.line_y(3)}
    repaint_changed(view, surface)
    assert same_pixels(surface, full_picture(view), view.rect)


def test_the_caret_blinking_repaints_its_row():
    view = make_view()
    surface = full_picture(view)
    view.update(BLINK_S + 0.01)
    assert len(repaint_changed(view, surface)) == 1
    assert same_pixels(surface, full_picture(view), view.rect)


@pytest.mark.parametrize("font_size", [14, 18, 40])
def test_random_edits_moves_and_selections_never_leave_a_stale_picture(font_size):
    """Letters, quotes that recolour the lines below, brackets whose partner is on another row,
    selections, Enter, Backspace, scrolling, blinking and the error marker (its wavy line reaches
    into the next row at big sizes): after each, the rows repainted look as a full repaint."""
    view = make_view(font_size)
    view.set_error_marker(6, "A ( is not closed")
    actions = [lambda: view.handle_event(text("a")), lambda: view.handle_event(text('"')),
               lambda: view.handle_event(text("(")), lambda: view.handle_event(text(")")),
               lambda: view.handle_event(text("' ")), lambda: view.handle_event(text("verylongname" * 3)),
               lambda: view.handle_event(key(pygame.K_BACKSPACE)), lambda: view.handle_event(key(pygame.K_RETURN)),
               lambda: view.handle_event(key(pygame.K_LEFT)), lambda: view.handle_event(key(pygame.K_RIGHT)),
               lambda: view.handle_event(key(pygame.K_UP)), lambda: view.handle_event(key(pygame.K_DOWN)),
               lambda: view.handle_event(key(pygame.K_RIGHT, pygame.KMOD_LSHIFT)),
               lambda: view.handle_event(key(pygame.K_END)), lambda: view.update(BLINK_S),
               lambda: view.scroll(1), lambda: view.scroll(-1),
               lambda: view.set_error_marker(view.buffer.cursor[0] + 1, "Look here"),
               lambda: view.clear_error_marker()]
    chooser = random.Random(font_size)
    surface = full_picture(view)
    narrowed = 0
    for number in range(120):
        chooser.choice(actions)()
        rows = repaint_changed(view, surface)
        narrowed += rows is not None
        assert same_pixels(surface, full_picture(view), view.rect), f"step {number}"
    assert narrowed > 40            # most steps repaint rows, not the pane


def test_a_triple_quote_recolours_the_rows_below_it():
    assert len(typed('"""', (2, 0))[1]) > 5


@pytest.mark.parametrize("font_size", [18, 40, 48])
def test_typing_on_the_error_line_repaints_its_wavy_line_whole(font_size):
    view = make_view(font_size, width=1120)        # the line and its message fit: no scroll bar, no strip
    view.set_error_marker(3, "Oops")
    view.buffer.set_cursor((2, 9))
    surface = full_picture(view)
    for letter in "abcdefgh":
        view.handle_event(text(letter))
        assert repaint_changed(view, surface) is not None
        assert same_pixels(surface, full_picture(view), view.rect)
