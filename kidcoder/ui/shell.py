"""What the window's parts may ask of the window itself, without being handed the App.

Shell: the status line, the keyboard focus, dialogs and quitting. The App makes
one from its own methods and gives it to the parts that act (file, view and game
commands). HelperContext is the helper's view of the window (assist.py and
model_stream.py): the two panes it writes to, the worker, the games, the open
program and the settings; nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from kidcoder.ui.dialog_host import DialogHost


@dataclass(frozen=True)
class Shell:
    say: Callable[[str], None]            # a short line in the status bar
    set_focus: Callable[[str], None]      # give the keyboard to a focus target (see focus.py)
    focus: Callable[[], str]              # the focus target that has it now
    quit: Callable[[], None]              # close the window (the child's work is saved or given up)
    dialogs: DialogHost


class HelperContext:
    """The helper's work sees the editor, helper and preview panes, the worker, the games, the open program
    (docs), the settings, and may say a status line, move the focus, open a program or a new one."""

    def __init__(self, shell: Shell, editor, helper, worker, games, docs, settings, open_file: Callable,
                 open_new: Callable = None, preview=None):
        self._shell = shell
        self.editor, self.helper, self.preview = editor, helper, preview
        self.worker, self.games, self.docs, self.settings = worker, games, docs, settings
        self.open_file = open_file
        self.open_new = open_new        # (text, description): a made game, not saved until it is named
        self._status = ""

    @property
    def status(self) -> str:
        """The last status line the helper said."""
        return self._status

    @status.setter
    def status(self, text: str) -> None:
        self._status = text
        self._shell.say(text)

    def set_focus(self, target: str) -> None:
        self._shell.set_focus(target)
