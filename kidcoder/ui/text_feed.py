"""A new page of the helper's text is laid out a few pieces a frame; its first screen shows whole.

pygame-gui lays out and draws all of a text at once, twice when it needs a scroll bar (at the box's
whole width, then beside the bar): an answer with its example is 40-60 rows, 44 ms on a fast machine.
So the text is cut after its line breaks (`pieces`: every <br> richtext.py writes lies outside any tag)
and laid out a few pieces a frame (at most about STEP_S of work, helper_pane.update), as a model's words
are (growing_text.grow: the same pixels as a whole layout). The frame that shows a new page only makes
its html. In the next frames its pieces are first laid out at the box's whole width and never drawn
(helper_text_box.DryLayout), until they are taller than the box: pygame-gui would then lay it out beside
a scroll bar (what follows only adds rows), or they all fit. Then the first piece is laid out in the box,
beside the bar or not, and the next ones grown onto it; meanwhile the box keeps the picture it showed
(HelperTextBox.hold), and its first screen appears whole once it is full (2-6 frames on an idle machine:
a child sees no half screen). The rest comes in the frames after; rows added below the screen draw
nothing until the end. Words added at the end of a page (a model's) join the pieces still to come; a text
that outgrows its box while they come is measured and laid out again the same way. A page shown
scrolled down (a kept scroll) is laid out whole at once: where the child reads is known only once the
whole text is. tests/ui/test_text_feed.py compares pixels.
"""
from __future__ import annotations

import re
import time
from collections import deque
from typing import List, Optional

from kidcoder.ui.growing_text import GROWN, OUTGREW, SAME, WHOLE, appended, grow

PARTS = "parts"            # laid out a screen now, the rest in the next frames
STEP_S = 0.004             # each frame lays out pieces for at most about this long (at least one piece)
_TAG = re.compile(r"<(/?)(b|i|u|a|font)\b[^>]*>|<br>")


def pieces(html: str) -> List[str]:
    """html cut after each line break that lies outside every tag (pure); joined, they are html."""
    out, start, depth = [], 0, 0
    for match in _TAG.finditer(html):
        if match.group(0) == "<br>":
            if depth == 0:
                out.append(html[start:match.end()])
                start = match.end()
        else:
            depth += -1 if match.group(1) else 1
    if start < len(html):
        out.append(html[start:])
    return out


