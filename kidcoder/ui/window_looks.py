"""The window's words, colours and text size change (language, contrast, A+ / A-): every pane follows.

ViewActions changes the settings; these say it to the panes, pygame-gui's theme and the editor,
then have the window lay itself out again (or draw all of itself again).
"""
from __future__ import annotations

from typing import Callable

from kidcoder.editor.theme import load_theme
from kidcoder.i18n import retranslate, set_language
from kidcoder.ui import style


class WindowLooks:
    """relabel(), rescale() and restyle(), for ViewActions; relayout() lays the window out again at its size,
    forget() has it drawn whole next frame."""

    def __init__(self, settings, manager, fonts, colours, panes, assist, relayout: Callable[[], None],
                 forget: Callable[[], None]):
        self.settings, self.manager, self.fonts, self.colours, self.panes = settings, manager, fonts, colours, panes
        self.assist, self.relayout, self.forget = assist, relayout, forget

    def relabel(self) -> None:
        """The settings' language changed: every pane gets its words in it, the status line and the
        editor's marker are said again, and a hint or an answer on screen is asked for again."""
        set_language(self.settings.language)
        self.manager.set_locale(self.settings.language)     # pygame-gui's own words (the file picker)
        for pane in self.panes.values():
            pane.relabel()
        toolbar, editor = self.panes["toolbar"], self.panes["editor"]
        toolbar.message = retranslate(toolbar.message)
        editor.view.error_message = retranslate(editor.view.error_message)
        self.relayout()
        self.assist.ask_again(self.panes["helper"].page)

    def rescale(self) -> None:
        """The text size changed (A+ / A-): every pane's text, the dialogs' and the toolbar's follow."""
        scale = style.zoom_scale(self.settings.font_size)
        if scale == self.fonts.scale:
            return
        self.fonts.set_scale(scale)
        style.add_mono_font(self.manager, self.fonts.mono_px)
        self.manager.get_theme().load_theme(style.scaled_theme(self.settings.theme, scale))
        self.manager.rebuild_all_from_changed_theme_data()
        self.relayout()
        for pane in self.panes.values():
            pane.relabel()

    def restyle(self) -> None:
        """The settings' theme changed (normal or high contrast): every pane gets its colours."""
        theme = self.settings.theme
        self.colours.clear()
        self.colours.update(style.colours(theme))          # the panes' PaneKit holds this same dict
        self.manager.get_theme().load_theme(style.scaled_theme(theme, self.fonts.scale))
        self.manager.rebuild_all_from_changed_theme_data()
        self.panes["editor"].view.set_theme(load_theme(theme))
        self.forget()
