"""File commands of the window: new, open, save, examples, making a game, recovering lost work, quitting.

Every disk operation is queued on the editor's FileWorker; results come back
through `file_result()` once per frame, so the window never waits for the disk.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from kidcoder.editor.files import describe_error, recovery_message
from kidcoder.i18n import tr
from kidcoder.ui.dialogs import CANCEL
from kidcoder.ui.game_control import GameState
from kidcoder.ui.gallery import copy_example, grid_items, load_examples
from kidcoder.ui.shell import Shell


def starter_program(lang: str = "en") -> str:
    """The program a new file starts with: a working, empty game loop with comments in lang."""
    return "\n".join([
        f"# {tr('ui.starter.title', lang)}",
        "import pygame",
        "",
        "pygame.init()",
        "screen = pygame.display.set_mode((600, 400))",
        "clock = pygame.time.Clock()",
        "",
        "running = True",
        "while running:",
        "    for event in pygame.event.get():",
        "        if event.type == pygame.QUIT:",
        "            running = False",
        "",
        "    screen.fill((30, 30, 60))",
        f"    # {tr('ui.starter.draw', lang)}",
        "    pygame.draw.circle(screen, (255, 200, 0), (300, 200), 40)",
        "",
        "    pygame.display.flip()",
        "    clock.tick(60)",
        "",
        "pygame.quit()",
        "",
    ])


class FileActions:
    """New, Open, Save, Examples, Make a game, recovery and Quit, for the program in the editor."""

    def __init__(self, shell: Shell, docs, games, worker, settings, editor, helper, preview, console,
                 start_game: Callable[[Path], None], make_game: Callable[[str], None]):
        self.shell, self.dialogs = shell, shell.dialogs
        self.docs, self.games, self.worker, self.settings = docs, games, worker, settings
        self.editor, self.helper, self.preview, self.console = editor, helper, preview, console
        self._start_game = start_game      # Run saves first; the game starts when the save is done
        self._make_game = make_game        # the helper makes a game from the child's description
        self.quit_after_save = False

    def start_up(self) -> None:
        """A new program to begin with, and an offer to bring back work lost in a crash."""
        self.editor.set_text(starter_program(self.settings.language))
        self.docs.new(self.editor.get_text())
        self.docs.ask_recoveries()

    # ---- commands ---------------------------------------------------------------------------
    def save(self) -> None:
        self.docs.save(self.editor.get_text(), self.editor.version)

    def new(self) -> None:
        if self.editor.modified:
            self.save()
        self.games.stop()
        self.editor.set_text(starter_program(self.settings.language))
        self.docs.new(self.editor.get_text())
        self.editor.name = ""
        self.helper.forget_hint()
        self.shell.set_focus("editor")

    def open(self) -> None:
        self.docs.worker.submit("list_projects", tag=("list", 0))

    def examples(self) -> None:
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

    # ---- opening ----------------------------------------------------------------------------
    def open_example(self, filename: str) -> None:
        """Copy an example into the projects folder (on the worker); example_copied() opens the copy."""
        self.worker.submit("copy_example", copy_example, filename)

    def example_copied(self, result) -> None:
        if result.ok:
            self.open_file(result.value)
        else:
            self.helper.show(tr("ui.helper.problem_title"), tr("ui.gallery.failed"))

    def open_file(self, path) -> None:
        if self.editor.modified:
            self.save()
        self.docs.open(path)

    # ---- results of file work ---------------------------------------------------------------
    def file_result(self, result) -> None:
        purpose = result.tag[0] if isinstance(result.tag, tuple) else None
        if result.error is not None:
            self.helper.show(tr("ui.helper.problem_title"), describe_error(result.error))
            if purpose in ("run", "quit"):
                self.preview.state = GameState.IDLE
            self.quit_after_save = False
        elif result.kind == "save":
            self._saved(result, purpose)
        elif result.kind == "open":
            self._opened(result.value)
        elif result.kind == "autosave":
            self.editor.note = tr("editor.autosaved")
        elif result.kind == "list_projects":
            items = [(str(p), p.stem, tr("ui.open.file", name=p.name)) for p in list(result.value)[:12]]
            self.dialogs.choose(tr("ui.open.title"), items, "open", self._project_chosen,
                                empty_text=tr("ui.open.none"), extra=[("browse", tr("ui.open.browse"))])
        elif result.kind == "recoveries" and result.value:
            recovery = result.value[0]
            self.dialogs.confirm(tr("ui.recover.title"), recovery_message(recovery),
                                 [("yes", tr("editor.recover.yes")), ("no", tr("editor.recover.no"))], "recover",
                                 lambda dialog: self._recover_answered(dialog, recovery))

    def _saved(self, result, purpose) -> None:
        version = self.docs.saved_version(result.tag)
        if not self.docs.saved_current(result.tag):      # saved before New or Open: not this program's
            if self.quit_after_save and self.docs.pending_saves == 0:
                self.shell.quit()
            return
        self.docs.doc.path = result.value
        self.editor.name = Path(result.value).name
        if version == self.editor.version:
            self.editor.view.buffer.mark_saved()
        self.editor.note = tr("editor.saved", name=self.editor.name)
        if purpose == "run":
            self._start_game(result.value)
        if self.quit_after_save and self.docs.pending_saves == 0:
            self.shell.quit()

    def _opened(self, document) -> None:
        self.games.stop()
        self.docs.adopt(document)
        self.editor.set_text(document.text)
        self.editor.name = document.name
        self.editor.note = ""
        self.helper.forget_hint()
        self.preview.clear()
        self.console.clear()
        self.shell.set_focus("editor")
        self.shell.say(tr("ui.status.opened", name=document.name))

    # ---- answers to dialogs -----------------------------------------------------------------
    def _example_chosen(self, dialog) -> None:
        if dialog.result != CANCEL:
            self.open_example(dialog.result)

    def _game_described(self, dialog) -> None:
        if dialog.result == "ok":
            self._make_game(dialog.value)

    def _project_chosen(self, dialog) -> None:
        if dialog.result == "browse":
            self.dialogs.browse(tr("ui.open.browse_title"), str(self.docs.files.folder), self._program_picked)
        elif dialog.result != CANCEL:
            self.open_file(dialog.result)

    def _program_picked(self, dialog) -> None:
        if dialog.result == "ok" and dialog.value:
            self.open_file(dialog.value)

    def _quit_answered(self, dialog) -> None:
        if dialog.result == "save":
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
