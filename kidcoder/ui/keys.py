"""Keyboard shortcuts of the window: which key (with which modifiers) means which command.

The keys come from the command table (actions.COMMANDS), so every toolbar button has a key.
"""
from __future__ import annotations

from typing import Dict, Optional

import pygame

from kidcoder.ui.actions import COMMANDS, Key

SHORTCUTS: Dict[Key, str] = {key: command.name for command in COMMANDS for key in command.keys}

# Commands whose keys the window keeps even while the game has the keyboard.
GAME_KEEPS = {command.name for command in COMMANDS if command.in_game}


def action_for_key(key: int, mod: int) -> Optional[str]:
    """The window action for a key press, or None (the key is for the focused pane)."""
    ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META)) and not (mod & pygame.KMOD_RALT)
    shift = bool(mod & pygame.KMOD_SHIFT)
    return SHORTCUTS.get((key, ctrl, shift)) or (SHORTCUTS.get((key, ctrl, False)) if not ctrl else None)


def shortcut_for_game(key: int, mod: int) -> Optional[str]:
    """While the game has the keyboard only F5-F8, F1, Ctrl+Q and Ctrl+Tab stay with the window."""
    action = action_for_key(key, mod)
    return action if action in GAME_KEEPS else None
