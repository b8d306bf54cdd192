"""EditorView on the dummy video driver: pixels of cursor, current line, selection and error marker; events."""
import pygame
import pytest

from kidcoder.editor.clipboard import InAppClipboard
from kidcoder.editor.theme import load_theme
from kidcoder.editor.view import EditorView

SOURCE = "import pygame\n\ndef move(x):\n    return x + 1\n\nprint(move(2))\n"


class FakeClock:
    def __init__(self):
        self.now = 10.0

    def __call__(self):
        return self.now


@pytest.fixture(scope="module", autouse=True)
def pygame_fonts():
    pygame.font.init()
    yield


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def view(clock):
    return EditorView(pygame.Rect(10, 20, 500, 300), font_size=18, theme=load_theme("default"),
                      clipboard=InAppClipboard(), text=SOURCE, clock=clock)


def drawn(view):
    surface = pygame.Surface((520, 340))
    surface.fill((255, 0, 255))  # magenta: anything the view does not paint stays magenta
    view.draw(surface)
    return surface


def colour(surface, x, y):
    return tuple(surface.get_at((int(x), int(y))))[:3]


def row_colours(surface, x1, x2, y1, y2):
    return {tuple(surface.get_at((x, y)))[:3] for x in range(int(x1), int(x2)) for y in range(int(y1), int(y2))}


def key(k, mod=0, unicode=""):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)


def text_event(text):
    return pygame.event.Event(pygame.TEXTINPUT, text=text)


def click(pos, button=1):
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)


# ----- pixels -------------------------------------------------------------------------------------------
def test_view_paints_only_its_rectangle(view):
    surface = drawn(view)
    assert colour(surface, 5, 5) == (255, 0, 255)
    assert colour(surface, 515, 330) == (255, 0, 255)
    assert colour(surface, view.rect.right - 20, view.rect.bottom - 5) == view.theme.color("background")


def test_cursor_is_drawn_where_the_cursor_is_and_blinks(view):
    view.buffer.set_cursor((2, 4))
    rect = view.cursor_rect()
    assert rect.x == view.text_x + 4 * view.fonts.char_width - 1
    assert rect.y == view.rect.y + 2 * view.fonts.line_height
    cursor_colour = view.theme.color("cursor")
    surface = drawn(view)
    assert colour(surface, rect.centerx, rect.centery) == cursor_colour
    view.update(0.6)  # the blink's off half
    surface = drawn(view)
    assert colour(surface, rect.centerx, rect.centery) != cursor_colour
    view.update(0.5)
    assert colour(drawn(view), rect.centerx, rect.centery) == cursor_colour


def test_no_cursor_when_the_editor_is_not_focused(view):
    view.focused = False
    rect = view.cursor_rect()
    assert colour(drawn(view), rect.centerx, rect.centery) != view.theme.color("cursor")


def test_current_line_and_selection_backgrounds(view):
    view.buffer.set_cursor((3, 0))
    view.buffer.set_cursor((3, 10), select=True)
    surface = drawn(view)
    lh, cw = view.fonts.line_height, view.fonts.char_width
    right = view.rect.right - 20
    assert colour(surface, right, view.line_y(3) + 1) == view.theme.color("current_line")
    assert colour(surface, right, view.line_y(1) + 1) == view.theme.color("background")
    assert colour(surface, view.text_x + 2, view.line_y(3) + 1) == view.theme.color("selection")
    assert colour(surface, view.text_x + 12 * cw, view.line_y(3) + 1) == view.theme.color("current_line")


def test_error_marker_draws_gutter_badge_and_underline_on_its_line_only(view):
    view.set_error_marker(4, "Oops")
    surface = drawn(view)
    error = view.theme.color("error")
    lh = view.fonts.line_height
    line_top = view.line_y(3)
    gutter_colours = row_colours(surface, view.rect.x, view.rect.x + view.gutter_width, line_top, line_top + lh)
    assert error in gutter_colours
    code_colours = row_colours(surface, view.text_x, view.text_x + 15 * view.fonts.char_width,
                               line_top + lh - 6, line_top + lh)
    assert error in code_colours
    other = row_colours(surface, view.rect.x, view.rect.right, view.line_y(1), view.line_y(1) + lh)
    assert error not in other
    view.clear_error_marker()
    assert error not in row_colours(drawn(view), view.rect.x, view.rect.right, line_top, line_top + lh)