class TextFeed:
    """The html a HelperTextBox shows, laid out in pieces: show() each new text, step() each frame."""

    def __init__(self, text_box, html: str):
        self.box = text_box
        self.laid = html           # what the box holds now
        self.target = html         # what it holds once the pieces still to come are laid out
        self.queue: deque = deque()
        self.coming: Optional[List[str]] = None    # a new text's pieces while they are measured (_measure)
        self.dry = None                            # their layout at the box's whole width (DryLayout)
        self.where = 0.0           # the scroll bar's place, as a share of the text

    @property
    def busy(self) -> bool:
        return bool(self.queue) or self.coming is not None

    @property
    def held(self) -> bool:
        """The box still shows the picture from before the new text (its first screen is being laid out)."""
        return bool(getattr(self.box, "held", False))

    def show(self, html: str, keep_scroll: bool) -> str:
        """Lay out html now, or in the next frames: SAME, GROWN, WHOLE or PARTS."""
        try:
            return self._show(html, keep_scroll)
        except Exception:                       # pygame-gui's insides changed under us: its own whole layout
            return self._plain(html)

    def _show(self, html: str, keep_scroll: bool) -> str:
        if not getattr(self.box, "in_parts", False):
            return SAME if html == self.target else self._plain(html)
        if html == self.target:
            return SAME
        bar = self.box.scroll_bar
        if not keep_scroll:
            self.where = 0.0
        elif not self.busy:                     # (while pieces come, the place it had before them)
            self.where = bar.start_percentage if bar is not None else 0.0
        more = appended(self.target, html)
        self.target = html
        if more is not None:                    # words added at the end: after the pieces still to come
            (self.coming if self.coming is not None else self.queue).append(more)
            way = self.step(first=not self.held)    # shown at once when the text above them is
            return PARTS if self.busy else way
        if self.where:                          # a new text shown scrolled down: whole, now (see above)
            return self._all()
        self._begin(pieces(html))               # laid out from the next frame on: this one has the page's
        return PARTS                            # html to make, and the window to draw

    def step(self, first: bool = False) -> str:
        """Lay out pieces: until the screen is full (first), or for STEP_S. WHOLE, GROWN or PARTS (some
        was laid out again beside a new bar), SAME when nothing was left."""
        try:
            return self._step(first)
        except Exception:                       # as in show(): never a half-shown text, never a crash
            return self._plain(self.target)

    def _plain(self, html: str) -> str:
        """pygame-gui's own set_text, the whole text at once (slower, always right)."""
        self.queue.clear()
        self.coming = self.dry = None
        self.target = self.laid = html
        if self.held:
            self.box.release()
        self.box.set_text(html)
        return WHOLE

    def _step(self, first: bool) -> str:
        if not self.busy:
            return SAME
        bar = self.box.scroll_bar
        if not self.held and bar is not None and bar.start_percentage != self.where:   # the child scrolled
            self.where = bar.start_percentage
        began = last = time.perf_counter()
        ways = set()
        while self.busy:
            ways.add(self._measure() if self.coming is not None else self._next())
            now = time.perf_counter()
            took, last = now - last, now
            if self.held and not self.coming and (not self.queue or self._screen_full()):
                self.box.release()              # its first screen (or all of it) is laid out: shown now
                ways.add(PARTS)
                break
            if first and not self.held:
                if self._screen_full():
                    break
            elif now - began + took >= STEP_S:      # the next piece would likely end after STEP_S
                break
        if not self.busy and hasattr(self.box, "appended_text"):    # whole: its html in one place again
            self.box.html_text, self.box.appended_text = self.laid, ""
        if self.held or (self.queue and not first and not self.where and ways == {GROWN} and self._screen_full()):
            self._unscrolled()             # nothing to draw yet: rows added below the screen, or not shown yet
        else:
            self._scroll()
        return WHOLE if WHOLE in ways else PARTS if PARTS in ways else GROWN

    def _begin(self, cut: List[str]) -> None:
        """A new text: the picture shown now stays while its pieces are measured, then laid out (_measure)."""
        self.coming, self.dry = cut, self.box.dry_layout()
        self.queue.clear()
        self.box.hold()

    def _measure(self) -> str:
        """One more of the new text's pieces laid out at the box's whole width, never drawn. Once they are
        taller than the box (it needs the bar: what follows only adds rows) or all are measured, its first
        piece is laid out in the box, beside the bar or not as pygame-gui would choose for the whole text,
        and the rest queued."""
        cut, dry = self.coming, self.dry
        if dry.add(cut[dry.count]) or dry.count == len(cut):
            self.coming = self.dry = None
            self.laid = cut[0]
            self.box.lay_out(self.laid, bar=dry.too_tall)
            self.queue = deque(cut[1:])
            group = getattr(self.box, "ui_group", None)           # a bar shown again: drawn at release, not
            if getattr(group, "should_update_visibility", False):  # after pygame-gui's next update
                group.should_update_visibility = False
                group.update_visibility()
        return PARTS

    def _next(self) -> str:
        piece = self.queue.popleft()
        html = self.laid + piece
        way = grow(self.box, piece) if appended(self.laid, html) is not None else None
        if way == OUTGREW:                      # taller than the box: it needs the bar, and so does the rest
            self._begin(pieces(html) + list(self.queue))
            return PARTS
        elif way is None:
            self.box.lay_out(html, bar=False)
            way = WHOLE if not self.laid else PARTS
        self.laid = html
        return way

    def _screen_full(self) -> bool:
        """What comes next starts below the box (it goes in the layout's last row: the one after a break)."""
        layout = getattr(self.box, "text_box_layout", None)
        wrap = getattr(self.box, "text_wrap_rect", None)
        rows = getattr(layout, "layout_rows", None)
        return not rows or wrap is None or rows[-1].top >= wrap[3]

    def _all(self) -> str:
        self.coming = self.dry = None
        if self.held:
            self.box.release()
        self.box.lay_out(self.target, bar=False)
        self.queue.clear()
        self.laid = self.target
        self._scroll()
        return WHOLE

    def _unscrolled(self) -> None:
        """Where pygame-gui's append_html_text moved the bar's place (to the end), back, without drawing."""
        bar = self.box.scroll_bar
        if bar is not None:
            bar.start_percentage = self.where
            bar.scroll_position = self.where * bar.scrollable_height

    def _scroll(self) -> None:
        """The box drawn again, its bar where it was (a grown text scrolls to its end in pygame-gui)."""
        bar = self.box.scroll_bar
        if bar is not None:
            bar.set_scroll_from_start_percentage(self.where)
        self.box.redraw_from_text_block()
