"""The dialog that asks a child for a program's name: a suggestion ready to keep, checked as they type.

The suggested name is selected, so Enter keeps it and typing replaces it. Under the
line a kind sentence says what to change ("A name can't have / in it"), updated as
the child types; OK does nothing until the name can be used. Built on dialogs.Dialog
(keyboard focus, Esc, Tab) like every other dialog of the window.
"""
from __future__ import annotations

from typing import Callable

import pygame
import pygame_gui

from kidcoder.i18n import tr
from kidcoder.ui.dialogs import BUTTON_H, CANCEL, PAD, Dialog, _escape

ENTRY_H = 42
MESSAGE_H = 86
PROBLEM_H = 62


class NameDialog(Dialog):
    """A question, a name line (".py" shown after it), a line for problems, OK and Cancel.

    check(typed) -> "" when the name can be used, else the sentence to show. dialog.value is the name.
    """

    def __init__(self, manager, window_size, fonts, title: str, message: str, text: str, ok_label: str,
                 check: Callable[[str], str], name: str = "name", problem_colour: str = "#B3261E"):
        height = 40 + 5 * PAD + MESSAGE_H + ENTRY_H + PROBLEM_H + BUTTON_H
        super().__init__(manager, window_size, title, (620, height), name)
        self.check = check
        self.problem_colour = problem_colour
        width = self.inner.width - 2 * PAD
        pygame_gui.elements.UITextBox(_escape(message), pygame.Rect(PAD, PAD, width, MESSAGE_H), manager,
                                      container=self.container, object_id="#dialog_text")
        suffix_w = fonts.button_width(".py", padding=16)
        entry_y = PAD * 2 + MESSAGE_H
        self.entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(PAD, entry_y, width - suffix_w - 4, ENTRY_H),
                                                         manager, container=self.container,
                                                         object_id="#name_entry")
        self.entry.length_limit = 80
        pygame_gui.elements.UILabel(pygame.Rect(PAD + width - suffix_w + 6, entry_y, suffix_w - 6, ENTRY_H), ".py",
                                    manager, container=self.container, object_id="#dialog_label")
        self.problem = pygame_gui.elements.UITextBox("", pygame.Rect(PAD, entry_y + ENTRY_H + 4, width, PROBLEM_H),
                                                     manager, container=self.container,
                                                     object_id="#dialog_problem")
        self.problem_text = ""
        self.entry.set_text(text)
        self.focusables.append(self.entry)
        self.button_row([("ok", ok_label), (CANCEL, tr("ui.dialog.cancel"))],
                        self.inner.height - BUTTON_H - PAD, fonts)
        self._sync_text_focus()
        self.entry.select_range = [0, len(text)]          # Enter keeps the suggestion, typing replaces it
        self.entry.edit_position = len(text)
        self._checked = text

    def show_problem(self, text: str) -> None:
        if text != self.problem_text:
            self.problem_text = text
            self.problem.set_text(f"<font color='{self.problem_colour}'><b>{_escape(text)}</b></font>" if text else "")

    def handle_event(self, event) -> bool:
        used = super().handle_event(event)
        typed = self.entry.get_text()
        if typed != self._checked:            # the child typed: say at once what to change (or nothing)
            self._checked = typed
            self.show_problem(self.check(typed) if typed.strip() else "")
        return used

    def finish(self, choice: str) -> None:
        if choice == "ok":
            problem = self.check(self.entry.get_text())
            if problem:
                self.show_problem(problem)
                if self.focused() is not self.entry:
                    self.focus_index = 0
                    self._sync_text_focus()
                    self.entry.edit_position = len(self.entry.get_text())
                return
        self.value = self.entry.get_text().strip()
        super().finish(choice)