def test_error_marker_follows_its_line_when_lines_are_added_above(view):
    view.set_error_marker(4, "Oops")
    view.buffer.set_cursor((0, 0))
    view.buffer.newline()
    assert view.error_line == 4  # 0-based: it was line 4 (1-based), now it is line 5


def test_save_a_screenshot_png(view, tmp_path):
    view.set_error_marker(6, "A ) is missing")
    view.buffer.set_cursor((2, 8))
    surface = drawn(view)
    out = tmp_path / "editor.png"
    pygame.image.save(surface, str(out))
    assert out.stat().st_size > 1000


# ----- keyboard -------------------------------------------------------------------------------------
def test_text_input_with_accents_and_enter_auto_indents(view):
    view.buffer.set_cursor((2, 12))
    assert view.handle_event(key(pygame.K_RETURN))
    assert view.handle_event(text_event("ñ"))
    assert view.buffer.lines[3] == "    ñ"


def test_ctrl_shortcuts_undo_comment_and_zoom(view):
    view.buffer.set_cursor((0, 0))
    view.handle_event(text_event("x"))
    assert view.handle_event(key(pygame.K_z, pygame.KMOD_LCTRL))
    assert view.get_text() == SOURCE
    assert view.handle_event(key(pygame.K_SLASH, pygame.KMOD_LCTRL))
    assert view.buffer.lines[0] == "# import pygame"
    size, width = view.font_size, view.fonts.char_width
    assert view.handle_event(key(pygame.K_PLUS, pygame.KMOD_LCTRL))
    assert view.font_size == size + 2 and view.fonts.char_width > width
    assert view.handle_event(key(pygame.K_MINUS, pygame.KMOD_LCTRL))
    assert view.font_size == size


def test_keys_for_the_window_are_not_consumed(view):
    assert not view.handle_event(key(pygame.K_F5))
    assert not view.handle_event(key(pygame.K_s, pygame.KMOD_LCTRL))
    assert not view.handle_event(key(pygame.K_f, pygame.KMOD_LCTRL))


def test_altgr_is_typing_not_a_shortcut(view):
    """On Spanish keyboards AltGr (reported as Ctrl+Alt) types [ { @ #: it must not undo or select all."""
    view.buffer.set_cursor((1, 0))
    alt_gr = pygame.KMOD_LCTRL | pygame.KMOD_RALT
    view.handle_event(key(pygame.K_z, alt_gr, unicode=""))
    view.handle_event(key(pygame.K_a, alt_gr, unicode=""))
    view.handle_event(text_event("@"))
    assert view.buffer.lines[1] == "@"
    assert view.buffer.selection() is None


def test_unfocused_view_ignores_typing(view):
    view.focused = False
    assert not view.handle_event(text_event("z"))
    assert view.get_text() == SOURCE


def test_cursor_stays_visible_when_moving_far_down(clock):
    long = EditorView(pygame.Rect(0, 0, 400, 200), font_size=18, clipboard=InAppClipboard(),
                      text="\n".join(f"line{i}" for i in range(300)), clock=clock)
    long.handle_event(key(pygame.K_END, pygame.KMOD_LCTRL))
    assert long.top > 0
    assert long.rect.contains(long.cursor_rect())
    long.handle_event(key(pygame.K_PAGEUP))
    assert long.rect.contains(long.cursor_rect())


# ----- mouse ----------------------------------------------------------------------------------------
def test_click_puts_cursor_under_mouse_and_double_click_selects_word(view, clock):
    cw, lh = view.fonts.char_width, view.fonts.line_height
    point = (view.text_x + 11 * cw + 2, view.line_y(3) + lh // 2)
    assert view.handle_event(click(point))
    assert view.buffer.cursor == (3, 11)
    view.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=point, button=1))
    clock.now += 0.1
    view.handle_event(click(point))
    assert view.buffer.selected_text() == "x"


