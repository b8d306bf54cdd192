"""The whole window's first frame, kept as a picture so that the next start can show it at once (ui/early.py).

A child starts the same laptop the same way every day: the same screen size, language, theme and text
size. After the whole window's first frame (pygame-gui's toolbar and helper included) a copy of it is saved
in the cache folder under a key made of everything it was drawn from: the window's size, every setting,
KidCoder's and pygame's versions, and the dates of the files that change its look (the theme, the
translations, the drawing code, pygame-gui's install). A start whose key matches shows that picture as
its first frame, pixel for pixel what the window draws, while pygame-gui loads behind it.
No pygame-gui here: this runs before it is loaded.
"""
from __future__ import annotations

import dataclasses
import json
import os
import threading
import zlib
from pathlib import Path
from typing import Iterator, Optional, Tuple

import pygame

from kidcoder import __version__, paths
from kidcoder.ui.theme_files import theme_path, ui_font_file

FOLDER = "first_frame"
KEPT = 4                # pictures kept (a window switched between sizes or languages finds each one)
_PACKAGE = Path(__file__).resolve().parent.parent


def _stamped(lang: str, theme: str) -> Iterator[Path]:
    """The files whose change can change the first frame."""
    yield theme_path(theme)
    yield Path(ui_font_file()).parent.parent / "__init__.py"          # pygame-gui's install
    for folder in (paths.assets_dir() / "i18n" / lang, _PACKAGE / "ui", _PACKAGE / "editor"):
        if folder.is_dir():
            yield from sorted(folder.glob("*.json" if folder.name == lang else "*.py"))


def snapshot_key(settings, size: Tuple[int, int]) -> str:
    """What the first frame is drawn from (saved with its picture, which is named by its checksum)."""
    stamps = []
    for path in _stamped(settings.language, settings.theme):
        try:
            info = path.stat()
            stamps.append([path.name, info.st_mtime_ns, info.st_size])
        except OSError:
            stamps.append([path.name, None, None])
    what = {"size": list(size), "settings": dataclasses.asdict(settings), "kidcoder": __version__,
            "pygame": pygame.version.ver, "sugar": os.environ.get("SUGAR_BUNDLE_ID", ""), "files": stamps}
    return json.dumps(what, sort_keys=True, default=str)


def _name(key: str) -> str:
    return f"{zlib.crc32(key.encode('utf-8')):08x}"


def folder() -> Path:
    return paths.cache_dir() / FOLDER


def load(key: str, size: Tuple[int, int]) -> Optional[Tuple[pygame.Surface, dict]]:
    """The picture saved under key and what was saved with it (the editor's box), or None."""
    picture_file, note_file = folder() / f"{_name(key)}.png", folder() / f"{_name(key)}.json"
    try:
        note = json.loads(note_file.read_text(encoding="utf-8"))
        picture = pygame.image.load(str(picture_file))
    except (OSError, ValueError, pygame.error):
        return None
    if note.get("key") != key or picture.get_size() != tuple(size) or not isinstance(note.get("editor"), list):
        return None
    return picture, note


def save(surface: pygame.Surface, key: str, note: dict) -> threading.Thread:
    """Save a copy of surface under key, on a thread (the window goes on); the oldest pictures go."""
    picture, name, note = surface.copy(), _name(key), {**note, "key": key}

    def write() -> None:
        try:
            where = folder()
            where.mkdir(parents=True, exist_ok=True)
            temporary = where / f"{name}.{os.getpid()}.tmp.png"
            pygame.image.save(picture, str(temporary))
            (where / f"{name}.json").write_text(json.dumps(note), encoding="utf-8")
            os.replace(temporary, where / f"{name}.png")
            kept = sorted((p for p in where.glob("*.png") if ".tmp" not in p.name), key=lambda p: p.stat().st_mtime)
            for old in kept[:-KEPT]:
                old.unlink(missing_ok=True)
                old.with_suffix(".json").unlink(missing_ok=True)
        except (OSError, pygame.error):
            pass                 # no picture: the next start draws the window the long way, as before

    thread = threading.Thread(target=write, name="kidcoder-first-frame")
    thread.start()
    return thread
