"""Who has the keyboard: the focus target, the pygame-gui text line that goes with it, and the focus ring.

Targets are names (focus.py lists them and their Tab order). A pane gets `focused`
when a target of its group has the keyboard, and says which element stands for a
target (Pane.element_for). When the game in the preview loses the keyboard, it is
told that the keys it holds are let go.
"""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence

import pygame
import pygame_gui

from kidcoder.ui.focus import pane_of
from kidcoder.ui.pane import Pane
from kidcoder.ui.style import draw_focus_ring, focus_ring_rect

TEXT_TARGETS = ("question", "console", "change")      # text lines: typed keys go to pygame-gui


class Keyboard:
    """The focus target (`target`) and moving it; `order()` gives the targets in Tab order now."""

    def __init__(self, panes: Sequence[Pane], manager, order: Callable[[], List[str]],
                 on_leave_game: Callable[[], None]):
        self._panes = list(panes)
        self._by_region = {pane.region: pane for pane in self._panes}
        self._manager = manager
        self.order = order
        self._on_leave_game = on_leave_game
        self.target = "editor"

    def set(self, target: str) -> None:
        """Give the keyboard to a target; the game loses held keys when it loses the keyboard."""
        if self.target == "preview" and target != "preview":
            self._on_leave_game()
        self.target = target
        group = pane_of(target)
        for pane in self._panes:
            pane.focused = pane.region == group
        element = self.element(target)
        self._manager.set_focus_set(element if isinstance(element, pygame_gui.elements.UITextEntryLine) else None)

    def element(self, target: str):
        """The pygame-gui element a target stands for (None for a whole pane, like the editor)."""
        for pane in self._panes:
            element = pane.element_for(target)
            if element is not None:
                return element
        return None

    def typing_target(self) -> Optional[str]:
        """The text line pygame-gui gave the keyboard to (after a click on it), if any."""
        for target in TEXT_TARGETS:
            element = self.element(target)
            if element is not None and element.visible and element.is_focused:
                return target
        return None

    def draw_ring(self, surface, colour) -> None:
        """A thick outline around what has the keyboard: a whole pane, or a button or text line."""
        around = self._ring_around()
        if around is not None:
            rect, width = around
            draw_focus_ring(surface, rect, colour, width)

    def ring(self) -> Optional[pygame.Rect]:
        """Where the focus ring is drawn now (None: nowhere). The window's screen key holds it, so the keyboard
        moving between panes draws only where the ring was and is (redraw.screen_key), not the whole window."""
        around = self._ring_around()
        return None if around is None else focus_ring_rect(*around)

    def _ring_around(self):
        """(the rect the ring goes around, its width), or None."""
        pane = self._by_region.get(self.target)
        element = self.element(self.target)
        if pane is not None and element is None:
            return pane.rect, pane.ring_width
        if element is not None and element.visible:
            return element.get_abs_rect(), 3
        return None
