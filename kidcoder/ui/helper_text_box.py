"""The helper's text box: a pygame-gui UITextBox that can lay a text out straight beside its scroll bar,
keeps its scroll bar for the next text that needs one, and can keep its picture while a new text is laid out.

pygame-gui lays a text out at the box's whole width and, when it is taller than the box, lays it out
again beside a scroll bar it builds anew (buttons, pictures, theme: about 11 ms on a fast machine, a
quarter of the frame that showed an answer). text_feed.py measures a new text at the whole width first
(DryLayout, never drawn), so `lay_out(html, bar=True)` skips pygame-gui's first layout; a bar the text no
longer needs is hidden and used again, not thrown away; `hold()` keeps the picture on screen until
text_feed.py has laid out a screen of the new text. Same pictures as pygame-gui's own way
(tests/ui/test_text_feed.py compares the window's pixels).
"""
from __future__ import annotations

from typing import Optional

import pygame
from pygame_gui.core.text.html_parser import HTMLParser
from pygame_gui.core.text.text_box_layout import TextBoxLayout
from pygame_gui.elements import UITextBox
from pygame_gui.elements import ui_text_box as pygame_gui_text_box

from kidcoder.ui.growing_text import next_rows


class _TallLayout:
    """Stands in for the first, whole-width layout of a text known to be taller than the box."""
    layout_rect = pygame.Rect(0, 0, 1, 1 << 30)


def _used_again(bar, rect, visible: float, shown: bool):
    """A kept scroll bar, placed and sized as a new one would be, scrolled to the top."""
    rect = pygame.Rect(rect)
    if bar.relative_rect.size != rect.size:
        bar.set_dimensions(rect.size)
    if bar.relative_rect.topleft != rect.topleft:
        bar.set_relative_position(rect.topleft)
    bar.reset_scroll_position()
    bar.set_visible_percentage(visible)
    bar.show() if shown else bar.hide()
    return bar


# The pygame-gui steps this box builds on (0.6.14): with a pygame-gui that lacks one, the box does what a plain
# UITextBox does (in_parts False) and text_feed.py lays every text out whole, as pygame-gui does it.
STEPS = ("parse_html_into_style_data", "rebuild", "_build_scrollbar_for_oversized_text", "_pre_parse_text")
FITS = all(hasattr(UITextBox, name) for name in STEPS) and hasattr(pygame_gui_text_box, "UIVerticalScrollBar")


