"""The bars: the toolbar's buttons at the top (rows that wrap on small windows) and the status bar.

Each button is a command of the window (actions.COMMANDS: the same names the keyboard
uses), so a click, a shortcut and Enter on a focused button all do the same thing.
The status bar shows a short message, the main keys, and the small view buttons.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.actions import COMMANDS
from kidcoder.ui.layout import Box, Layout, place_buttons, place_right, toolbar_rows_needed
from kidcoder.ui.pane import Pane, PaneKit, move_element
from kidcoder.ui.style import shorten_to_width

KEY_HINTS = "ui.status.keys"
BAR_STYLE = {"main": "#toolbar_button", "view": "#small_button"}


@dataclass(frozen=True)
class ButtonSpec:
    action: str
    label: str          # i18n key of the button's words
    tip: str            # i18n key of its tool tip (it names the shortcut)
    object_id: str = "#toolbar_button"
    group: str = "main"     # "main": the toolbar at the top; "view": small buttons in the status bar


BUTTONS: List[ButtonSpec] = [ButtonSpec(command.name, command.label, command.label + "_tip",
                                        command.style or BAR_STYLE[command.bar], command.bar)
                             for command in COMMANDS if command.bar]


MAIN = [spec for spec in BUTTONS if spec.group == "main"]
VIEW = [spec for spec in BUTTONS if spec.group == "view"]


def label(spec: ButtonSpec, compact: bool = False) -> str:
    """A button's words; compact drops the key name ("Run F5" -> "Run": the tool tip still says it)."""
    text = tr(spec.label)
    return re.sub(r"\s+(F\d+|Ctrl\+\S+)$", "", text) if compact else text     # Ctrl+R: inside Sugar


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


class Toolbar(Pane):
    """The toolbar and the status bar; `action_for(element)` says which command a click meant."""

    region = "toolbar"

    def __init__(self, layout: Layout, kit: PaneKit):
        super().__init__(layout, kit)
        self.status = layout.status
        self.message = ""           # the status bar's short line ("" shows "Ready")
        self.buttons: Dict[str, pygame_gui.elements.UIButton] = {}
        self.compact = use_compact(self.fonts, self.box.w)
        for spec, b in zip(MAIN + VIEW, self._boxes()):
            self.buttons[spec.action] = pygame_gui.elements.UIButton(
                pygame.Rect(b), label(spec, self.compact), self.manager, tool_tip_text=tr(spec.tip),
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

    def place(self, layout: Layout) -> None:
        self.box, self.status = layout.toolbar, layout.status
        compact = use_compact(self.fonts, self.box.w)
        if compact != self.compact:
            self.compact = compact
            for spec in MAIN:
                self.buttons[spec.action].set_text(label(spec, compact))
        self._move_buttons()

    def _move_buttons(self) -> None:
        for spec, b in zip(MAIN + VIEW, self._boxes()):
            move_element(self.buttons[spec.action], b)

    def relabel(self) -> None:
        self.compact = use_compact(self.fonts, self.box.w)
        for spec in BUTTONS:
            button = self.buttons[spec.action]
            button.set_text(label(spec, self.compact and spec.group == "main"))
            button.tool_tip_text = tr(spec.tip)
        self._move_buttons()

    def action_for(self, element) -> Optional[str]:
        for action, button in self.buttons.items():
            if button is element:
                return action
        return None

    def element_for(self, target: str):
        """Focus targets "tb:<command>" (the toolbar) and "vw:<command>" (the status bar's buttons)."""
        if target.startswith(("tb:", "vw:")):
            return self.buttons.get(target[3:])
        return None

    def shown_text(self) -> List[str]:
        """The status line, the key hints and every button's words (tests check the language follows)."""
        return [self.message or tr("ui.status.ready"), tr(KEY_HINTS)] + [button.text for button in self.buttons.values()]

    def set_enabled(self, action: str, enabled: bool) -> None:
        button = self.buttons.get(action)
        if button is None or button.is_enabled == enabled:
            return
        button.enable() if enabled else button.disable()

    def parts(self) -> tuple:
        return self.rect, pygame.Rect(self.status)          # the buttons at the top, the status line at the bottom

    def draw(self, surface) -> None:
        pygame.draw.rect(surface, self.colours["status"], pygame.Rect(self.box))
        self._draw_status(surface)

    def _draw_status(self, surface) -> None:
        box = pygame.Rect(self.status)
        pygame.draw.rect(surface, self.colours["status"], box)
        font = self.fonts.body
        hints = self.fonts.text(font, tr(KEY_HINTS), self.colours["status_text"])
        end = self.view_left - 12               # the status bar's buttons start here
        words = shorten_to_width(self.message or tr("ui.status.ready"), font, end - box.x - 20)
        message = self.fonts.text(font, words, self.colours["status_text"])
        right = end - hints.get_width()
        show_hints = right > box.x + 10 + message.get_width() + 20
        clip = surface.get_clip()
        text_box = pygame.Rect(box.x, box.y, max(0, (right - 20 if show_hints else end) - box.x), box.h)
        surface.set_clip(text_box.clip(clip))
        surface.blit(message, (box.x + 10, box.centery - message.get_height() // 2))
        surface.set_clip(clip)
        if show_hints:
            surface.blit(hints, (right, box.centery - hints.get_height() // 2))
