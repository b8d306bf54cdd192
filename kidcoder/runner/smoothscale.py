"""pygame-ce's smoothscale on armv7l (XO-4, XO-1.75): its NEON code crashes under qemu, so use the plain C one.

Called once by each process that scales pictures (the window, the game's child process) after
importing pygame. Elsewhere it does nothing: x86's SSE/MMX backends are fine and faster.
"""
from __future__ import annotations

import platform


def use_safe_smoothscale(pygame) -> bool:
    """On armv7l pick the GENERIC smoothscale backend; True when it did."""
    if not platform.machine().startswith("armv7"):
        return False
    try:
        pygame.transform.set_smoothscale_backend("GENERIC")
    except (AttributeError, ValueError, pygame.error):
        return False
    return True
