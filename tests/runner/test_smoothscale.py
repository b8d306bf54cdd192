"""On armv7 the window and the game scale pictures with pygame-ce's GENERIC smoothscale (its NEON one crashes
under qemu, docs/xo.md); elsewhere the fast backend stays."""
import platform

import pygame

from kidcoder.runner.smoothscale import use_safe_smoothscale


def test_armv7_gets_the_generic_smoothscale_and_other_machines_keep_theirs(monkeypatch):
    before = pygame.transform.get_smoothscale_backend()
    try:
        monkeypatch.setattr(platform, "machine", lambda: "x86_64")
        assert use_safe_smoothscale(pygame) is False
        assert pygame.transform.get_smoothscale_backend() == before
        monkeypatch.setattr(platform, "machine", lambda: "armv7l")
        assert use_safe_smoothscale(pygame) is True
        assert pygame.transform.get_smoothscale_backend() == "GENERIC"
        small = pygame.transform.smoothscale(pygame.Surface((16, 16)), (5, 3))     # a size that crashed
        assert small.get_size() == (5, 3)
    finally:
        pygame.transform.set_smoothscale_backend(before)


def test_the_no_neon_build_warning_never_reaches_a_childs_console():
    import warnings

    from kidcoder.runner.smoothscale import quiet_simd_warning

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        quiet_simd_warning()
        warnings.warn("Your system is neon capable but pygame was not built with support for it.", RuntimeWarning)
        warnings.warn("another warning", RuntimeWarning)
    assert [str(w.message) for w in seen] == ["another warning"]
