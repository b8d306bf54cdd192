"""View commands of the window: find and go to line, text size (every pane's), language and contrast.

They change how the program and the window look, never the program itself;
the settings they change are saved in the background.
"""
from __future__ import annotations

from typing import Callable

from kidcoder.config import Settings, save_settings
from kidcoder.i18n import tr
from kidcoder.ui.shell import Shell


class ViewActions:
    """Find, Go to line, zoom, language and contrast. relabel(), restyle() and rescale() are the
    window's: every pane gets its new words, its new colours, or its new text size."""

    def __init__(self, shell: Shell, settings: Settings, worker, editor, relabel: Callable[[], None],
                 restyle: Callable[[], None], rescale: Callable[[], None] = lambda: None):
        self.shell, self.settings, self.worker, self.editor = shell, settings, worker, editor
        self._relabel, self._restyle, self._rescale = relabel, restyle, rescale
        self.last_find = ""

    def find(self) -> None:
        """Ctrl+F: find text in the program (Enter again finds the next one)."""
        self.shell.dialogs.prompt(tr("ui.find.title"), tr("editor.find.prompt"), "", tr("ui.find.ok"), "find",
                                  self._find_answered, text=self.last_find)

    def goto(self) -> None:
        """Ctrl+G: go to a line number (the helper talks about line numbers)."""
        hint = tr("ui.goto.placeholder", last=len(self.editor.view.buffer.lines))
        self.shell.dialogs.prompt(tr("ui.goto.title"), tr("editor.goto.prompt") + "\n" + hint, hint,
                                  tr("ui.goto.ok"), "goto", self._goto_answered)

    def _find_answered(self, dialog) -> None:
        if dialog.result == "ok":
            self.find_text(dialog.value)

    def _goto_answered(self, dialog) -> None:
        if dialog.result == "ok":
            self.goto_line(dialog.value)

    def find_text(self, text: str) -> None:
        view = self.editor.view
        self.last_find = text
        if view.buffer.find_next(text):
            view.ensure_cursor_visible(center=True)
            self.shell.say("")
        else:
            self.shell.say(tr("editor.find.none", text=text))

    def goto_line(self, text: str) -> None:
        view = self.editor.view
        last = len(view.buffer.lines)
        try:
            number = int(text.strip())
        except ValueError:
            number = 0
        if 1 <= number <= last:
            view.goto_line(number)
            self.shell.say("")
        else:
            self.shell.say(tr("editor.goto.bad_number", last=last))

    def zoom_in(self) -> None:
        self.editor.view.zoom_in()
        self._remember_font()

    def zoom_out(self) -> None:
        self.editor.view.zoom_out()
        self._remember_font()

    def zoom_reset(self) -> None:
        self.editor.view.zoom_reset()
        self._remember_font()

    def _remember_font(self) -> None:
        self.settings.font_size = self.editor.view.font_size
        self._rescale()                 # every pane's text follows the editor's
        self.shell.say(tr("editor.zoom", size=self.editor.view.font_size))
        self._save_settings()

    def language(self) -> None:
        self.settings.language = "es" if self.settings.language == "en" else "en"
        self._relabel()
        self._save_settings()
        self.shell.say(tr("ui.status.language"))

    def contrast(self) -> None:
        self.settings.theme = "high_contrast" if self.settings.theme == "default" else "default"
        self._restyle()
        self._save_settings()

    def _save_settings(self) -> None:
        self.worker.submit("settings", save_settings, self.settings)
