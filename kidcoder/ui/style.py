"""The look of the window: the pygame-gui theme file, our own pane colours from it, fonts, and zoom.

assets/theme.json (default) and assets/theme_high_contrast.json are pygame-gui
themes; their "_kidcoder" block holds the colours of what KidCoder draws itself
(pane titles, preview, console, focus ring), so one file decides the whole look.
Zoom (A+ / A-) scales every pane's text with the editor's: reading text (the helper,
the console, dialogs) fully, the window's chrome (buttons, titles, text lines) up to
CHROME_MAX so the toolbar and the pane titles still fit their strips.
"""
from __future__ import annotations

import json
from typing import Dict

import pygame

from kidcoder import paths
from kidcoder.ui.richtext import MONO_FONT, MONO_PX
from kidcoder.ui.theme_files import RGB, colours, theme_data, theme_path, ui_font_file  # noqa: F401 (the panes ask style)

UI_FONT_SIZE = 17
TITLE_FONT_SIZE = 16
CONSOLE_FONT_SIZE = 15
BASE_CODE_SIZE = 18          # the editor's default text size: zoom 1.0
SCALE_RANGE = (0.75, 2.0)
CHROME_MAX = 1.25
CHROME_THEME_KEYS = ("button", "#run_button", "#stop_button", "#small_button", "#tab", "#console_tab",
                     "text_entry_line",
                     "drop_down_menu", "drop_down_menu.button", "window.#title_bar", "window.#close_button",
                     "tool_tip", "tool_tip.text_box")


def mono_font_file(variant: str = "") -> str:
    return str(paths.assets_dir() / "fonts" / f"DejaVuSansMono{variant}.ttf")


def add_mono_font(manager, px: int = MONO_PX) -> None:
    """Let the helper's text boxes show code in the editor's font (richtext.MONO_FONT) at px pixels."""
    manager.add_font_paths(MONO_FONT, mono_font_file(), mono_font_file("-Bold"), mono_font_file("-Oblique"),
                           mono_font_file("-Bold"))
    fonts = manager.get_theme().get_font_dictionary()
    wanted = [{"name": MONO_FONT, "point_size": px, "style": style} for style in ("regular", "bold")
              if not fonts.check_font_preloaded(fonts.create_font_id(px, MONO_FONT, style == "bold", False))]
    if wanted:
        manager.preload_fonts(wanted)


def zoom_scale(code_size: int) -> float:
    """How much bigger than normal every pane's text is, for the editor's text size (A+ / A-)."""
    low, high = SCALE_RANGE
    return max(low, min(high, code_size / BASE_CODE_SIZE))


def chrome_scale(scale: float) -> float:
    return min(scale, CHROME_MAX)


def scaled(size: int, scale: float) -> int:
    return max(8, int(round(size * scale)))


def scaled_theme(name: str, scale: float) -> dict:
    """The pygame-gui theme with every font size zoomed (the chrome's at most CHROME_MAX)."""
    data = json.loads(json.dumps(theme_data(name)))
    for key, block in data.items():
        font = block.get("font") if isinstance(block, dict) else None
        if isinstance(font, dict) and "size" in font:
            factor = chrome_scale(scale) if key in CHROME_THEME_KEYS else scale
            font["size"] = str(scaled(int(font["size"]), factor))
    return data


class Fonts:
    """The few fonts the panes draw with (loaded once per window, again when the zoom changes)."""

    def __init__(self, scale: float = 1.0):
        self._rendered = {}
        self._button_widths = {}
        self.set_scale(scale)

    def set_scale(self, scale: float) -> None:
        """Zoom: reading text by scale, titles and buttons by at most CHROME_MAX."""
        self.scale = scale
        chrome = chrome_scale(scale)
        self.title = pygame.font.Font(ui_font_file(bold=True), scaled(TITLE_FONT_SIZE, chrome))
        self.body = pygame.font.Font(ui_font_file(), scaled(UI_FONT_SIZE, chrome))
        self.reading = pygame.font.Font(ui_font_file(), scaled(UI_FONT_SIZE, scale))
        self.big = pygame.font.Font(ui_font_file(bold=True), scaled(20, chrome))
        self.mono = pygame.font.Font(mono_font_file(), scaled(CONSOLE_FONT_SIZE, scale))
        self.button = pygame.font.Font(ui_font_file(bold=True), scaled(UI_FONT_SIZE, chrome))
        self.small_button = pygame.font.Font(ui_font_file(bold=True), scaled(15, chrome))
        self.mono_px = scaled(MONO_PX, scale)
        self.code_char_w = pygame.font.Font(mono_font_file(), self.mono_px).size("M")[0]
        self._rendered.clear()
        self._button_widths.clear()

    def text(self, font, text: str, colour):
        """font.render(text), remembered: titles and status lines are drawn every frame but rarely change."""
        key = (id(font), text, tuple(colour))
        surface = self._rendered.get(key)
        if surface is None:
            if len(self._rendered) > 400:
                self._rendered.clear()
            surface = self._rendered[key] = font.render(text, True, colour)
        return surface

    def button_width(self, text: str, padding: int = 20) -> int:
        """A button's width for its words (remembered: the layout asks for every label several times a start)."""
        width = self._button_widths.get(text)
        if width is None:
            width = self._button_widths[text] = self.button.size(text)[0]
        return width + padding


def draw_focus_ring(surface, rect, colour: RGB, width: int = 3) -> None:
    """The visible focus: a thick rounded outline just outside rect."""
    pygame.draw.rect(surface, colour, focus_ring_rect(rect, width), width, border_radius=6)


def focus_ring_rect(rect, width: int = 3) -> pygame.Rect:
    """Where draw_focus_ring draws around rect (every pixel of the ring lies inside it)."""
    return pygame.Rect(rect).inflate(2 * width, 2 * width)


def draw_title(surface, box, text: str, fonts: Fonts, col: Dict[str, RGB], active: bool = False,
               right_text: str = "", text_right: int = 0, text_left: int = 0) -> None:
    """A pane's title strip; brighter when the pane has the keyboard. Text stops at text_right (buttons);
    right_text (a short note at the right end) never starts before text_left (tabs)."""
    rect = pygame.Rect(box)
    pygame.draw.rect(surface, col["title"] if active else col["title_idle"], rect,
                     border_top_left_radius=6, border_top_right_radius=6)
    label = fonts.text(fonts.title, text, col["title_text"])
    clip = surface.get_clip()
    text_rect = rect.inflate(-8, 0)
    if text_right:
        text_rect.width = max(0, min(text_rect.right, text_right - 6) - text_rect.x)
    surface.set_clip(text_rect.clip(clip))       # inside the part of the window being drawn
    surface.blit(label, (rect.x + 10, rect.centery - label.get_height() // 2))
    if right_text:
        extra = fonts.text(fonts.title, right_text, col["title_text"])
        x = max(rect.x + 20 + (label.get_width() if text else 0), text_left + 10,
                rect.right - extra.get_width() - 10)
        surface.blit(extra, (x, rect.centery - extra.get_height() // 2))
    surface.set_clip(clip)


def shorten_to_width(text: str, font, width: int) -> str:
    """text cut at a word with "…" so it fits width pixels (a status line on a small screen), whole if it fits."""
    if font.size(text)[0] <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and font.size(" ".join(words) + "…")[0] > width:
        words.pop()
    return " ".join(words).rstrip(" ,.:;") + "…"


def wrap_text(text: str, font, width: int):
    """Split text into lines that fit width pixels (words are never cut unless one is too long)."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width or not line:
                line = candidate
            else:
                out.append(line)
                line = word
        out.append(line)
    return out
