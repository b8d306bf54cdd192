"""Keyboard shortcuts of the window: which key (with which modifiers) means which action.

The same action names are used by toolbar buttons, so every button has a key.
"""
from __future__ import annotations

from typing import Optional

import pygame

# (key, needs ctrl, needs shift) -> action
SHORTCUTS = {
    (pygame.K_F5, False, False): "run",
    (pygame.K_F6, False, False): "stop",
    (pygame.K_F7, False, False): "pause",
    (pygame.K_F8, False, False): "step",
    (pygame.K_F1, False, False): "help",
    (pygame.K_F2, False, False): "ask",
    (pygame.K_F3, False, False): "examples",
    (pygame.K_F4, False, False): "make_game",
    (pygame.K_F9, False, False): "contrast",
    (pygame.K_F10, False, False): "language",
    (pygame.K_s, True, False): "save",
    (pygame.K_o, True, False): "open",
    (pygame.K_n, True, False): "new",
    (pygame.K_q, True, False): "quit",
    (pygame.K_e, True, False): "examples",
    (pygame.K_f, True, False): "find",
    (pygame.K_g, True, False): "goto",
    (pygame.K_r, True, False): "run",
    (pygame.K_EQUALS, True, False): "zoom_in",
    (pygame.K_PLUS, True, False): "zoom_in",
    (pygame.K_KP_PLUS, True, False): "zoom_in",
    (pygame.K_EQUALS, True, True): "zoom_in",         # Ctrl + on keyboards where + needs Shift
    (pygame.K_PLUS, True, True): "zoom_in",
    (pygame.K_MINUS, True, False): "zoom_out",
    (pygame.K_KP_MINUS, True, False): "zoom_out",
    (pygame.K_TAB, True, False): "next_pane",
    (pygame.K_TAB, True, True): "previous_pane",
}

# Keys the window keeps even while the game has the keyboard.
GAME_KEEPS = {"run", "stop", "pause", "step", "help", "quit", "next_pane", "previous_pane"}


def action_for_key(key: int, mod: int) -> Optional[str]:
    """The window action for a key press, or None (the key is for the focused pane)."""
    ctrl = bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META)) and not (mod & pygame.KMOD_RALT)
    shift = bool(mod & pygame.KMOD_SHIFT)
    return SHORTCUTS.get((key, ctrl, shift)) or (SHORTCUTS.get((key, ctrl, False)) if not ctrl else None)


def shortcut_for_game(key: int, mod: int) -> Optional[str]:
    """While the game has the keyboard only F5-F8, F1, Ctrl+Q and Ctrl+Tab stay with the window."""
    action = action_for_key(key, mod)
    return action if action in GAME_KEEPS else None
