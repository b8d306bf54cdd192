"""The whole window's first frame, kept as a picture so that the next start can show it at once (ui/early.py).

A child starts the same laptop the same way every day: the same screen size, language, theme and text
size. After the whole window's first frame (pygame-gui's toolbar and helper included) a copy of it is saved
in the cache folder under a key made of everything it was drawn from: the window's size, every setting,
KidCoder's and pygame's versions, and the dates of the files that change its look (the theme, the
translations, the drawing code, pygame-gui's install). A start whose key matches shows that picture as
its first frame, pixel for pixel what the window draws, while pygame-gui loads behind it.
The picture is kept as the window's own pixels (its size, pitch and pixel format go in the note), read
straight into the window: decoding a PNG of it took ~20 ms of processor time here (~8 times that on an
XO) and, with the copies it needed, was a fifth of the processor time before the first picture.
No pygame-gui here: this runs before it is loaded.
"""
from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional, Tuple

import pygame

from kidcoder import __version__, paths
from kidcoder.ui.theme_files import theme_path, ui_font_file

FOLDER = "first_frame"
KEPT = 4                # pictures kept (a window switched between sizes or languages finds each one)
PIXELS = ".pixels"      # the window's pixels, as the window holds them (4.3 MB at 1200x900)
OLD = ("*.png",)        # what earlier versions kept
SAMPLES, SAMPLE_BYTES = 64, 1024    # the pieces of a picture checked before it is shown
COMPARE_BYTES = 256 * 1024          # a kept picture is compared with a new one this much at a time
_PACKAGE = Path(__file__).resolve().parent.parent


def _stamped(lang: str, theme: str) -> Iterator[Tuple[str, Callable[[], os.stat_result]]]:
    """The files whose change can change the first frame: (name, its stat). os.scandir, not pathlib's glob
    (which was half of this, and this is on the way to the first picture)."""
    yield _file(str(theme_path(theme)))
    yield _file(os.path.join(os.path.dirname(os.path.dirname(ui_font_file())), "__init__.py"))  # pygame-gui's
    for folder, ending in ((os.path.join(paths.assets_dir(), "i18n", lang), ".json"),
                           (os.path.join(_PACKAGE, "ui"), ".py"), (os.path.join(_PACKAGE, "editor"), ".py")):
        try:
            with os.scandir(folder) as listing:
                entries = sorted((entry for entry in listing if entry.name.endswith(ending)),
                                 key=lambda entry: entry.name)
        except OSError:
            continue
        yield from ((entry.name, entry.stat) for entry in entries)


def _file(path: str) -> Tuple[str, Callable[[], os.stat_result]]:
    return os.path.basename(path), lambda: os.stat(path)


def snapshot_key(settings, size: Tuple[int, int]) -> str:
    """What the first frame is drawn from (saved with its picture, which is named by its checksum)."""
    stamps = []
    for name, stat in _stamped(settings.language, settings.theme):
        try:
            info = stat()
            stamps.append([name, info.st_mtime_ns, info.st_size])
        except OSError:
            stamps.append([name, None, None])
    what = {"size": list(size), "settings": dataclasses.asdict(settings), "kidcoder": __version__,
            "pygame": pygame.version.ver, "sugar": os.environ.get("SUGAR_BUNDLE_ID", ""), "files": stamps}
    return json.dumps(what, sort_keys=True, default=str)


def _name(key: str) -> str:
    return f"{zlib.crc32(key.encode('utf-8')):08x}"


def folder() -> Path:
    return paths.cache_dir() / FOLDER


def pixel_format(surface: pygame.Surface) -> dict:
    """What a picture's bytes mean: saved with it, and only a window with the same can show it."""
    return {"size": list(surface.get_size()), "pitch": surface.get_pitch(), "bytes": surface.get_bytesize(),
            "masks": list(surface.get_masks())}


@contextmanager
def _pixels(surface: pygame.Surface) -> Iterator[memoryview]:
    """The surface's pixel bytes, in place (the surface is locked meanwhile)."""
    proxy = surface.get_view("1")
    view = memoryview(proxy)
    flat = view.cast("B")
    try:
        yield flat
    finally:
        flat.release()
        view.release()
        del proxy