class HelperTextBox(UITextBox):
    """UITextBox with lay_out(html, bar) and a scroll bar kept between texts."""

    in_parts = FITS          # text_feed.py may lay its texts out in parts

    _straight = False        # the next rebuild's first layout is skipped: the text needs the bar
    _spare = None            # a scroll bar no text uses now (hidden)
    _held = False            # the picture shown is kept while a new text is laid out (hold)

    def keep_a_bar(self) -> None:
        """Build the scroll bar before a text needs it (the helper asks while its answer is worked out):
        the frame that shows the first long answer does not build one."""
        if self._spare is None and self.scroll_bar is None and FITS:
            self._spare = pygame_gui_text_box.UIVerticalScrollBar(
                pygame.Rect(0, 0, self.scroll_bar_width, max(1, self.rect.height)), 1.0, self.ui_manager,
                self.ui_container, parent_element=self, visible=0, anchors=self.anchors)
            self.join_focus_sets(self._spare)

    def lay_out(self, html: str, bar: bool) -> None:
        """set_text(html); bar: the text is known to be taller than the box (laid out beside the bar at once)."""
        self._straight = bar
        try:
            self.set_text(html)
        finally:
            self._straight = False

    def dry_layout(self) -> "DryLayout":
        """A layout of a new text at the box's whole width, as pygame-gui first lays a text out, a piece at
        a time (DryLayout.add): it tells whether the text needs the scroll bar."""
        return DryLayout(self)

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        """The picture shown now stays (and is not drawn again) while a new text is laid out, until release()."""
        self._held = True

    def release(self) -> None:
        self._held = False

    def _set_image(self, new_image) -> None:
        if not self._held:
            super()._set_image(new_image)

    def redraw_from_text_block(self) -> None:
        if not self._held:          # (a link hovered meanwhile: drawn at release, with the rest)
            super().redraw_from_text_block()

    def _whole_wrap_size(self):
        """The size rebuild() lays a text out in before it knows of a scroll bar."""
        corners = sum(self.rounded_corner_width_offsets), sum(self.rounded_corner_height_offsets)
        border = self.border_width
        return (max(1, self.rect[2] - self.padding[0] * 2 - border["left"] - border["right"]
                    - self.shadow_width * 2 - corners[0]),
                max(1, self.rect[3] - self.padding[1] * 2 - border["top"] - border["bottom"]
                    - self.shadow_width * 2 - corners[1]))

    def _dry_layout(self, parser, width: int, height: int):
        """parse_html_into_style_data's layout of what the parser holds, at that size (not drawn)."""
        style = parser.default_style
        font = self.ui_theme.get_font_dictionary().find_font(
            font_name=style["font_name"], font_size=style["font_size"], bold=style["bold"], italic=style["italic"],
            antialiased=style["antialiased"], script=style["script"], direction=style["direction"])
        return TextBoxLayout(parser.layout_rect_queue, pygame.Rect(0, 0, width, height),
                             pygame.Rect(0, 0, width, height), line_spacing=self.line_spacing,
                             default_font_data={"font": font, "font_colour": style["font_colour"],
                                                "bg_colour": style["bg_colour"]},
                             allow_split_dashes=self.allow_split_dashes, text_direction=style["direction"],
                             editable=True)

    def parse_html_into_style_data(self) -> None:
        if self._straight and self.scroll_bar is None and FITS:
            self._straight = False
            self.text_box_layout = _TallLayout()          # rebuild() then lays it out beside the bar
            return
        super().parse_html_into_style_data()

    def rebuild(self) -> None:
        if self.scroll_bar is not None and FITS:         # pygame-gui would kill it: keep it for the next
            self._spare, self.scroll_bar = self.scroll_bar, None
        super().rebuild()
        if self._spare is not None and self._spare is not self.scroll_bar:
            self._spare.hide()
        elif self._spare is self.scroll_bar:
            self._spare = None

    def _build_scrollbar_for_oversized_text(self, *offsets) -> None:
        spare = self._spare
        if spare is None or not spare.alive() or not FITS:
            return super()._build_scrollbar_for_oversized_text(*offsets)
        made = pygame_gui_text_box.UIVerticalScrollBar
        pygame_gui_text_box.UIVerticalScrollBar = (
            lambda rect, share, *_args, **options: _used_again(spare, rect, share, options.get("visible", 1)))
        try:
            super()._build_scrollbar_for_oversized_text(*offsets)
        finally:
            pygame_gui_text_box.UIVerticalScrollBar = made

    def kill(self) -> None:
        if self._spare is not None:
            self._spare.kill()
            self._spare = None
        super().kill()


class DryLayout:
    """A text's pieces laid out at the box's whole width one at a time, never drawn (a text that needs the
    bar is laid out again beside it anyway): add() says when they are taller than the box."""

    def __init__(self, box: HelperTextBox):
        self.box = box
        self.width, self.height = box._whole_wrap_size()
        self.parser = HTMLParser(box.ui_theme, box.combined_element_ids, box.link_style, line_spacing=box.line_spacing,
                                 text_direction=box.font_dict.get_default_font().get_direction())
        self.layout = None
        self.count = 0               # pieces laid out so far
        self.too_tall = False

    def add(self, piece: str) -> bool:
        """One more piece laid out; True once the text is taller than the box (what follows only adds rows)."""
        self.parser.feed(self.box._pre_parse_text(piece))
        if self.layout is None:
            self.layout = self.box._dry_layout(self.parser, self.width, self.height)
        else:
            next_rows(self.layout, self.parser.layout_rect_queue)
        self.parser.empty_layout_queue()
        self.count += 1
        self.too_tall = self.layout.layout_rect.height > self.height
        return self.too_tall
