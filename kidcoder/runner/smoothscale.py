"""pygame-ce's smoothscale on armv7l (XO-4, XO-1.75): its NEON code crashes under qemu, so use the plain C one.

Called once by each process that scales pictures (the window, the game's child process) after
importing pygame. Elsewhere it does nothing: x86's SSE/MMX backends are fine and faster.
"""
from __future__ import annotations

import platform
import warnings


def use_safe_smoothscale(pygame) -> bool:
    """On armv7l pick the GENERIC smoothscale backend; True when it did."""
    if not platform.machine().startswith("armv7"):
        return False
    try:
        pygame.transform.set_smoothscale_backend("GENERIC")
    except (AttributeError, ValueError, pygame.error):
        return False
    return True


def quiet_simd_warning() -> None:
    """pygame-ce built without its NEON code (tools/armhf NO_NEON=1) warns at import on a NEON processor;
    a child cannot act on it, so it never reaches the game's console. Call before pygame is imported."""
    warnings.filterwarnings("ignore", message="Your system is neon capable", category=RuntimeWarning)
