"""Tag an X11 window so Sugar's shell knows which activity it belongs to.

Sugar's shell (jarabe) reads two string properties of every new top-level window,
_SUGAR_BUNDLE_ID and _SUGAR_ACTIVITY_ID, when the window is mapped. Setting them
through libX11 with ctypes lets any SDL window (KidCoder's, or an exported game's)
be an activity window, with no GTK and no extra package.

This file has no KidCoder imports: `kidcoder export --xo` copies it into game bundles.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import warnings

XA_STRING = 31            # the predefined STRING atom
PROP_MODE_REPLACE = 0


def _libx11():
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    lib = ctypes.cdll.LoadLibrary(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XChangeProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                                    ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


def set_string_properties(window_id: int, properties: dict, display_name=None) -> None:
    """Set each name -> text as an 8-bit STRING property of the X window. Raises OSError when
    there is no libX11 or no X display."""
    lib = _libx11()
    display = lib.XOpenDisplay(display_name.encode() if display_name else None)
    if not display:
        raise OSError("cannot open the X display")
    try:
        for name, text in properties.items():
            data = str(text).encode("utf-8")
            atom = lib.XInternAtom(display, name.encode("ascii"), 0)
            lib.XChangeProperty(display, window_id, atom, XA_STRING, 8, PROP_MODE_REPLACE, data, len(data))
        lib.XFlush(display)
    finally:
        lib.XCloseDisplay(display)


def sugar_properties(bundle_id: str, activity_id: str) -> dict:
    """The two properties Sugar's shell reads to match a window with its activity."""
    return {"_SUGAR_BUNDLE_ID": bundle_id, "_SUGAR_ACTIVITY_ID": activity_id}


def tag_pygame_window(pygame, bundle_id: str, activity_id: str) -> bool:
    """Tag the window of pygame's display; False when it is not an X11 window (nothing to do)."""
    try:
        info = pygame.display.get_wm_info()
    except Exception:
        return False
    window_id = info.get("window")
    if not isinstance(window_id, int) or not window_id:
        return False
    try:
        set_string_properties(window_id, sugar_properties(bundle_id, activity_id))
    except OSError:
        return False
    return True


def show_hidden_window(pygame) -> None:
    """Show pygame's display window, made with the HIDDEN flag so it could be tagged before Sugar saw it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")        # pygame-ce prefers its newer Window API for drawing
        window_class = getattr(pygame, "Window", None)
        if window_class is None:               # pygame 2 (not pygame-ce)
            from pygame._sdl2.video import Window as window_class
        window_class.from_display_module().show()
