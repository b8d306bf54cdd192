"""Naming programs: the first Save asks for a name, Save as makes a copy, Rename changes it.

The suggestion comes from the program (its caption, a made game's description, its
first comment: projects.names.suggest_name) in the child's language, and is free in
the folder. A name another program already has is only used when the child says
"Replace it" (Save and Save as); Rename never replaces another program.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from kidcoder.i18n import tr
from kidcoder.ui import style
from kidcoder.ui.dialogs import CANCEL
from kidcoder.ui.name_dialog import NameDialog

Then = Optional[Callable[[], None]]


def _names():
    """projects.names (it reads programs with diagnosis's parser): loaded with the first name asked for."""
    from kidcoder.projects import names

    return names


class Naming:
    """Asks for names and queues the saves and renames on the documents' file worker."""

    def __init__(self, dialogs, docs, editor, settings):
        self.dialogs, self.docs, self.editor, self.settings = dialogs, docs, editor, settings
        self.after_save = {}          # tag of a queued save -> what to do once it is written
        self.after_rename = {}        # tag of a queued rename -> what to do once it is done

    def _problem_colour(self) -> str:
        return "#%02X%02X%02X" % style.colours(self.settings.theme)["error"]

    @property
    def folder(self) -> Path:
        return self.docs.files.folder

    def suggestion(self) -> str:
        """The name offered for the open program: its own, or one made from what it says."""
        if self.docs.path is not None:
            return self.docs.path.stem
        stem = _names().suggest_name(self.editor.get_text(), self.docs.hint, self.settings.language)
        return _names().free_stem(self.folder, stem)

    # ---- Save (the first time) and Save as ----------------------------------------------------
    def ask_to_save(self, then: Then = None, copy: bool = False, text: Optional[str] = None) -> None:
        """Ask for a name, then save the program under it (copy: Save as, the old file stays)."""
        first = self.docs.path is None
        title = tr("files.name.save_title" if first else "files.name.copy_title")
        message = tr("files.name.save_message" if first else "files.name.copy_message",
                     name=self.docs.path.stem if self.docs.path else "")
        if text is None:
            text = self.suggestion() if first else _names().free_stem(self.folder, self.docs.path.stem)
        self.dialogs.show(
            lambda manager, size, fonts: NameDialog(manager, size, fonts, title, message, text,
                                                    tr("files.name.save"), self._problem, name="save_name",
                                                    problem_colour=self._problem_colour()),
            lambda dialog: self._save_named(dialog, then, copy))

    def _problem(self, typed: str, current: Optional[Path] = None) -> str:
        """The kind sentence for a name that cannot be used ("" when it can)."""
        return _names().check_name(typed, self.folder, current).message()

    def _save_named(self, dialog, then: Then, copy: bool) -> None:
        if dialog.result != "ok":
            return
        check = _names().check_name(dialog.value, self.folder)
        if not check.ok:
            return
        if check.exists and check.path != self.docs.path:
            self.dialogs.confirm(tr("files.name.exists_title"), tr("files.name.exists", name=check.path.stem),
                                 [("other", tr("files.name.other")), ("replace", tr("files.name.replace")),
                                  (CANCEL, tr("ui.dialog.cancel"))], "replace",    # Enter never replaces
                                 lambda answer: self._replace_answered(answer, check.path, then, copy,
                                                                       dialog.value))
            return
        self.save_as(check.path, then)

    def _replace_answered(self, answer, path: Path, then: Then, copy: bool, typed: str) -> None:
        if answer.result == "replace":
            self.save_as(path, then, replace=True)
        elif answer.result == "other":
            self.ask_to_save(then, copy, text=typed)

    def save_as(self, path: Path, then: Then = None, replace: bool = False) -> None:
        """Save the open program under path (the name was checked)."""
        tag = self.docs.save_named(self.editor.get_text(), self.editor.version, path, replace)
        if then is not None:
            self.after_save[tag] = then

    # ---- Rename ---------------------------------------------------------------------------------
    def ask_to_rename(self, program: Path, then: Then = None, text: Optional[str] = None) -> None:
        """Ask for a new name for a saved program (the open one or one in My programs)."""
        program = Path(program)
        title = tr("files.name.rename_title")
        message = tr("files.name.rename_message", name=program.stem)
        self.dialogs.show(
            lambda manager, size, fonts: NameDialog(manager, size, fonts, title, message,
                                                    program.stem if text is None else text,
                                                    tr("files.name.rename"),
                                                    lambda typed: self._rename_problem(typed, program),
                                                    name="rename", problem_colour=self._problem_colour()),
            lambda dialog: self._rename_answered(dialog, program, then))

    def _rename_problem(self, typed: str, program: Path) -> str:
        check = _names().check_name(typed, program.parent, current=program)
        if check.ok and check.exists:
            return tr("files.name.exists_rename", name=check.path.stem)
        return check.message()

    def _rename_answered(self, dialog, program: Path, then: Then) -> None:
        if dialog.result != "ok":
            return
        check = _names().check_name(dialog.value, program.parent, current=program)
        if not check.ok or check.exists:
            return
        if check.path == program:
            if then is not None:
                then()
            return
        tag = self.docs.rename(program, check.path)
        if then is not None:
            self.after_rename[tag] = then

    def done(self, result) -> Then:
        """What to do after a save or rename finished (None: nothing was waiting for it)."""
        waiting = self.after_save if result.kind in ("save", "save_named") else self.after_rename
        then = waiting.pop(result.tag, None)
        return then if result.error is None else None
