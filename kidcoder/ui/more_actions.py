"""The More button: pictures, sounds, Pippy programs and sharing, behind one button of the toolbar.

MoreActions holds the two parts that do the work (library_actions.LibraryActions,
sugar_actions.SugarActions), gives the App their commands in one dict, takes their
Worker results, and shows the More menu: big buttons with a line about each.
"""
from __future__ import annotations

from typing import Callable, Dict

from kidcoder.i18n import tr
from kidcoder.ui import library_actions, sugar_actions
from kidcoder.ui.actions import COMMANDS
from kidcoder.ui.dialogs import CANCEL
from kidcoder.ui.library_actions import LibraryActions
from kidcoder.ui.shell import Shell
from kidcoder.ui.sugar_actions import SugarActions

MENU = ("pictures", "sounds", "open_pippy", "share")        # the More menu, in this order


def menu_items():
    """(command, button words, the line about it) for the More menu, in the child's language."""
    labels = {command.name: command.label for command in COMMANDS}
    return [(name, tr(labels[name]), f"{tr(labels[name])}\n{tr(labels[name] + '.about')}") for name in MENU]


class MoreActions:
    """The "more", "pictures", "sounds", "open_pippy" and "share" commands of the window."""

    def __init__(self, shell: Shell, worker, docs, editor, helper, settings, colours, open_file: Callable,
                 save: Callable, do: Callable[[str], None], sugar=None, journal=None):
        self.shell, self._do = shell, do
        self.library = LibraryActions(shell, worker, docs, editor, helper, settings, colours)
        self.sugar = SugarActions(shell, worker, docs, editor, helper, open_file, save, sugar=sugar, journal=journal)
        self._owners = {kind: owner for owner, kinds in ((self.library, library_actions.KINDS),
                                                         (self.sugar, sugar_actions.KINDS)) for kind in kinds}

    def commands(self) -> Dict[str, Callable[[], None]]:
        return {"more": self.more, "pictures": self.library.pictures, "sounds": self.library.sounds,
                "open_pippy": self.sugar.open_pippy, "share": self.sugar.share}

    def more(self) -> None:
        if self.shell.dialogs.current is None:
            self.shell.dialogs.choose(tr("library.more.title"), menu_items(), "more", self._chosen)

    def _chosen(self, dialog) -> None:
        if dialog.result != CANCEL:
            self._do(dialog.result)

    def takes(self, result) -> bool:
        """Is this Worker result one of ours? (then result() takes it)."""
        return result.kind in self._owners

    def result(self, result) -> None:
        self._owners[result.kind].result(result)

    def tick(self) -> None:
        self.library.tick()
        self.sugar.tick()
