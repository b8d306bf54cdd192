"""The window's commands in one table: each name with its keys and its button, and what it does.

COMMANDS is plain data (the keyboard shortcuts in keys.py and the buttons in
toolbar.py are read from it). The App binds every name to a callable once, in
an Actions object; a button, a shortcut, Enter on a focused button and a demo
script all call `Actions.do(name)`. Adding a command is a row here and a line
where the App binds it (Actions refuses a table and bindings that disagree).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Tuple

import pygame

Key = Tuple[int, bool, bool]          # (pygame key, needs Ctrl, needs Shift)


def plain(key: int) -> Key:
    return (key, False, False)


def ctrl(key: int, shift: bool = False) -> Key:
    return (key, True, shift)


@dataclass(frozen=True)
class Command:
    name: str
    keys: Tuple[Key, ...] = ()
    label: str = ""          # i18n key of its button's words; the tool tip (naming the key) is label + "_tip"
    bar: str = ""            # "main": a toolbar button; "view": a small button in the status bar; "": none
    style: str = ""          # its button's pygame-gui object id ("" for the bar's usual look)
    in_game: bool = False    # its key still works while the game has the keyboard


COMMANDS: Tuple[Command, ...] = (
    # the toolbar, left to right
    Command("new", (ctrl(pygame.K_n),), "ui.toolbar.new", "main"),
    Command("open", (ctrl(pygame.K_o),), "ui.toolbar.open", "main"),
    Command("save", (ctrl(pygame.K_s),), "ui.toolbar.save", "main"),
    Command("examples", (plain(pygame.K_F3), ctrl(pygame.K_e)), "ui.toolbar.examples", "main"),
    Command("make_game", (plain(pygame.K_F4), ctrl(pygame.K_j)), "ui.toolbar.make_game", "main"),
    Command("run", (plain(pygame.K_F5), ctrl(pygame.K_r)), "ui.toolbar.run", "main", "#run_button", True),
    Command("stop", (plain(pygame.K_F6), ctrl(pygame.K_PERIOD)), "ui.toolbar.stop", "main", "#stop_button", True),
    Command("help", (plain(pygame.K_F1), ctrl(pygame.K_h)), "ui.toolbar.help", "main", in_game=True),
    Command("ask", (plain(pygame.K_F2), ctrl(pygame.K_k)), "ui.toolbar.ask", "main"),
    # the status bar's small buttons, left to right
    Command("more", (ctrl(pygame.K_m),), "library.more", "view"),      # its menu: the four at the end (more_actions.py)
    Command("zoom_out", (ctrl(pygame.K_MINUS), ctrl(pygame.K_KP_MINUS)), "ui.toolbar.zoom_out", "view"),
    Command("zoom_in", (ctrl(pygame.K_EQUALS), ctrl(pygame.K_PLUS), ctrl(pygame.K_KP_PLUS),
                        ctrl(pygame.K_EQUALS, True), ctrl(pygame.K_PLUS, True)),    # Ctrl + where + needs Shift
            "ui.toolbar.zoom_in", "view"),
    Command("contrast", (plain(pygame.K_F9),), "ui.toolbar.contrast", "view"),
    Command("language", (plain(pygame.K_F10),), "ui.toolbar.language", "view"),
    # keys and pane buttons only
    Command("pause", (plain(pygame.K_F7),), in_game=True),              # also the preview's Pause button
    Command("step", (plain(pygame.K_F8),), in_game=True),               # and its Step button
    Command("quit", (ctrl(pygame.K_q),), in_game=True),
    Command("zoom_reset", (ctrl(pygame.K_0), ctrl(pygame.K_KP0))),
    Command("find", (ctrl(pygame.K_f),)),
    Command("goto", (ctrl(pygame.K_g),)),
    Command("next_pane", (ctrl(pygame.K_TAB),), in_game=True),
    Command("previous_pane", (ctrl(pygame.K_TAB, True),), in_game=True),
    Command("send_question"),        # the helper's Ask button, or Enter in its question line
    Command("apply_fix"),            # the helper's Fix it button
    Command("send_input"),           # Enter in the console's input() line
    Command("save_as", (ctrl(pygame.K_s, True),)),     # Save a copy under a new name
    Command("rename"),               # rename the open program (F2 and a button in My programs rename theirs)
    Command("whole_message", (plain(pygame.K_F12),), in_game=True),    # the console: the whole error text
    # in the More menu (more_actions.py): pictures and sounds (issue 15), Pippy and sharing (issue 20)
    Command("pictures", (ctrl(pygame.K_p),), "library.pictures"),
    Command("sounds", (ctrl(pygame.K_u),), "library.sounds"),
    Command("open_pippy", (ctrl(pygame.K_o, True),), "sugar.pippy.menu"),
    Command("share", (ctrl(pygame.K_e, True),), "sugar.share.menu"),
    Command("show_helper"),          # the dock's tabs: the helper ...
    Command("show_console"),         # ... and the console
    Command("put_example"),          # links in the helper's text: put the example in my program,
    Command("copy_example"),         # copy it,
    Command("tell_more"),            # the rest of a long answer,
    Command("read_source"),          # the card an answer came from
    Command("change_game"),          # Enter in the "Change my game" line, or its Change button (ui/change_box.py)
)


class Actions:
    """Every command of COMMANDS bound to what it does; plus the two verbs that take a value
    (open a program, open an example: `python main.py FILE` and demo scripts use them)."""

    def __init__(self, handlers: Mapping[str, Callable[[], None]], open_file: Callable, open_example: Callable):
        names = {command.name for command in COMMANDS}
        if set(handlers) != names:
            raise ValueError(f"commands without a handler: {sorted(names - set(handlers))}; "
                             f"handlers without a command: {sorted(set(handlers) - names)}")
        self._handlers = dict(handlers)
        self.open_file = open_file
        self.open_example = open_example

    def do(self, name: str) -> None:
        """Do the command called name (unknown names do nothing)."""
        handler = self._handlers.get(name)
        if handler is not None:
            handler()
