"""Small modal windows built from pygame-gui elements, all usable from the keyboard.

Each dialog is a UIWindow with buttons (and maybe a text line). Tab / arrow keys
move a visible focus between them, Enter or Space presses the focused one, Esc
or the window's close button cancels. `handle_event()` returns True while the
dialog took the event; when `result` is set the window closes the dialog.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pygame
import pygame_gui
from pygame_gui.windows import UIFileDialog

from kidcoder.i18n import tr
from kidcoder.ui.layout import Box
from kidcoder.ui.richtext import to_html
from kidcoder.ui.style import draw_focus_ring

CANCEL = "cancel"
BUTTON_H = 42
PAD = 14
TITLE_BAR_H = 40
DESCRIPTION_H = 130


def centred(window_size, want: Tuple[int, int]) -> pygame.Rect:
    """A dialog rectangle of at most `want`, inside the window with a margin, centred."""
    w = min(want[0], window_size[0] - 40)
    h = min(want[1], window_size[1] - 40)
    return pygame.Rect((window_size[0] - w) // 2, (window_size[1] - h) // 2, w, h)


class Modal:
    """What every dialog has: a name, the answer (result, and value for typed text), and closing."""

    window = None

    def __init__(self, manager, name: str):
        self.manager = manager
        self.name = name
        self.result: Optional[str] = None
        self.value: Optional[str] = None

    def window_closed(self, event) -> bool:
        """The window's own close button was pressed: that is Cancel."""
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            self.result = self.result or CANCEL
            return True
        return False

    def close(self) -> None:
        self.manager.set_focus_set(None)
        if self.window is not None and self.window.alive():
            self.window.kill()


