"""Text that grows at its end (a model's words streaming into the helper) is laid out only where it grew.

pygame-gui's UITextBox.set_text parses and lays out the whole text again and draws every line: for a
hint with its retelling that is 16 ms on a fast machine, and it happened for each sentence the model
sent. When the new text only adds to the end of what is shown, at a place where laying out the new
part alone gives the same picture (after a space, a line break or a tag, never inside a word),
UITextBox.append_html_text parses just the new part, and the last line is laid out again with it (a
word that ended the line may need to move down once a space follows it, as in a whole layout; this
uses two of pygame-gui's own layout steps, and any surprise there lays the text out whole). Anything
else (a page that changed, words inserted before the "Read more" line) is laid out whole, as before.
tests/ui/test_growing_text.py checks the pixels are the same as a whole layout's.
"""
from __future__ import annotations

from collections import deque
from typing import Optional

from pygame_gui.core.text import LineBreakLayoutRect, TextLineChunkFTFont

WHOLE, GROWN, SAME = "whole", "grown", "same"
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
    if "&" in shown[-_ENTITY_REACH:]:
        return None
    return more


def _last_row_again(layout, new_rects) -> None:
    """TextBoxLayout.append_layout_rects, except that the last row is laid out again with the new rects,
    its chunks joined to them as a whole layout has them."""
    row = layout.layout_rows[-1]
    queue: deque = deque()
    row.rewind_row(queue)                      # its items back in order; its pixels cleared
    queue.extend(new_rects)
    layout.layout_rows = layout.layout_rows[:-1]
    layout._merge_adjacent_compatible_chunks(queue)
    layout._process_layout_queue(queue, row)
    surface = layout.finalised_surface
    if surface is None:
        return
    if (layout.layout_rect.width + layout.edit_buffer, layout.layout_rect.height) != surface.get_size():
        layout.finalise_to_new()
    else:
        for again in layout.layout_rows[row.row_index:]:
            again.finalise(surface)


def _can_grow(text_box) -> bool:
    """The text box's last row holds only plain text and line breaks (no link, picture or floating box),
    and pygame-gui has the layout steps _last_row_again uses."""
    layout = getattr(text_box, "text_box_layout", None)
    if layout is None or len(layout.layout_rows) < 2 or layout.floating_rects:
        return False
    if not all(hasattr(layout, name) for name in ("_merge_adjacent_compatible_chunks", "_process_layout_queue")):
        return False
    return all(type(item) in (TextLineChunkFTFont, LineBreakLayoutRect) for item in layout.layout_rows[-1].items)


def _grow(text_box, more: str) -> bool:
    """Add more at the end of the text box (True), or False when it must be laid out whole."""
    if not _can_grow(text_box):
        return False
    layout = text_box.text_box_layout
    layout.append_layout_rects = lambda rects: _last_row_again(layout, rects)
    try:
        text_box.append_html_text(more)
    except Exception:                          # pygame-gui's steps changed under us: lay it all out
        return False
    finally:
        del layout.append_layout_rects
    return True


def show_html(text_box, shown: Optional[str], html: str, keep_scroll: bool) -> str:
    """Put html in a pygame-gui UITextBox that shows `shown`: only the new end is laid out when it can
    be (GROWN), else all of it (WHOLE), or nothing when it is the same (SAME). keep_scroll: the scroll
    bar stays where it was (as a share of the text), else the text shows from its top."""
    if html == shown:
        return SAME
    bar = getattr(text_box, "scroll_bar", None)
    where = bar.start_percentage if keep_scroll and bar is not None else 0.0
    more = appended(shown or "", html)
    if more is not None and not _grow(text_box, more):   # it scrolls to the end: the bar goes back below
        more = None
    if more is None:
        text_box.set_text(html)
        way = WHOLE
    else:
        outgrew = bar is None and getattr(text_box, "scroll_bar", None) is not None
        way = WHOLE if outgrew else GROWN      # outgrowing the box, pygame-gui laid it all out, narrower
    bar = getattr(text_box, "scroll_bar", None)
    if bar is not None and (where or more is not None):
        bar.set_scroll_from_start_percentage(where)
        text_box.redraw_from_text_block()      # this frame, not the next, shows the text from there
    return way
