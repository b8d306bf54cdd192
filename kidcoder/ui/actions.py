"""What the window's actions do: run, stop, pause, the helper's actions, and routing to the others.

Buttons, shortcuts and the demo script all call `Actions.do(name)`; file actions
live in file_actions.py and view actions (find, zoom, language, contrast) in
view_actions.py. Anything slow is queued (files on the FileWorker, games stopped
on the worker); results come back through `drain()` once per frame.
"""
from __future__ import annotations

from pathlib import Path

from kidcoder.i18n import tr
from kidcoder.ui.file_actions import starter_program


class Actions:
    """The window's verbs; `app` is the App (panes, docs, games, worker)."""

    def __init__(self, app):
        from kidcoder.ui.file_actions import FileActions
        from kidcoder.ui.view_actions import ViewActions

        self.app = app
        self.files = FileActions(app, self._start_game)
        self.view = ViewActions(app)

    # ---- start-up ---------------------------------------------------------------------------
    def start_up(self) -> None:
        app = self.app
        app.editor.set_text(starter_program(app.settings.language))
        app.docs.new(app.editor.get_text())
        app.docs.ask_recoveries()
        app.assist.start_index()

    def do(self, name: str) -> None:
        """Do the action called name (a toolbar button, a shortcut, a demo step)."""
        for owner in (self, self.files, self.view):
            handler = getattr(owner, "act_" + name, None)
            if handler is not None:
                handler()
                return

    def open_example(self, filename: str) -> None:
        self.files.open_example(filename)

    def open_file(self, path) -> None:
        self.files.open_file(path)

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

    def drain(self) -> None:
        """Results of file work and example copies."""
        app = self.app
        for result in app.docs.poll():
            self.files.file_result(result)
        for result in app.worker.poll():
            if result.kind == "copy_example":
                if result.ok:
                    self.open_file(result.value)
                else:
                    app.helper.show(tr("ui.helper.problem_title"), tr("ui.gallery.failed"))
            else:
                app.assist.result(result)
        app.assist.stream.drain()

    # ---- dialogs ----------------------------------------------------------------------------
    def dialog_done(self, dialog) -> None:
        app = self.app
        if not (self.files.dialog_done(dialog) or self.view.dialog_done(dialog)):
            if dialog.name == "make_game" and dialog.result == "ok":
                app.assist.make_game(dialog.value)
        if app.dialog is None:          # (a dialog may lead to another one, like Open -> Another folder)
            app.set_focus("editor" if app.focus not in ("question", "console") else app.focus)

    # ---- the helper -------------------------------------------------------------------------
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

