"""Two doors to the XO's world: open a Pippy program as it is, and share a game as a Sugar activity.

Open a Pippy program: a file picker that shows every file (Pippy's Journal files
have no .py ending); the file is read on the Worker (a Pippy session's tabs become
one program each, written into the projects folder) and the first one opens.
Share as an activity: the program is saved first, the child names the activity,
and `export_game` makes the .xo on the Worker (it runs the game for a moment to
draw its icon). Inside Sugar the Journal resolves a session's tabs and keeps the
new bundle, where the child shares it.
"""
from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Callable, List, Optional

import pygame

from kidcoder.editor.files import ProgramFileError, describe_error
from kidcoder.i18n import tr
from kidcoder.ui.dialogs import FileDialog
from kidcoder.ui.shell import Shell

PIPPY, SHARE = "pippy_open", "share_game"
KINDS = (PIPPY, SHARE)


def in_sugar(environ=None) -> bool:
    """True inside a Sugar session (Sugar starts every activity with SUGAR_BUNDLE_ID set)."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("SUGAR_BUNDLE_ID"))


def start_folder(sugar: bool, home: Optional[Path] = None) -> str:
    """Where the Pippy file picker starts: Sugar's Documents folder when there is one, else the home folder."""
    home = Path(home) if home else Path.home()
    documents = home / "Documents"
    return str(documents if sugar and documents.is_dir() else home)


class PippyFileDialog(FileDialog):
    """The file picker, showing every file: Pippy keeps programs with and without a .py ending."""

    def __init__(self, manager, window_size, title: str, folder: str):
        super().__init__(manager, window_size, title, folder, name="pippy")
        self.window.allowed_suffixes = {""}
        self.window.update_current_file_list()
        self.window.file_selection_list.set_item_list(self.window.current_file_list)

    def handle_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            typed = Path(self.window.file_path_text_line.get_text().strip())
            if typed.is_file():
                self.result, self.value = "ok", str(typed)
                return True
        return super().handle_event(event)


def read_pippy(path: str, folder, sugar: bool, journal: Callable = None) -> List[Path]:
    """On the Worker: the programs in a Pippy file, written into folder (the first opens)."""
    from kidcoder.sugar.pippy_program import read_pippy_file, save_programs

    resolve = None
    if sugar:
        opened = (journal or _open_journal)()
        resolve = opened.text_of if opened is not None else None
    return save_programs(read_pippy_file(path, resolve=resolve), folder)


def share_game(path: str, name: str, sugar: bool, journal: Callable = None) -> dict:
    """On the Worker: the game's .xo (export_game's answer); inside Sugar also kept in the Journal."""
    from kidcoder.sugar.export import export_game

    made = export_game(path, name=name)
    made["journal"] = False
    if sugar:
        opened = (journal or _open_journal)()
        if opened is not None:
            try:
                opened.keep_bundle(made["file"], made["name"])
                made["journal"] = True
            except Exception:          # the Journal did not answer: the file is still next to the game
                pass
    return made


def _open_journal():
    from kidcoder.sugar.journal import open_journal

    return open_journal()


class SugarActions:
    """The "open_pippy" and "share" commands."""

    def __init__(self, shell: Shell, worker, docs, editor, helper, open_file: Callable, save: Callable,
                 sugar: Optional[bool] = None, journal: Optional[Callable] = None):
        self.shell, self.worker, self.docs, self.editor, self.helper = shell, worker, docs, editor, helper
        self._open_file, self._save = open_file, save
        self.sugar = in_sugar() if sugar is None else sugar
        self.journal_maker = journal      # makes the Journal (None: Sugar's own; tests pass a fake)
        self._name = ""
        self._waiting_for_save = False
        self.sharing = False
        self._numbers = itertools.count(1)

    # ---- Open a Pippy program --------------------------------------------------------------------
    def open_pippy(self) -> None:
        if self.shell.dialogs.current is not None:
            return
        title = tr("sugar.pippy.title")
        folder = start_folder(self.sugar)
        self.shell.dialogs.show(lambda manager, size, fonts: PippyFileDialog(manager, size, title, folder),
                                self._pippy_picked)

    def _pippy_picked(self, dialog) -> None:
        if dialog.result == "ok" and dialog.value:
            self.worker.submit(PIPPY, read_pippy, dialog.value, self.docs.files.folder, self.sugar, self.journal_maker)

    def _pippy_read(self, result) -> None:
        if not result.ok:
            error = result.error
            text = describe_error(error) if isinstance(error, ProgramFileError) else tr("editor.file_problem")
            self.helper.show(tr("ui.helper.problem_title"), text)
            return
        files = list(result.value)
        self._open_file(str(files[0]))
        if len(files) > 1:
            names = ", ".join(path.name for path in files[1:])
            self.helper.show(tr("sugar.pippy.opened_title"),
                             tr("sugar.pippy.opened_many", count=len(files), names=names))

    # ---- Share as an activity --------------------------------------------------------------------------
    def share(self) -> None:
        if self.sharing:
            self.shell.say(tr("sugar.share.busy"))
            return
        if self.shell.dialogs.current is not None:
            return
        from kidcoder.sugar.names import display_name

        stem = Path(self.docs.path).stem if self.docs.path else ""
        self.shell.dialogs.prompt(tr("sugar.share.title"), tr("sugar.share.message"), tr("sugar.share.placeholder"),
                                  tr("sugar.share.ok"), "share", self._named,
                                  text=display_name(stem, default=""))

    def _named(self, dialog) -> None:
        if dialog.result != "ok":
            return
        self._name = dialog.value
        self.sharing = True
        self.shell.say(tr("sugar.share.working"))
        if self.docs.path is None or self.editor.view.buffer.modified:
            self._save()                   # the .xo is made from the saved file
            self._waiting_for_save = True
        else:
            self._export()

    def tick(self) -> None:
        """Once a frame: when the save that sharing asked for is done, make the activity (a new program
        is named first: sharing waits while the naming dialog is open, and stops if it was cancelled)."""
        if not self._waiting_for_save or self.docs.pending_saves or self.shell.dialogs.current is not None:
            return
        self._waiting_for_save = False
        if self.docs.path is not None and not self.editor.view.buffer.modified:
            self._export()
        else:
            self.sharing = False           # the save failed; the file actions told the child why

    def _export(self) -> None:
        self.worker.submit(SHARE, share_game, str(self.docs.path), self._name, self.sugar, self.journal_maker,
                           tag=next(self._numbers))

    def _shared(self, result) -> None:
        self.sharing = False
        if not result.ok:
            error = result.error
            text = describe_error(error) if isinstance(error, ProgramFileError) else tr(
                "sugar.export.no_write", file=str(self.docs.path))
            self.helper.show(tr("ui.helper.problem_title"), text)
            self.shell.say("")
            return
        made = result.value
        if made["journal"]:
            text = tr("sugar.export.journal", name=made["name"])
        else:
            text = tr("sugar.export.done", file=made["file"])
        self.helper.show(tr("sugar.share.done_title"), text)
        self.shell.say(tr("sugar.share.done_title"))

    def result(self, result) -> None:
        """A result of this module's work on the Worker (its kind is one of KINDS)."""
        if result.kind == PIPPY:
            self._pippy_read(result)
        elif result.kind == SHARE:
            self._shared(result)
