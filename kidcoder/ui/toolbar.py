"""The toolbar: one pygame-gui button per action, laid out in rows that wrap on small windows.

Each button names an action of the window (the same names the keyboard uses), so a
click, a shortcut and Enter on a focused button all do the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.layout import Box, place_buttons, place_right, toolbar_rows_needed


@dataclass(frozen=True)
class ButtonSpec:
    action: str
    label: str          # i18n key of the button's words
    tip: str            # i18n key of its tool tip (it names the shortcut)
    object_id: str = "#toolbar_button"
    group: str = "main"     # "main": the toolbar at the top; "view": small buttons in the status bar


BUTTONS: List[ButtonSpec] = [
    ButtonSpec("new", "ui.toolbar.new", "ui.toolbar.new_tip"),
    ButtonSpec("open", "ui.toolbar.open", "ui.toolbar.open_tip"),
    ButtonSpec("save", "ui.toolbar.save", "ui.toolbar.save_tip"),
    ButtonSpec("examples", "ui.toolbar.examples", "ui.toolbar.examples_tip"),
    ButtonSpec("make_game", "ui.toolbar.make_game", "ui.toolbar.make_game_tip"),
    ButtonSpec("run", "ui.toolbar.run", "ui.toolbar.run_tip", "#run_button"),
    ButtonSpec("stop", "ui.toolbar.stop", "ui.toolbar.stop_tip", "#stop_button"),
    ButtonSpec("help", "ui.toolbar.help", "ui.toolbar.help_tip"),
    ButtonSpec("ask", "ui.toolbar.ask", "ui.toolbar.ask_tip"),
    ButtonSpec("zoom_out", "ui.toolbar.zoom_out", "ui.toolbar.zoom_out_tip", "#small_button", "view"),
    ButtonSpec("zoom_in", "ui.toolbar.zoom_in", "ui.toolbar.zoom_in_tip", "#small_button", "view"),
    ButtonSpec("contrast", "ui.toolbar.contrast", "ui.toolbar.contrast_tip", "#small_button", "view"),
    ButtonSpec("language", "ui.toolbar.language", "ui.toolbar.language_tip", "#small_button", "view"),
]


MAIN = [spec for spec in BUTTONS if spec.group == "main"]
VIEW = [spec for spec in BUTTONS if spec.group == "view"]


def label(spec: ButtonSpec, compact: bool = False) -> str:
    """A button's words; compact drops the key name ("Run F5" -> "Run": the tool tip still says it)."""
    text = tr(spec.label)
    return re.sub(r"\s+F\d+$", "", text) if compact else text


def button_widths(fonts, specs=MAIN, compact: bool = False) -> List[int]:
    padding = 12 if compact else 20
    return [max(44, fonts.button_width(label(spec, compact), padding)) for spec in specs]


def use_compact(fonts, window_width: int) -> bool:
    """Compact labels only when they let the toolbar fit one row and the full ones do not."""
    if toolbar_rows_needed(window_width, button_widths(fonts)) == 1:
        return False
    return toolbar_rows_needed(window_width, button_widths(fonts, compact=True)) == 1


def fitted_widths(fonts, window_width: int) -> List[int]:
    return button_widths(fonts, compact=use_compact(fonts, window_width))


def view_widths(fonts) -> List[int]:
    return [max(40, fonts.button_width(tr(spec.label), 16) - 4) for spec in VIEW]


class Toolbar:
    """The row(s) of buttons at the top; `action_for(element)` says which action a click meant."""

    def __init__(self, box: Box, status: Box, manager, fonts, colours):
        self.box, self.status = box, status
        self.manager = manager
        self.fonts, self.colours = fonts, colours
        self.buttons: Dict[str, pygame_gui.elements.UIButton] = {}
        self.compact = use_compact(fonts, box.w)
        for spec, b in zip(MAIN + VIEW, self._boxes()):
            self.buttons[spec.action] = pygame_gui.elements.UIButton(
                pygame.Rect(b), label(spec, self.compact), manager, tool_tip_text=tr(spec.tip),
                object_id=spec.object_id)

    def _boxes(self) -> List[Box]:
        main, _ = place_buttons(self.box, button_widths(self.fonts, compact=self.compact))
        return main + place_right(self.status, view_widths(self.fonts))

    @property
    def order(self) -> List[str]:
        return [spec.action for spec in MAIN]

    @property
    def view_order(self) -> List[str]:
        return [spec.action for spec in VIEW]

    @property
    def view_left(self) -> int:
        """Where the status bar's buttons begin (the status text stops before it)."""
        return min(button.get_abs_rect().x for action, button in self.buttons.items() if action in self.view_order)

    def set_box(self, box: Box, status: Box) -> None:
        self.box, self.status = box, status
        compact = use_compact(self.fonts, box.w)
        if compact != self.compact:
            self.compact = compact
            for spec in MAIN:
                self.buttons[spec.action].set_text(label(spec, compact))
        for spec, b in zip(MAIN + VIEW, self._boxes()):
            button = self.buttons[spec.action]
            button.set_relative_position((b.x, b.y))
            button.set_dimensions((b.w, b.h))

    def relabel(self) -> None:
        self.compact = use_compact(self.fonts, self.box.w)
        for spec in BUTTONS:
            button = self.buttons[spec.action]
            button.set_text(label(spec, self.compact and spec.group == "main"))
            button.tool_tip_text = tr(spec.tip)
        self.set_box(self.box, self.status)

    def action_for(self, element) -> Optional[str]:
        for action, button in self.buttons.items():
            if button is element:
                return action
        return None

    def set_enabled(self, action: str, enabled: bool) -> None:
        button = self.buttons.get(action)
        if button is None or button.is_enabled == enabled:
            return
        button.enable() if enabled else button.disable()

    def draw_background(self, surface) -> None:
        pygame.draw.rect(surface, self.colours["status"], pygame.Rect(self.box))
