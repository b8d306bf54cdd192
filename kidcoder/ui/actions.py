"""What the window's actions do: run, stop, save, open, examples, new, quit, language, contrast, zoom.

Buttons, shortcuts and the demo script all call `Actions.do(name)`. Anything slow
is queued (files on the FileWorker, games stopped on the worker); results come
back through `drain()` once per frame.
"""
from __future__ import annotations

from pathlib import Path

from kidcoder.i18n import set_language, tr
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


class Actions:
    """The window's verbs; `app` is the App (panes, docs, games, worker)."""

    def __init__(self, app):
        self.app = app
        self.quit_after_save = False
        self.pending_recovery = None
        self.last_find = ""

    # ---- start-up ---------------------------------------------------------------------------
    def start_up(self) -> None:
        app = self.app
        app.editor.set_text(starter_program(app.settings.language))
        app.docs.new(app.editor.get_text())
        app.docs.ask_recoveries()
        app.assist.start_index()

    def do(self, name: str) -> None:
        handler = getattr(self, "act_" + name, None)
        if handler is not None:
            handler()

    def say(self, text: str) -> None:
        """A short line in the status bar."""
        self.app.status = text

    # ---- running the game -------------------------------------------------------------------
    def act_run(self) -> None:
        app = self.app
        app.editor.view.clear_error_marker()
        app.helper.forget_hint()
        app.assist.game_starting()
        app.console.clear()
        app.preview.clear()
        app.preview.state = "running"
        app.docs.save(app.editor.get_text(), app.editor.version, purpose="run")
        self.say(tr("ui.status.starting"))

    def _start_game(self, path: Path) -> None:
        app = self.app
        try:
            app.games.start(path)
        except (OSError, ValueError) as exc:
            app.helper.show(tr("ui.helper.problem_title"), tr("ui.run.failed", reason=str(exc)))
            return
        app._console_seen = (0, "")
        app.set_focus("preview")
        self.say(tr("ui.status.running", name=Path(path).name))

    def act_stop(self) -> None:
        app = self.app
        if app.games.stop():
            app.preview.message = tr("ui.preview.stopped")
            app.set_focus("editor")
            self.say(tr("ui.status.stopped"))

    def act_pause(self) -> None:
        self.app.games.toggle_pause()

    def act_step(self) -> None:
        self.app.games.step()

    def game_message(self, message) -> None:
        """One message from the running game (see kidcoder.runner.protocol and host)."""
        app = self.app
        kind = type(message).__name__
        if kind == "GameError":
            app.assist.game_error(message)
        elif kind == "NoFrame":
            app.preview.message = tr("ui.preview.no_frame")
            app.helper.show(tr("ui.helper.no_frame_title"), tr("ui.helper.no_frame"))
        elif kind == "Caption":
            app.preview.caption = message.text
        elif kind == "ProcessEnded":
            if message.status in ("ok",):
                app.preview.message = tr("ui.preview.ended")
            elif message.status == "killed" and app.games.game is not None and app.games.game.finished is not None \
                    and app.games.game.finished.reason == "memory":
                app.preview.message = tr("ui.preview.memory")
            elif message.status == "error":
                app.preview.message = tr("ui.preview.crashed")
            else:
                app.preview.message = tr("ui.preview.ended")
            if app.focus == "preview":
                app.set_focus("editor")
            self.say(tr("ui.status.ended"))

    # ---- files ------------------------------------------------------------------------------
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
                                empty_text=tr("ui.open.none"), name="open")

    def drain(self) -> None:
        """Results of file work and example copies."""
        app = self.app
        for result in app.docs.poll():
            self._file_result(result)
        for result in app.worker.poll():
            if result.kind == "copy_example":
                if result.ok:
                    self.open_file(result.value)
                else:
                    app.helper.show(tr("ui.helper.problem_title"), tr("ui.gallery.failed"))
            else:
                app.assist.result(result)
        app.assist.stream.drain()

    def _file_result(self, result) -> None:
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
        elif result.action == "list_projects":
            self._show_projects(result.value)
        elif result.action == "recoveries" and result.value:
            from kidcoder.editor.files import recovery_message

            self.pending_recovery = result.value[0]
            app.dialog = ConfirmDialog(app.manager, app.size, app.fonts, tr("ui.recover.title"),
                                       recovery_message(self.pending_recovery),
                                       [("yes", tr("editor.recover.yes")), ("no", tr("editor.recover.no"))],
                                       name="recover")

    # ---- dialogs ----------------------------------------------------------------------------
    def dialog_done(self, dialog) -> None:
        app = self.app
        choice = dialog.result
        if dialog.name == "examples" and choice != CANCEL:
            self.open_example(choice)
        elif dialog.name == "open" and choice != CANCEL:
            self.open_file(choice)
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
        elif dialog.name == "make_game" and choice == "ok":
            app.assist.make_game(dialog.value)
        elif dialog.name == "find" and choice == "ok":
            self.find(dialog.value)
        elif dialog.name == "goto" and choice == "ok":
            self.goto(dialog.value)
        app.set_focus("editor" if app.focus not in ("question", "console") else app.focus)

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

    # ---- helper and settings ----------------------------------------------------------------
    def act_help(self) -> None:
        self.app.assist.more_help()

    def act_apply_fix(self) -> None:
        self.app.assist.apply_fix()

    def act_ask(self) -> None:
        self.app.set_focus("question")

    def act_send_question(self) -> None:
        self.app.assist.ask(self.app.helper.question.get_text())

    def act_send_input(self) -> None:
        app = self.app
        app.games.send_input(app.console.take_answer())

    def act_make_game(self) -> None:
        from kidcoder.ui.dialogs import PromptDialog

        app = self.app
        app.dialog = PromptDialog(app.manager, app.size, app.fonts, tr("ui.make.title"),
                                  tr("ui.make.message") + "\n" + tr("ui.make.placeholder"),
                                  tr("ui.make.placeholder"), tr("ui.make.ok"), name="make_game")

    def act_find(self) -> None:
        """Ctrl+F: find text in the program (Enter again finds the next one)."""
        from kidcoder.ui.dialogs import PromptDialog

        app = self.app
        app.dialog = PromptDialog(app.manager, app.size, app.fonts, tr("ui.find.title"), tr("editor.find.prompt"),
                                  "", tr("ui.find.ok"), name="find", text=self.last_find)

    def act_goto(self) -> None:
        """Ctrl+G: go to a line number (the helper talks about line numbers)."""
        from kidcoder.ui.dialogs import PromptDialog

        app = self.app
        last = len(app.editor.view.buffer.lines)
        hint = tr("ui.goto.placeholder", last=last)
        app.dialog = PromptDialog(app.manager, app.size, app.fonts, tr("ui.goto.title"),
                                  tr("editor.goto.prompt") + "\n" + hint, hint, tr("ui.goto.ok"), name="goto")

    def find(self, text: str) -> None:
        view = self.app.editor.view
        self.last_find = text
        if view.buffer.find_next(text):
            view.ensure_cursor_visible(center=True)
            self.say("")
        else:
            self.say(tr("editor.find.none", text=text))

    def goto(self, text: str) -> None:
        view = self.app.editor.view
        last = len(view.buffer.lines)
        try:
            number = int(text.strip())
        except ValueError:
            number = 0
        if 1 <= number <= last:
            view.goto_line(number)
            self.say("")
        else:
            self.say(tr("editor.goto.bad_number", last=last))

    def act_zoom_in(self) -> None:
        self.app.editor.view.zoom_in()
        self._remember_font()

    def act_zoom_out(self) -> None:
        self.app.editor.view.zoom_out()
        self._remember_font()

    def _remember_font(self) -> None:
        app = self.app
        app.settings.font_size = app.editor.view.font_size
        self.say(tr("editor.zoom", size=app.editor.view.font_size))
        self._save_settings()

    def act_language(self) -> None:
        app = self.app
        old = app.settings.language
        app.settings.language = "es" if old == "en" else "en"
        set_language(app.settings.language)
        app.relabel()
        if app.helper.heading == tr("ui.helper.welcome_title", old):     # nothing said yet: greet again
            app.helper.show(tr("ui.helper.welcome_title"), tr("ui.helper.welcome"))
        self._save_settings()
        self.say(tr("ui.status.language"))

    def act_contrast(self) -> None:
        from kidcoder.editor.theme import load_theme
        from kidcoder.ui import style

        app = self.app
        app.theme = app.settings.theme = "high_contrast" if app.theme == "default" else "default"
        app.colours.clear()
        app.colours.update(style.colours(app.theme))
        app.manager.get_theme().load_theme(str(style.theme_path(app.theme)))
        app.manager.rebuild_all_from_changed_theme_data()
        app.editor.view.set_theme(load_theme(app.theme))
        self._save_settings()

    def _save_settings(self) -> None:
        from kidcoder.config import save_settings

        self.app.worker.submit("settings", save_settings, self.app.settings)