class Dialog(Modal):
    """Base: a UIWindow, a list of focusable elements, and keyboard handling."""

    def __init__(self, manager, window_size, title: str, size: Tuple[int, int], name: str, zoom: float = 1.0):
        super().__init__(manager, name)
        rect = centred(window_size, (int(size[0] * zoom), int(size[1] * zoom)))     # zoom: bigger text, A+
        self.window = pygame_gui.elements.UIWindow(rect, manager, title, object_id="#dialog",
                                                   draggable=False)
        self.window.set_blocking(True)
        self.container = self.window.get_container()
        self.inner = self.container.get_rect()
        self.focusables: List[object] = []
        self.choice_of = {}
        self.focus_index = 0

    # ---- building ---------------------------------------------------------------------------
    def add_button(self, box: Box, label: str, choice: str, object_id: str = "#dialog_button"):
        button = pygame_gui.elements.UIButton(pygame.Rect(box), label, self.manager, container=self.container,
                                              object_id=object_id)
        self.focusables.append(button)
        self.choice_of[button] = choice
        return button

    def button_row(self, choices: Sequence[Tuple[str, str]], y: int, fonts) -> None:
        """Buttons (choice, words) right-aligned on one row at y inside the dialog."""
        widths = [max(110, fonts.button_width(label)) for _, label in choices]
        x = self.inner.width - PAD - sum(widths) - PAD * (len(widths) - 1)
        for (choice, label), w in zip(choices, widths):
            self.add_button(Box(max(PAD, x), y, w, BUTTON_H), label, choice)
            x += w + PAD

    # ---- events -----------------------------------------------------------------------------
    def focused(self):
        return self.focusables[self.focus_index] if self.focusables else None

    def move_focus(self, step: int) -> None:
        if self.focusables:
            self.focus_index = (self.focus_index + step) % len(self.focusables)
            self._sync_text_focus()

    def _sync_text_focus(self) -> None:
        element = self.focused()
        if isinstance(element, pygame_gui.elements.UITextEntryLine):
            self.manager.set_focus_set(element)
        else:
            self.manager.set_focus_set(None)

    def finish(self, choice: str) -> None:
        self.result = choice

    def handle_event(self, event) -> bool:
        """Keyboard for the dialog; pygame-gui events for its buttons. True when the event was ours."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.choice_of:
            self.focus_index = self.focusables.index(event.ui_element)
            self.press(event.ui_element)
            return True
        if self.window_closed(event):
            return True
        if event.type == pygame.KEYDOWN:
            return self.key(event)
        if event.type == pygame.TEXTINPUT:
            return not isinstance(self.focused(), pygame_gui.elements.UITextEntryLine)
        return False

    def press(self, element) -> None:
        self.finish(self.choice_of.get(element, CANCEL))

    def key(self, event) -> bool:
        focused = self.focused()
        typing = isinstance(focused, pygame_gui.elements.UITextEntryLine)
        if event.key == pygame.K_ESCAPE:
            self.finish(CANCEL)
        elif event.key == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) or (event.key == pygame.K_SPACE and not typing):
            if typing:
                self.press_default()
            elif focused is not None:
                self.press(focused)
        elif not typing and event.key in (pygame.K_RIGHT, pygame.K_DOWN):
            self.move_focus(1)
        elif not typing and event.key in (pygame.K_LEFT, pygame.K_UP):
            self.move_focus(-1)
        else:
            return not typing   # keys for the text line go on to pygame-gui
        return True

    def press_default(self) -> None:
        """Enter in the text line: the first button that is not Cancel."""
        for element in self.focusables:
            if self.choice_of.get(element) not in (None, CANCEL):
                self.press(element)
                return

    def draw_focus(self, surface, colour) -> None:
        element = self.focused()
        if element is not None and self.result is None:
            draw_focus_ring(surface, element.get_abs_rect(), colour)


class FileDialog(Modal):
    """pygame-gui's file picker for a program outside the projects folder (a USB stick, a teacher's
    folder). It has its own path line and list; Esc or its close button cancels."""

    def __init__(self, manager, window_size, title: str, start_folder: str, name: str = "browse"):
        super().__init__(manager, name)
        self.window = UIFileDialog(centred(window_size, (640, 520)), manager, window_title=title,
                                   initial_file_path=start_folder, allowed_suffixes={".py"},
                                   allow_existing_files_only=True)
        self.window.set_blocking(True)
        self.window.delete_button.hide()       # opening a program must never delete a file
        manager.set_focus_set(self.window.file_path_text_line)     # type a path, Enter opens it

    def handle_event(self, event) -> bool:
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED and event.ui_element is self.window:
            self.result, self.value = "ok", event.text
            return True
        if self.window_closed(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.result = CANCEL
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            typed = Path(self.window.file_path_text_line.get_text().strip())
            if typed.suffix == ".py" and typed.is_file():      # Enter on a program opens it
                self.result, self.value = "ok", str(typed)
                return True
        return False            # everything else is for the picker itself (a folder: Enter goes in)

    def draw_focus(self, surface, colour) -> None:
        focused = self.manager.get_focus_set()
        for element in focused or ():
            if getattr(element, "visible", False) and element is not self.window:
                draw_focus_ring(surface, element.get_abs_rect(), colour)
                return


class ConfirmDialog(Dialog):
    """A question and a row of answers, e.g. "Save your game before you close?"."""

    def __init__(self, manager, window_size, fonts, title: str, message: str,
                 choices: Sequence[Tuple[str, str]], name: str = "confirm"):
        super().__init__(manager, window_size, title, (620, 270), name, zoom=fonts.scale)
        text_h = self.inner.height - BUTTON_H - 3 * PAD
        pygame_gui.elements.UITextBox(_escape(message), pygame.Rect(PAD, PAD, self.inner.width - 2 * PAD, text_h),
                                      manager, container=self.container, object_id="#dialog_text")
        self.button_row(choices, self.inner.height - BUTTON_H - PAD, fonts)


class PromptDialog(Dialog):
    """A question, a line to type the answer in, OK and Cancel ("Describe the game you want")."""

    def __init__(self, manager, window_size, fonts, title: str, message: str, placeholder: str,
                 ok_label: str, name: str = "prompt", text: str = ""):
        super().__init__(manager, window_size, title, (640, 300), name, zoom=fonts.scale)
        width = self.inner.width - 2 * PAD
        text_h = self.inner.height - BUTTON_H - 4 * PAD - 40 - 10
        pygame_gui.elements.UITextBox(_escape(message), pygame.Rect(PAD, PAD, width, text_h), manager,
                                      container=self.container, object_id="#dialog_text")
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(PAD, PAD + text_h + 10, width, 40), manager,
                                                         container=self.container, placeholder_text=placeholder)
        self.entry.length_limit = 200
        if text:
            self.entry.set_text(text)
        self.focusables.append(self.entry)
        self.button_row([("ok", ok_label), (CANCEL, tr("ui.dialog.cancel"))],
                        self.inner.height - BUTTON_H - PAD, fonts)
        self._sync_text_focus()

    def finish(self, choice: str) -> None:
        text = self.entry.get_text().strip()
        if choice == "ok" and not text:
            self.focus_index = 0
            self._sync_text_focus()
            return
        self.value = text
        super().finish(choice)


class ChoiceGrid(Dialog):
    """A grid of big buttons (examples, the child's programs) with the focused one's description below."""

    def __init__(self, manager, window_size, fonts, title: str, items: Sequence[Tuple[str, str, str]],
                 empty_text: str = "", name: str = "grid", extra: Sequence[Tuple[str, str]] = ()):
        columns = 3 if min(900, window_size[0] - 40) - 2 * PAD >= 640 else 2
        rows = max(1, (len(items) + columns - 1) // columns)
        want_h = TITLE_BAR_H + 4 * PAD + rows * (BUTTON_H + 6) + DESCRIPTION_H + BUTTON_H
        super().__init__(manager, window_size, title, (900, want_h), name)
        self.items = list(items)
        self.descriptions = {}
        width = self.inner.width - 2 * PAD
        cell_w = (width - PAD * (columns - 1)) // columns
        spare = self.inner.height - BUTTON_H - 3 * PAD - 90
        cell_h = max(34, min(BUTTON_H, spare // rows - 6))
        self.columns = columns
        for index, (choice, label, description) in enumerate(self.items):
            row, col = divmod(index, columns)
            box = Box(PAD + col * (cell_w + PAD), PAD + row * (cell_h + 6), cell_w, cell_h)
            button = self.add_button(box, label, choice)
            self.descriptions[button] = description
        desc_y = PAD + rows * (cell_h + 6) + 4
        desc_h = max(60, self.inner.height - desc_y - BUTTON_H - 2 * PAD)
        self.description = pygame_gui.elements.UITextBox(_escape(empty_text if not self.items else ""),
                                                         pygame.Rect(PAD, desc_y, width, desc_h), manager,
                                                         container=self.container, object_id="#dialog_text")
        x = PAD
        for choice, label in extra:          # e.g. "Another folder..." on the bottom row, left
            extra_w = max(140, fonts.button_width(label))
            self.add_button(Box(x, self.inner.height - BUTTON_H - PAD, extra_w, BUTTON_H), label, choice)
            x += extra_w + PAD
        self.cancel = self.add_button(Box(self.inner.width - PAD - 140, self.inner.height - BUTTON_H - PAD, 140,
                                          BUTTON_H), tr("ui.dialog.cancel"), CANCEL)
        self._shown_for = None
        self._show_description()

    def _show_description(self) -> None:
        element = self.focused()
        if element is self._shown_for:
            return
        self._shown_for = element
        text = self.descriptions.get(element)
        if text is not None:
            heading, _, body = text.partition("\n")
            self.description.set_text(to_html(body, heading) if body else to_html(heading))

    def move_focus(self, step: int) -> None:
        super().move_focus(step)
        self._show_description()

    def key(self, event) -> bool:
        if event.key in (pygame.K_DOWN, pygame.K_UP) and self.focused() is not self.cancel:
            target = self.focus_index + (self.columns if event.key == pygame.K_DOWN else -self.columns)
            if 0 <= target < len(self.items):
                self.focus_index = target
            elif event.key == pygame.K_DOWN:
                self.focus_index = len(self.focusables) - 1     # on to Cancel
            self._show_description()
            return True
        used = super().key(event)
        self._show_description()
        return used


def _escape(text: str) -> str:
    return to_html(text)
