"""The first picture is drawn with plain pygame (never pygame-gui) in the window's own layout and colours,
with the name and a kind word in the child's language."""

import pygame
import pytest

from kidcoder.i18n import tr
from kidcoder.ui.layout import compute_layout
from kidcoder.ui.splash import draw_splash
from kidcoder.ui.theme_files import colours
from tests.ui.driver import fresh_python


@pytest.mark.parametrize("size", [(1200, 900), (800, 600)])
@pytest.mark.parametrize("theme", ["default", "high_contrast"])
def test_the_first_picture_shows_the_panes_where_the_window_puts_them(size, theme):
    pygame.init()
    surface = pygame.Surface(size)
    layout = compute_layout(*size)
    colour = colours(theme)
    draw_splash(surface, layout, colour, "en")
    assert surface.get_at((2, layout.toolbar.bottom - 2))[:3] == colour["background"]
    assert surface.get_at((layout.editor.x + 3, layout.editor.bottom - 3))[:3] == colour["pane"]
    assert surface.get_at((layout.preview.right - 3, layout.preview.bottom - 3))[:3] == colour["preview_bg"]
    assert surface.get_at((layout.dock.x + 2, layout.dock.y + 2))[:3] == colour["title_idle"]
    words = pygame.Rect(layout.editor.x, layout.editor.y + layout.editor.h // 4, layout.editor.w, layout.editor.h // 4)
    inked = {surface.get_at((x, y))[:3] for x in range(words.left, words.right, 2) for y in range(words.top, words.bottom, 2)}
    assert colour["title"] in inked and colour["text"] in inked          # the name and the kind word


def test_the_words_follow_the_language():
    assert tr("ui.splash.ready", lang="es") != tr("ui.splash.ready", lang="en")


def test_the_first_picture_needs_no_pygame_gui():
    code = ("import os, sys; os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
            "from kidcoder.ui.splash import show_splash\n"
            "show_splash('default', 'es', (800, 600))\n"
            "print('pygame_gui' in sys.modules)")
    assert fresh_python(code) == "False"