def test_drag_selects(view):
    cw, lh = view.fonts.char_width, view.fonts.line_height
    view.handle_event(click((view.text_x + 2, view.line_y(2) + 3)))
    view.handle_event(pygame.event.Event(pygame.MOUSEMOTION, pos=(view.text_x + 3 * cw, view.line_y(2) + 3),
                                         rel=(1, 0), buttons=(1, 0, 0)))
    assert view.buffer.selected_text() == "def"


def test_click_outside_unfocuses(view):
    assert not view.handle_event(click((600, 600)))
    assert not view.focused


def test_click_with_tabs_maps_to_the_right_character(clock):
    tabbed = EditorView(pygame.Rect(0, 0, 400, 200), font_size=18, clipboard=InAppClipboard(),
                        text="if x:\n\tgo()", clock=clock)
    cw = tabbed.fonts.char_width
    tabbed.handle_event(click((tabbed.text_x + 5 * cw + 2, tabbed.line_y(1) + 3)))
    assert tabbed.buffer.cursor == (1, 2)  # tab (4 columns) + "g" = screen column 5


def test_wheel_scrolls(clock):
    long = EditorView(pygame.Rect(0, 0, 400, 200), font_size=18, clipboard=InAppClipboard(),
                      text="\n".join(f"line{i}" for i in range(300)), clock=clock)
    assert long.handle_event(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False))
    assert long.top == 6


def test_typing_renders_only_the_changed_line(view):
    drawn(view)
    before = view.renderer.renders
    view.buffer.set_cursor((3, 14))
    view.handle_event(text_event("0"))
    drawn(view)
    assert view.renderer.renders - before == 1


def test_long_error_message_goes_to_a_strip_and_leaves_the_line_readable(view):
    view.set_error_marker(4, "This message is much too long to fit after the code on this line, " * 2)
    surface = drawn(view)
    lh = view.fonts.line_height
    error_bg = view.theme.color("error_background")
    strip_top = view.rect.bottom - lh
    assert colour(surface, view.rect.right - 30, strip_top + lh // 2) == error_bg
    # The marked line itself keeps its own background to the right of the code.
    assert error_bg not in row_colours(surface, view.text_x + 20 * view.fonts.char_width, view.rect.right - 10,
                                       view.line_y(3) + 2, view.line_y(3) + lh - 6)


def test_matching_brackets_are_highlighted(view):
    view.buffer.set_cursor((5, 5))  # just before the ( of print(move(2))
    assert view.bracket_pair() == ((5, 5), (5, 13))
    surface = drawn(view)
    cw, lh = view.fonts.char_width, view.fonts.line_height
    match = view.theme.color("bracket_match")
    for col in (5, 13):
        box = row_colours(surface, view.text_x + col * cw, view.text_x + (col + 1) * cw, view.line_y(5),
                          view.line_y(5) + lh)
        assert match in box
    between = row_colours(surface, view.text_x + 7 * cw, view.text_x + 9 * cw, view.line_y(5), view.line_y(5) + lh)
    assert match not in between


def test_a_very_long_line_is_rendered_only_around_what_shows(clock):
    numbers = "x = [" + ", ".join(str(i) for i in range(3000)) + "]"
    long = EditorView(pygame.Rect(0, 0, 400, 200), font_size=18, clipboard=InAppClipboard(),
                      text=numbers, clock=clock)
    long.handle_event(key(pygame.K_END))
    assert long.left > 10000
    surface = pygame.Surface((400, 200))
    long.draw(surface)
    image, first_col = long.renderer.visible_part(numbers, long.highlighter.spans(0), long.left, long.visible_cols)
    assert first_col <= long.left < first_col + image.get_width() // long.fonts.char_width
    assert image.get_width() < 400 * long.fonts.char_width
    rect = long.cursor_rect()
    assert long.rect.contains(rect)
    assert colour(surface, rect.centerx, rect.centery) == long.theme.color("cursor")
