"""The one interface every pane of the window has, so the App treats them all alike.

A pane owns a part of the window. The App builds each one from the Layout and a
PaneKit (what it draws with), never from the App itself; then, for every pane in
its table, it calls place() when the window changes size, update() and draw()
each frame, relabel() when the language changes, and sets `focused` when the
keyboard moves. It draws a frame only when a pane's looks() or
shown_text() changed (ui/redraw.py). Buttons and text lines say which command they stand for with
action_for() (links in its text with link_action()), and element_for() names the
element behind a keyboard focus target (for the focus ring); shown_text() lists the
words it shows now. Adding a pane is a module with a Pane subclass, its box in
layout.py, and one line in the App's pane table.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import pygame

from kidcoder.config import Settings
from kidcoder.ui.layout import Box, Layout
from kidcoder.ui.style import Fonts


@dataclass(frozen=True)
class PaneKit:
    """What a pane builds and draws with: the pygame-gui manager, fonts, colours and the settings."""
    manager: Any                 # pygame_gui.UIManager
    fonts: Fonts
    colours: Dict[str, tuple]    # changed in place when the theme changes
    settings: Settings


class Pane:
    """Base of every pane: `region` names its box in the Layout and its focus group (see focus.pane_of)."""

    region = ""
    focused = False              # the keyboard is on this pane (set by the App)
    ring_width = 3               # the focus ring around the pane when the pane itself has the keyboard

    def __init__(self, layout: Layout, kit: PaneKit):
        self.kit = kit
        self.manager, self.fonts, self.colours = kit.manager, kit.fonts, kit.colours
        self.box: Box = getattr(layout, self.region)

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect(self.box)

    def parts(self) -> tuple:
        """Every rectangle this pane draws in (the window draws them again when its looks change)."""
        return (self.rect,)

    def place(self, layout: Layout) -> None:
        """The window was laid out again: take this pane's box from it."""
        self.set_box(getattr(layout, self.region))

    def set_box(self, box: Box) -> None:
        self.box = box

    def handle_event(self, event) -> bool:
        """An event sent to this pane; True when the pane used it."""
        return False

    def update(self, dt: float) -> None:
        """Once per frame, before drawing."""

    def draw(self, surface) -> None:
        raise NotImplementedError

    def relabel(self) -> None:
        """The language changed: new words on the pane's elements."""

    def action_for(self, element) -> Optional[str]:
        """The command a click on element (or Enter in it) stands for, if it is this pane's."""
        return None

    def element_for(self, target: str):
        """The pygame-gui element behind a keyboard focus target, if it is this pane's."""
        return None

    def link_action(self, element, target: str) -> Optional[str]:
        """The command a click on a link (href target) in one of this pane's text boxes stands for."""
        return None

    def shown_text(self) -> List[str]:
        """The words this pane shows a child now (a language switch must change every one of them)."""
        return []

    def changed_parts(self, words_changed: bool) -> Optional[List[pygame.Rect]]:
        """Its looks() or words changed (words_changed: shown_text() did): the rects inside the pane that
        now look different (the editor: a typed letter's row, and its title), or None for all its parts."""
        return None

    def looks(self) -> tuple:
        """What this pane's own drawing shows now besides its words and its pygame-gui elements
        (focus, state, scroll, ...): the window draws again only when this, or they, change."""
        return (self.focused, self.box)


def build_panes(kinds, layout: Layout, kit: PaneKit, between=lambda: None) -> Dict[str, Pane]:
    """Each kind of pane of the window's table, by region; between() before each one and after the last
    (the manager before them, the toolbar and the helper are slow on one slow core: ui/early.py takes the
    child's keys between them)."""
    panes = {}
    for kind in kinds:
        between()
        panes[kind.region] = kind(layout, kit)
    between()
    return panes


def move_element(element, box) -> None:
    """Put a pygame-gui element at box (x, y, w, h), relative to its container."""
    import pygame_gui      # not at the top: the editor pane is made before pygame-gui loads (ui/early.py)

    element.set_relative_position((box[0], box[1]))
    size = (box[2], box[3])
    if tuple(element.get_relative_rect().size) != size:
        element.set_dimensions(size)
        if isinstance(element, pygame_gui.elements.UIButton):
            element.rebuild()          # pygame-gui drops a rounded button's border when it is resized
