"""Inside the game: pygame's list of system fonts without starting the fc-list program.

pygame.font.SysFont asks fc-list for the installed fonts, but a game behind Landlock may not
start programs. So before the walls go up the runner makes sure a copy of that list is in
KidCoder's cache folder (running fc-list only when the font folders changed), and pygame then
reads the copy. A game that loads pygame in an unusual way may find no copy: it gets pygame's
own default font, which always works.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

CACHE_NAME = "system-fonts.json"
FONT_FOLDERS = ("/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts", "/var/cache/fontconfig",
                "~/.fonts", "~/.local/share/fonts")
MAX_CACHE_BYTES = 8 * 1024 * 1024
Fonts = Dict[str, Dict[Tuple[bool, bool], str]]


def folders_stamp() -> List[list]:
    """When each font folder last changed: a new font changes this, and the copy is made again."""
    stamp = []
    for folder in FONT_FOLDERS:
        try:
            stamp.append([folder, os.stat(os.path.expanduser(folder)).st_mtime_ns])
        except OSError:
            pass
    return stamp


def _encode(fonts: Fonts) -> Dict[str, list]:
    return {name: [[bool(bold), bool(italic), str(path)] for (bold, italic), path in styles.items()]
            for name, styles in fonts.items()}


def _decode(data) -> Fonts:
    fonts: Fonts = {}
    if not isinstance(data, dict):
        return fonts
    for name, styles in data.items():
        if isinstance(name, str) and isinstance(styles, list):
            fonts[name] = {(bool(s[0]), bool(s[1])): s[2] for s in styles
                           if isinstance(s, list) and len(s) == 3 and isinstance(s[2], str)}
    return fonts


def _load(cache_file: Path) -> Optional[dict]:
    try:
        with open(cache_file, "rb") as handle:
            data = json.loads(handle.read(MAX_CACHE_BYTES))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _unix() -> bool:
    return sys.platform not in ("win32", "darwin", "emscripten")


def prime(sysfont, cache_file: Path) -> bool:
    """Before the walls: make the cached font list current (fc-list runs only when fonts changed)."""
    if not _unix():
        return False
    stamp = folders_stamp()
    data = _load(cache_file)
    if data is not None and data.get("stamp") == stamp:
        return True
    fonts = sysfont.initsysfonts_unix()
    tmp = cache_file.with_name(f".{cache_file.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps({"stamp": stamp, "fonts": _encode(fonts)}), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        return False
    return True


def use_cached_fonts(sysfont, cache_file: Path) -> None:
    """From now on pygame reads the cached list instead of running fc-list (never a program)."""
    if not _unix() or not hasattr(sysfont, "initsysfonts_unix"):
        return

    def initsysfonts_unix(path="fc-list"):
        data = _load(cache_file)
        return _decode(data.get("fonts")) if data else {}

    sysfont.initsysfonts_unix = initsysfonts_unix
