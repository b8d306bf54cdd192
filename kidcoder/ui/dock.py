"""The dock under the game: the helper and the console are two tabs of it (pure, no pygame).

The console tab is there only while the game has printed something or waits for an
answer. Whatever is newest shows: a new hint or answer shows the helper; the first
lines a game prints, or an input() question, show the console (a question wins: the
child has to type there). The other tab gets a dot when it has news. A child's click
on a tab always wins until something new arrives.
"""
from __future__ import annotations

from dataclasses import dataclass

HELPER, CONSOLE = "helper", "console"


@dataclass
class DockTabs:
    shown: str = HELPER
    console_tab: bool = False      # the console tab is there
    news: bool = False             # the tab that is not shown has something new
    _helper_version: int = 0
    _console_lines: int = 0
    _waiting: bool = False

    def follow(self, helper_version: int, console_lines: int, waiting: bool, pinned: bool = False) -> bool:
        """Once per frame with what the panes hold; True when the dock must change what it shows.

        pinned: the helper is on a problem (a hint, or looking for one): the game's printing
        does not hide it, the console tab only gets a dot.
        """
        before = (self.shown, self.console_tab, self.news)
        new_helper = helper_version != self._helper_version
        new_lines = console_lines > self._console_lines
        first_lines = new_lines and self._console_lines == 0
        asked = waiting and not self._waiting
        self._helper_version, self._console_lines, self._waiting = helper_version, console_lines, waiting
        self.console_tab = console_lines > 0 or waiting
        if not self.console_tab:
            self.shown, self.news = HELPER, False
        elif asked:
            self._show(CONSOLE, new_helper)
        elif new_helper and not waiting:
            self._show(HELPER, new_lines)
        elif new_helper:
            self.news = True
        elif new_lines and self.shown == HELPER:
            if first_lines and not pinned:
                self._show(CONSOLE, False)      # the game's first words
            else:
                self.news = True
        return (self.shown, self.console_tab, self.news) != before

    def choose(self, tab: str) -> None:
        """The child clicked a tab (or pressed Enter on it)."""
        if tab == CONSOLE and not self.console_tab:
            return
        if tab != self.shown:
            self.shown, self.news = tab, False

    def _show(self, tab: str, other_news: bool) -> None:
        """Show tab; the other one has news if other_news (or, when tab was shown already, if it had)."""
        self.news = other_news or (self.news and tab == self.shown)
        self.shown = tab
