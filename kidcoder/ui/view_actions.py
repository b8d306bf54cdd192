"""View actions of the window: find and go to line, text size, language and contrast.

They change how the program and the window look, never the program itself;
the settings they change are saved in the background.
"""
from __future__ import annotations

from kidcoder.i18n import set_language, tr


class ViewActions:
    """Find, Go to line, zoom, language and contrast; `app` is the App."""

    def __init__(self, app):
        self.app = app
        self.last_find = ""

    def say(self, text: str) -> None:
        self.app.status = text

    def dialog_done(self, dialog) -> bool:
        if dialog.name == "find":
            if dialog.result == "ok":
                self.find(dialog.value)
        elif dialog.name == "goto":
            if dialog.result == "ok":
                self.goto(dialog.value)
        else:
            return False
        return True

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
        app.manager.set_locale(app.settings.language)     # pygame-gui's own words (the file picker)
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
        app.presenter.forget()
        self._save_settings()

    def _save_settings(self) -> None:
        from kidcoder.config import save_settings

        self.app.worker.submit("settings", save_settings, self.app.settings)
