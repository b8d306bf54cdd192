"""Text that grows at its end (a model's words streaming into the helper) is laid out only where it grew.

pygame-gui's UITextBox.set_text parses and lays out the whole text again and draws every line: for a
hint with its retelling that is 16 ms on a fast machine, and it happened for each sentence the model
sent. When the new text only adds to the end of what is shown, at a place where laying out the new
part alone gives the same picture (after a space, a line break or a tag, never inside a word),
UITextBox.append_html_text parses just the new part, and the last line is laid out again with it (a
word that ended the line may need to move down once a space follows it, as in a whole layout; this
uses two of pygame-gui's own layout steps, and any surprise there lays the text out whole). A layout
that grows taller keeps the rows drawn so far (copied to a taller picture, not drawn again).
text_feed.py uses this to lay out a new page a screen first and the rest in the frames after.
tests/ui/test_growing_text.py and test_text_feed.py check the pixels are the same as a whole layout's.
"""
from __future__ import annotations

from collections import deque
from typing import Optional

import pygame
from pygame_gui.core.text import LineBreakLayoutRect, TextLineChunkFTFont

WHOLE, GROWN, SAME = "whole", "grown", "same"
OUTGREW = "outgrew"                   # grow(): the text became taller than a box with no scroll bar
_BREAKS = (" ", "\n", "<", ">")       # a line may break (or a new piece of text starts) here
_ENTITY_REACH = 40                    # an "&" this near the end may still be waiting in pygame-gui's parser


def appended(shown: str, html: str) -> Optional[str]:
    """The part of html after shown, when html is shown plus more at a place where laying out only the
    more gives the same picture (pure); None when the whole text must be laid out again."""
    if not shown or len(html) <= len(shown) or not html.startswith(shown):
        return None
    more = html[len(shown):]
    if shown[-1] not in _BREAKS and more[0] not in _BREAKS:
        return None                   # inside a word: the two halves could land on different lines
    if "&" in shown[-_ENTITY_REACH:] and not shown.endswith(">"):   # after a whole tag none is waiting
        return None
    return more


def next_rows(layout, new_rects):
    """Lay out new_rects after a layout's last row, that row laid out again with them (its chunks joined to
    them as a whole layout has them); the first row laid out again."""
    row = layout.layout_rows[-1]
    queue: deque = deque()
    row.rewind_row(queue)                      # its items back in order; its pixels cleared
    queue.extend(new_rects)
    layout.layout_rows = layout.layout_rows[:-1]
    layout._merge_adjacent_compatible_chunks(queue)
    layout._process_layout_queue(queue, row)
    return row


def _last_row_again(layout, new_rects) -> None:
    """TextBoxLayout.append_layout_rects, except that the last row is laid out again with the new rects
    (next_rows), and only the rows that changed are drawn."""
    row = next_rows(layout, new_rects)
    surface = layout.finalised_surface
    if surface is None:
        return
    surface = _room(layout, surface, (layout.layout_rect.width + layout.edit_buffer, layout.layout_rect.height))
    if surface is None:
        layout.finalise_to_new()
    else:
        for again in layout.layout_rows[row.row_index:]:
            again.finalise(surface)


def _room(layout, surface, size):
    """A surface with room for the layout: its own when the text fits it, else the rows drawn so far on a
    taller one (copied, not drawn again: the rows of a long answer cost more to draw than all else), at
    least twice as tall (a new surface of that size costs 2-10 ms: a growing text gets few of them; below
    the text it is clear, as a surface of the text's size is); None when the width changed."""
    if size[0] != surface.get_width():
        return None
    if size[1] <= surface.get_height():
        return surface
    taller = pygame.Surface((size[0], max(size[1], 2 * surface.get_height())), flags=pygame.SRCALPHA, depth=32)
    taller.fill((0, 0, 0, 0))
    taller.blit(surface, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)     # onto nothing: an exact copy
    for row in layout.layout_rows:
        if getattr(row, "target_surface", None) is surface:               # a link's hover draws its row here
            row.target_surface = taller
    layout.finalised_surface = taller
    return taller


def _can_grow(text_box) -> bool:
    """The text box's last row holds only plain text and line breaks (no link, picture or floating box),
    and pygame-gui has the layout steps _last_row_again uses."""
    layout = getattr(text_box, "text_box_layout", None)
    if layout is None or len(layout.layout_rows) < 2 or layout.floating_rects:
        return False
    if not all(hasattr(layout, name) for name in ("_merge_adjacent_compatible_chunks", "_process_layout_queue")):
        return False
    return all(type(item) in (TextLineChunkFTFont, LineBreakLayoutRect) for item in layout.layout_rows[-1].items)


def grow(text_box, more: str) -> Optional[str]:
    """Add more at the end of the text box: GROWN, or OUTGREW when the box had no scroll bar and the text
    is now taller than the box (pygame-gui would lay it all out again beside a new bar at once; the caller
    lays it out, text_feed.py: in parts), or None when it must be laid out whole. The caller then calls
    the box's redraw_from_text_block() (once for many pieces: it draws the box and sizes its bar)."""
    if not _can_grow(text_box):
        return None
    layout = text_box.text_box_layout
    outgrew = []
    layout.append_layout_rects = lambda rects: _last_row_again(layout, rects)
    text_box.rebuild = lambda: outgrew.append(True)       # append_html_text's whole layout, when it outgrew
    text_box.redraw_from_text_block = lambda: None        # the caller draws the box (and its bar) once
    try:
        text_box.append_html_text(more)
    except Exception:                          # pygame-gui's steps changed under us: lay it all out
        return None
    finally:
        del layout.append_layout_rects
        del text_box.rebuild
        del text_box.redraw_from_text_block
    return OUTGREW if outgrew else GROWN
