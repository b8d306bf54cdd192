"""File commands of the window: new, My programs, save (with a name), save as, rename, examples, making
a game, the last program at start, recovering lost work, quitting.

Every disk operation is queued on the editor's FileWorker; results come back
through `file_result()` once per frame, so the window never waits for the disk.
A program gets a name the first time it is saved (naming.Naming); until then Run
uses a hidden copy and the autosave keeps its text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from kidcoder.editor.files import describe_error, recovery_message
from kidcoder.i18n import tr
from kidcoder.projects.store import RUN_COPY_PREFIX
from kidcoder.ui import style
from kidcoder.ui.dialogs import CANCEL
from kidcoder.ui.game_control import GameState
from kidcoder.ui.naming import Naming
from kidcoder.ui.shell import Shell
from kidcoder.ui.starter import starter_program  # noqa: F401 (the window and the tests ask here)


class FileActions:
    """New, My programs, Save, Save as, Rename, Examples, Make a game, recovery and Quit."""

    def __init__(self, shell: Shell, docs, games, worker, settings, editor, helper, preview, console,
                 start_game: Callable[[Path], None], make_game: Callable[[str], None]):
        self.shell, self.dialogs = shell, shell.dialogs
        self.docs, self.games, self.worker, self.settings = docs, games, worker, settings
        self.editor, self.helper, self.preview, self.console = editor, helper, preview, console
        self._start_game = start_game      # Run saves first; the game starts when the save is done
        self._make_game = make_game        # the helper makes a game from the child's description
        self.naming = Naming(self.dialogs, docs, editor, settings)
        self.quit_after_save = False
        self.waiting_thumbnail: Optional[bytes] = None     # a picture of a game that has no name yet

    def start_up(self) -> None:
        """The program open last time (or a new one), and an offer to bring back work lost in a crash."""
        self.editor.set_text(starter_program(self.settings.language))
        self.docs.new(self.editor.get_text())
        self.docs.open_last()
        self.docs.ask_recoveries()

    # ---- commands ---------------------------------------------------------------------------
    def save(self, then=None) -> None:
        """Save; the first time, ask for a name (then: what to do once it is written)."""
        if self.docs.path is None:
            self.naming.ask_to_save(then)
            return
        tag = self.docs.save(self.editor.get_text(), self.editor.version)
        if then is not None:
            self.naming.after_save[tag] = then

    def save_as(self) -> None:
        """Save a copy under a new name; the copy is the program that stays open."""
        self.naming.ask_to_save(copy=self.docs.path is not None)

    def rename(self) -> None:
        if self.docs.path is None:
            self.naming.ask_to_save()
        else:
            self._rename(self.docs.path)

    def _rename(self, program: Path, then=None) -> None:
        if self.editor.modified and self.docs.path == Path(program):
            self.save()            # renaming moves the file: what is typed goes in it first
        self.naming.ask_to_rename(Path(program), then)

    def new(self) -> None:
        self.keep_then(self._start_new)

    def _start_new(self, text: Optional[str] = None, hint: str = "") -> None:
        self.games.stop()
        self.editor.set_text(text if text is not None else starter_program(self.settings.language))
        if text is not None:
            self.editor.view.buffer.set_text(text, saved=False)   # a made game is not on disk yet
        self.docs.new(self.editor.get_text(), hint)
        self.editor.name = ""
        self.editor.note = ""
        self.waiting_thumbnail = None
        self.helper.forget_hint()
        self.shell.set_focus("editor")

    def open_new_program(self, text: str, hint: str = "") -> None:
        """A program with no file yet (a made game): it is named when first saved, from hint too."""
        self.keep_then(lambda: self._start_new(text, hint))

    def keep_then(self, action: Callable[[], None]) -> None:
        """Do action once the open program is safe: saved, or (no name yet) named or given up by the child."""
        if not self.editor.modified:
            action()
        elif self.docs.path is not None:
            self.save()
            action()
        else:
            self.dialogs.confirm(tr("files.keep.title"), tr("files.keep.message"),
                                 [("keep", tr("files.keep.save")), ("drop", tr("files.keep.drop")),
                                  (CANCEL, tr("ui.dialog.cancel"))], "keep",
                                 lambda dialog: self._keep_answered(dialog, action))

    def _keep_answered(self, dialog, action) -> None:
        if dialog.result == "keep":
            self.naming.ask_to_save(then=action)
        elif dialog.result == "drop":
            self.docs.discard_autosave()
            action()

    def open(self) -> None:
        """My programs: every program in the projects folder (listed on the file worker)."""
        self.docs.worker.submit("list_programs", tag=("list", 0))

    def examples(self) -> None:
        from kidcoder.ui.gallery import grid_items, load_examples     # lazy: not needed for the first frame

        items = grid_items(load_examples(self.settings.language))
        self.dialogs.choose(tr("ui.gallery.title"), items, "examples", self._example_chosen)

    def make_game(self) -> None:
        self.dialogs.prompt(tr("ui.make.title"), tr("ui.make.message") + "\n" + tr("ui.make.placeholder"),
                            tr("ui.make.placeholder"), tr("ui.make.ok"), "make_game", self._game_described)

    def quit(self) -> None:
        if self.dialogs.current is not None:
            return
        if not self.editor.view.buffer.modified:
            self.shell.quit()
            return
        self.dialogs.confirm(tr("ui.quit.title"), tr("ui.quit.message"),
                             [("save", tr("ui.quit.save")), ("discard", tr("ui.quit.discard")),
                              (CANCEL, tr("ui.dialog.cancel"))], "quit", self._quit_answered)

    # ---- the game's last frame: the program's thumbnail -------------------------------------------
    def remember_frame(self) -> None:
        """The game ended or was stopped: keep its last frame as the program's picture."""
        frame = self.preview.last_frame
        program = self.games.path
        if frame is None or program is None:
            return
        from kidcoder.ui.program_grid import encode_thumbnail

        png = encode_thumbnail(frame)
        if Path(program).name.startswith(RUN_COPY_PREFIX):
            self.waiting_thumbnail = png          # written when the program gets its name
        else:
            self.docs.worker.submit("save_thumbnail", Path(program), png, tag=("thumbnail", 0))

    def shown_name(self) -> Optional[str]:
        """The name to show for a program that runs from its hidden copy."""
        return None if self.docs.path is not None else tr("ui.editor.untitled")

    # ---- opening ----------------------------------------------------------------------------
    def open_example(self, filename: str) -> None:
        """Copy an example into the projects folder (on the worker); example_copied() opens the copy."""
        from kidcoder.ui.gallery import copy_example

        self.worker.submit("copy_example", copy_example, filename)

    def example_copied(self, result) -> None:
        if result.ok:
            self.open_file(result.value)
        else:
            self.helper.show(tr("ui.helper.problem_title"), tr("ui.gallery.failed"))

    def open_file(self, path) -> None:
        if self.docs.path is not None and Path(path) == self.docs.path and not self.editor.modified:
            return
        self.keep_then(lambda: self.docs.open(path))

    # ---- results of file work ---------------------------------------------------------------
    def file_result(self, result) -> None:
        purpose = result.tag[0] if isinstance(result.tag, tuple) else None
        if result.error is not None:
            self._failed(result, purpose)
        elif result.kind in ("save", "save_named"):
            self._saved(result, purpose)
        elif result.kind == "run_copy":
            self._start_game(result.value)
        elif result.kind == "open" or (result.kind == "open_last" and result.value is not None):
            self._opened(result.value)
        elif result.kind == "rename":
            self._renamed(result)
        elif result.kind == "autosave":
            self.editor.note = tr("editor.autosaved")
        elif result.kind == "list_programs":
            self.show_programs(result.value)
        elif result.kind == "recoveries" and result.value:
            recovery = result.value[0]
            self.dialogs.confirm(tr("ui.recover.title"), recovery_message(recovery),
                                 [("yes", tr("editor.recover.yes")), ("no", tr("editor.recover.no"))], "recover",
                                 lambda dialog: self._recover_answered(dialog, recovery))

    def _failed(self, result, purpose) -> None:
        self.helper.show(tr("ui.helper.problem_title"), describe_error(result.error))
        if result.kind in ("save", "save_named"):
            self.docs.save_failed(result.tag)
            self.naming.done(result)
        if purpose in ("run", "quit"):
            self.preview.state = GameState.IDLE
        self.quit_after_save = False

    def _saved(self, result, purpose) -> None:
        current = self.docs.is_current(result.tag)
        version = self.docs.saved_version(result.tag)
        if current:                     # (not a program closed since the save was asked for)
            self.docs.doc.path = result.value
            self.editor.name = Path(result.value).name
            if version == self.editor.version:
                self.editor.view.buffer.mark_saved()
            self.editor.note = tr("editor.saved", name=self.editor.name)
        if result.kind == "save_named":
            if current:
                self.docs.hint = ""
            if self.waiting_thumbnail is not None and current:
                self.docs.worker.submit("save_thumbnail", Path(result.value), self.waiting_thumbnail,
                                        tag=("thumbnail", 0))
                self.waiting_thumbnail = None
        else:
            self.docs.worker.submit("remember_last", Path(result.value), tag=("remember", 0))
        if purpose == "run" and current:
            self._start_game(result.value)
        then = self.naming.done(result)
        if then is not None:
            then()
        if self.quit_after_save and self.docs.pending_saves == 0:
            self.shell.quit()

    def _renamed(self, result) -> None:
        if self.docs.path is not None and self.docs.path == Path(result.tag[2]):
            self.docs.doc.path = Path(result.value)
            self.editor.name = Path(result.value).name
            self.docs.worker.submit("remember_last", Path(result.value), tag=("remember", 0))
        self.shell.say(tr("files.renamed", name=Path(result.value).stem))
        then = self.naming.done(result)
        if then is not None:
            then()

    def _opened(self, document) -> None:
        self.games.stop()
        self.docs.adopt(document)
        self.editor.set_text(document.text)
        self.editor.name = document.name
        self.editor.note = ""
        self.waiting_thumbnail = None
        self.helper.forget_hint()
        self.preview.clear()
        self.console.clear()
        self.shell.set_focus("editor")
        self.shell.say(tr("ui.status.opened", name=document.name))
        self.docs.worker.submit("remember_last", document.path, tag=("remember", 0))

    # ---- My programs ------------------------------------------------------------------------------
    def show_programs(self, entries, selected: Optional[Path] = None) -> None:
        from kidcoder.ui.program_list import ProgramsDialog

        colours = style.colours(self.settings.theme)
        lang = self.settings.language
        current = self.docs.path

        def make(manager, size, fonts):
            dialog = ProgramsDialog(manager, size, fonts, colours, entries, current, lang)
            if selected is not None:
                dialog.select(next((i for i, e in enumerate(dialog.shown) if e.path == selected), 0))
            return dialog

        self.dialogs.show(make, self._program_chosen)

    def _program_chosen(self, dialog) -> None:
        if dialog.result == "browse":
            self.dialogs.browse(tr("ui.open.browse_title"), str(self.docs.files.folder), self._program_picked)
        elif dialog.result == "rename":
            self._rename(Path(dialog.value), then=self.open)
        elif dialog.result == "open":
            self.open_file(dialog.value)

    def _program_picked(self, dialog) -> None:
        if dialog.result == "ok" and dialog.value:
            self.open_file(dialog.value)

    # ---- answers to dialogs -----------------------------------------------------------------
    def _example_chosen(self, dialog) -> None:
        if dialog.result != CANCEL:
            self.open_example(dialog.result)

    def _game_described(self, dialog) -> None:
        if dialog.result == "ok":
            self._make_game(dialog.value)

    def _quit_answered(self, dialog) -> None:
        if dialog.result == "save":
            if self.docs.path is None:
                self.naming.ask_to_save(then=self.shell.quit)
            else:
                self.quit_after_save = True
                self.save()
        elif dialog.result == "discard":
            self.docs.discard_autosave()
            self.shell.quit()

    def _recover_answered(self, dialog, recovery) -> None:
        if dialog.result == "yes":
            document = self.docs.files.restore(recovery)
            self.docs.adopt(document)
            self.editor.view.buffer.set_text(document.text, saved=False)
            self.editor.view.top = 0
            self.editor.name = document.name
        elif dialog.result == "no":
            self.docs.worker.submit("discard_recovery", recovery, tag=("discard", 0))
