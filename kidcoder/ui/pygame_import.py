"""pygame for the window's process, without the parts its first picture does not need.

`import pygame` loads pygame.mixer, and with it SDL_mixer and a dozen sound libraries (FLAC, MP3, Ogg,
Opus, MIDI, ...): about 10 ms of processor time here, ~80 ms on an XO, before the window's first picture.
The window plays a sound only when a child listens to one in the sound picker. pygame._debug (its
print_debug_info, with the traceback module) and pygame.typing (type hints) are for developers; together
another ~5 ms here. So the window imports pygame with these modules held back (pygame's own way for a
missing module: pygame.mixer is then a stand-in that is false), and mixer() loads the sound the first time a
sound plays; `import pygame.typing` still works. A game runs in its own process, with all of pygame.
"""
from __future__ import annotations

import importlib
import sys

SOUND = ("pygame.mixer_music", "pygame.mixer")
HELD = SOUND + ("pygame._debug", "pygame.typing")


def import_pygame():
    """pygame without the HELD modules; as it is when it is imported already."""
    if "pygame" in sys.modules:
        return sys.modules["pygame"]
    held = [name for name in HELD if name not in sys.modules]
    for name in held:
        sys.modules[name] = None        # importing it fails at once: pygame puts its stand-in in its place
    try:
        import pygame
    finally:
        for name in held:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return pygame


def sound_loaded() -> bool:
    """Whether pygame.mixer is the real module (it is unless import_pygame() held it back)."""
    pygame = sys.modules.get("pygame")
    return pygame is not None and not getattr(pygame.mixer, "_NOT_IMPLEMENTED_", False)


def mixer():
    """pygame.mixer, loaded now if it was held back (importing it puts it in pygame.mixer)."""
    import pygame

    if not sound_loaded():
        for name in SOUND:
            importlib.import_module(name)
    return pygame.mixer
