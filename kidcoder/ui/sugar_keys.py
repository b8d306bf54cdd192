"""Keys as the child can press them: inside Sugar the shell keeps F1-F6, so the window names its Ctrl keys.

Sugar's shell (jarabe/view/keyhandler.py) takes F1-F4 (its views), F5 (the Journal
search) and F6 (the frame) before any activity sees them. Every command the window
gives one of those keys also has a Ctrl key (actions.COMMANDS); inside Sugar every
text names that one instead ("Press Ctrl+R to play" rather than "Press F5").
"""
from __future__ import annotations

from typing import Dict, Iterable

import pygame

from kidcoder.ui.actions import COMMANDS, Command, Key

SHELL_KEYS = (pygame.K_F1, pygame.K_F2, pygame.K_F3, pygame.K_F4, pygame.K_F5, pygame.K_F6)


def key_words(key: Key) -> str:
    """How a key is written for people: "F5", "Ctrl+R", "Ctrl+Shift+O", "Ctrl+."."""
    code, ctrl, shift = key
    name = pygame.key.name(code)
    name = name.upper() if len(name) == 1 else name.title()
    return "+".join((["Ctrl"] if ctrl else []) + (["Shift"] if shift else []) + [name])


def shell_key_names(commands: Iterable[Command] = COMMANDS) -> Dict[str, str]:
    """{"F5": "Ctrl+R", ...}: for each key Sugar's shell takes, the Ctrl key of the same command."""
    names: Dict[str, str] = {}
    for command in commands:
        other = next((key for key in command.keys if key[1]), None)
        for key in command.keys:
            if key[0] in SHELL_KEYS and not key[1] and other is not None:
                names[key_words(key)] = key_words(other)
    return names
