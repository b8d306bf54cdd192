"""File actions of the window: new, open, save, examples, recovering lost work, and quitting safely.

Every disk operation is queued on the editor's FileWorker; results come back
through `file_result()` once per frame, so the window never waits for the disk.
"""
from __future__ import annotations

from pathlib import Path

from kidcoder.i18n import tr
from kidcoder.ui.dialogs import CANCEL, ChoiceGrid, ConfirmDialog


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
    """New, Open, Save, Examples, recovery and Quit; `app` is the App."""

    def __init__(self, app, start_game):
        self.app = app
        self._start_game = start_game      # Run saves first; the game starts when the save is done
        self.quit_after_save = False
        self.pending_recovery = None

    def say(self, text: str) -> None:
        self.app.status = text

    def act_save(self) -> None:
        app = self.app
        app.docs.save(app.editor.get_text(), app.editor.version)

    def act_new(self) -> None:
        app = self.app
        if app.editor.modified:
            app.docs.save(app.editor.get_text(), app.editor.version)
        app.games.stop()
        app.editor.set_text(starter_program(app.settings.language))
        app.docs.new(app.editor.get_text())
        app.editor.name = ""
        app.helper.forget_hint()
        app.set_focus("editor")

    def act_open(self) -> None:
        self.app.docs.worker.submit("list_projects", tag=("list", 0))

    def act_examples(self) -> None:
        from kidcoder.ui.gallery import grid_items, load_examples

        app = self.app
        items = grid_items(load_examples(app.settings.language))
        app.dialog = ChoiceGrid(app.manager, app.size, app.fonts, tr("ui.gallery.title"), items,
                                name="examples")

    def open_example(self, filename: str) -> None:
        from kidcoder.ui.gallery import copy_example

        self.app.worker.submit("copy_example", copy_example, filename)

    def open_file(self, path) -> None:
        app = self.app
        if app.editor.modified:
            app.docs.save(app.editor.get_text(), app.editor.version)
        app.docs.open(path)

    def _show_projects(self, paths) -> None:
        app = self.app
        items = [(str(p), p.stem, tr("ui.open.file", name=p.name)) for p in list(paths)[:12]]
        app.dialog = ChoiceGrid(app.manager, app.size, app.fonts, tr("ui.open.title"), items,
                                empty_text=tr("ui.open.none"), name="open",
                                extra=[("browse", tr("ui.open.browse"))])

    def file_result(self, result) -> None:
        app = self.app
        purpose = result.tag[0] if isinstance(result.tag, tuple) else None
        if result.error is not None:
            from kidcoder.editor.files import describe_error

            app.helper.show(tr("ui.helper.problem_title"), describe_error(result.error))
            if purpose in ("run", "quit"):
                app.preview.state = "idle"
            self.quit_after_save = False
            return
        if result.action == "save":
            version = app.docs.saved_version(result.tag)
            app.docs.doc.path = result.value
            app.editor.name = Path(result.value).name
            if version == app.editor.version:
                app.editor.view.buffer.mark_saved()
            app.editor.note = tr("editor.saved", name=app.editor.name)
            if purpose == "run":
                self._start_game(result.value)
            if self.quit_after_save and app.docs.pending_saves == 0:
                app.running = False
        elif result.action == "open":
            document = result.value
            app.games.stop()
            app.docs.adopt(document)
            app.editor.set_text(document.text)
            app.editor.name = document.name
            app.editor.note = ""
            app.helper.forget_hint()
            app.preview.clear()
            app.console.clear()
            app.set_focus("editor")
            self.say(tr("ui.status.opened", name=document.name))
        elif result.action == "autosave":
            app.editor.note = tr("editor.autosaved")
        elif result.action == "list_projects":
            self._show_projects(result.value)
        elif result.action == "recoveries" and result.value:
            from kidcoder.editor.files import recovery_message

            self.pending_recovery = result.value[0]
            app.dialog = ConfirmDialog(app.manager, app.size, app.fonts, tr("ui.recover.title"),
                                       recovery_message(self.pending_recovery),
                                       [("yes", tr("editor.recover.yes")), ("no", tr("editor.recover.no"))],
                                       name="recover")

    def dialog_done(self, dialog) -> bool:
        """Act on a file dialog's answer; False when the dialog was not one of ours."""
        app = self.app
        choice = dialog.result
        if dialog.name == "examples":
            if choice != CANCEL:
                self.open_example(choice)
        elif dialog.name == "open":
            if choice == "browse":
                from kidcoder.ui.dialogs import FileDialog

                app.dialog = FileDialog(app.manager, app.size, tr("ui.open.browse_title"),
                                        str(app.docs.files.folder))
            elif choice != CANCEL:
                self.open_file(choice)
        elif dialog.name == "browse":
            if choice == "ok" and dialog.value:
                self.open_file(dialog.value)
        elif dialog.name == "quit":
            if choice == "save":
                self.quit_after_save = True
                self.act_save()
            elif choice == "discard":
                app.docs.discard_autosave()
                app.running = False
        elif dialog.name == "recover" and self.pending_recovery is not None:
            recovery, self.pending_recovery = self.pending_recovery, None
            if choice == "yes":
                document = app.docs.files.restore(recovery)
                app.docs.adopt(document)
                app.editor.view.buffer.set_text(document.text, saved=False)
                app.editor.view.top = 0
                app.editor.name = document.name
            elif choice == "no":
                app.docs.worker.submit("discard_recovery", recovery, tag=("discard", 0))
        else:
            return False
        return True

    def act_quit(self) -> None:
        app = self.app
        if app.dialog is not None:
            return
        if not app.editor.view.buffer.modified:
            app.running = False
            return
        app.dialog = ConfirmDialog(app.manager, app.size, app.fonts, tr("ui.quit.title"), tr("ui.quit.message"),
                                   [("save", tr("ui.quit.save")), ("discard", tr("ui.quit.discard")),
                                    (CANCEL, tr("ui.dialog.cancel"))], name="quit")
