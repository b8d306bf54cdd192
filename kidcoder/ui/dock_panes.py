"""The dock's two panes kept in step with its tabs: the helper's and the console's (see dock.py for the rules).

Once a frame `follow()` tells the tab rules what the panes hold; when they say so, the
helper pane gets its tab buttons and the console pane shows or hides. A tab the child
clicks is `choose()`. The keyboard leaves the console's line when its tab goes.
"""
from __future__ import annotations

from kidcoder.ui.dock import CONSOLE, HELPER, DockTabs


class DockPanes:
    """The helper and console panes, the tab rules, and the keyboard (to move it with the tabs)."""

    def __init__(self, helper, console, editor, keyboard):
        self.helper, self.console, self.editor, self.keyboard = helper, console, editor, keyboard
        self.tabs = DockTabs()

    def follow(self) -> None:
        helper, console = self.helper, self.console
        pinned = helper.busy or helper.hint is not None or self.editor.view.error_line is not None
        if self.tabs.follow(helper.version, len(console.lines), console.waiting, pinned):
            self.apply()

    def choose(self, tab: str) -> None:
        """The child picked a tab: it shows, and the keyboard goes with it."""
        self.tabs.choose(tab)
        self.apply()
        keyboard = self.keyboard
        if tab == CONSOLE and self.console.waiting:
            keyboard.set("console")
        elif keyboard.target == "console" or (tab == CONSOLE and keyboard.target in ("question", "ask")):
            keyboard.set("tab:" + tab)

    def apply(self) -> None:
        tabs = self.tabs
        self.console.set_shown(tabs.shown == CONSOLE)
        self.helper.set_tabs(tabs.shown == HELPER, tabs.console_tab, tabs.news, self.console.waiting)
        if tabs.shown != CONSOLE and self.keyboard.target == "console":
            self.keyboard.set("editor")

    def focus_targets(self):
        """The tab buttons that are there, as focus targets."""
        return [f"tab:{tab}" for tab in (HELPER, CONSOLE) if self.helper.tabs[tab].visible]