def _sample(pixels) -> int:
    """A checksum of SAMPLES small pieces spread over the picture (not all of it: that costs 2 ms here):
    a file of the right size that holds zeros or another picture (a power cut while writing) is not shown."""
    step = max(SAMPLE_BYTES, len(pixels) // SAMPLES)
    crc = 0
    for start in range(0, len(pixels), step):
        crc = zlib.crc32(pixels[start:start + SAMPLE_BYTES], crc)
    return crc


def load_into(key: str, screen: pygame.Surface) -> Optional[dict]:
    """Put the picture saved under key into screen's pixels (nothing is shown yet) and return what was saved
    with it (the editor's box), or None: none for key, one from a window of another size or pixel format,
    or a damaged one (then screen may hold part of it: draw all of it)."""
    where = folder() / _name(key)
    try:
        note = json.loads(where.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict) or note.get("key") != key or note.get("format") != pixel_format(screen) \
            or not isinstance(note.get("editor"), list):
        return None
    try:
        with open(where.with_suffix(PIXELS), "rb") as file, _pixels(screen) as pixels:
            whole = file.readinto(pixels) == len(pixels) and not file.read(1)
            whole = whole and _sample(pixels) == note.get("sample")
    except (OSError, ValueError, pygame.error):
        return None
    return note if whole else None


def same(key: str, surface: pygame.Surface) -> bool:
    """Whether surface's pixels are the bytes of the picture saved under key (a window of the format it
    was loaded into: see load_into)."""
    with _pixels(surface) as pixels:
        return _kept_is(folder() / f"{_name(key)}{PIXELS}", pixels)


def _kept_is(path: Path, pixels) -> bool:
    """Whether the file holds exactly these bytes, read a piece at a time (not 4.3 MB more in memory)."""
    try:
        with open(path, "rb") as file:
            for start in range(0, len(pixels), COMPARE_BYTES):
                piece = pixels[start:start + COMPARE_BYTES]
                if file.read(len(piece)) != piece:
                    return False
            return not file.read(1)
    except OSError:
        return False


def save(surface: pygame.Surface, key: str, note: dict, unless_same: bool = False) -> threading.Thread:
    """Save a copy of surface under key, on a thread (the window goes on); the oldest pictures go.
    unless_same: a picture already kept under key with the same pixels (the one this start showed, when the
    window drew it again unchanged) is left as it is; the comparison is the thread's (4.3 MB read and compared
    at 1200x900: not on the way of the window's first frames)."""
    picture, name = surface.copy(), _name(key)
    note = {**note, "key": key, "format": pixel_format(picture)}

    def write() -> None:
        temporary = None
        try:
            where = folder()
            if unless_same:
                with _pixels(picture) as pixels:
                    if _kept_is(where / f"{name}{PIXELS}", pixels):
                        return
            where.mkdir(parents=True, exist_ok=True)
            temporary = where / f"{name}.{os.getpid()}.tmp"
            with _pixels(picture) as pixels, open(temporary, "wb") as file:
                file.write(pixels)
                note["sample"] = _sample(pixels)
            (where / f"{name}.json").write_text(json.dumps(note), encoding="utf-8")
            os.replace(temporary, where / f"{name}{PIXELS}")
            _prune(where)
        except (OSError, ValueError, BufferError, pygame.error):
            if temporary is not None:    # a full disk keeps no half picture (4 MB on a small laptop's disk)
                temporary.unlink(missing_ok=True)
            # no picture: the next start draws the window the long way, as before

    thread = threading.Thread(target=write, name="kidcoder-first-frame")
    thread.start()
    return thread


def _prune(where: Path) -> None:
    """Keep the KEPT newest pictures; earlier versions' pictures go, and half-written ones an hour old."""
    for half in where.glob("*.tmp"):
        if time.time() - half.stat().st_mtime > 3600:
            half.unlink(missing_ok=True)
    for pattern in OLD:
        for old in where.glob(pattern):
            old.unlink(missing_ok=True)
            if not old.with_suffix(PIXELS).exists():
                old.with_suffix(".json").unlink(missing_ok=True)
    kept = sorted(where.glob(f"*{PIXELS}"), key=lambda p: p.stat().st_mtime)
    for old in kept[:-KEPT]:
        old.unlink(missing_ok=True)
        old.with_suffix(".json").unlink(missing_ok=True)
