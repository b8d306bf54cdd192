"""Where a program's thumbnail lives: a small PNG of its game's last frame, in a hidden folder beside it.

projects/catch.py has its picture in projects/.thumbnails/catch.py.png, so a USB stick
or a copied projects folder keeps them together, and the child's own files stay tidy.
Renaming a program moves its picture; a picture whose program is gone is removed.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

FOLDER = ".thumbnails"
SIZE = (160, 120)               # the largest a thumbnail is stored (it keeps the game's shape)
MAX_BYTES = 256 * 1024          # a bigger file there is not ours: never read it


def thumbnail_path(program: Path) -> Path:
    program = Path(program)
    return program.parent / FOLDER / f"{program.name}.png"


def fitted_size(size, box=SIZE):
    """(w, h) of a picture of size scaled to fit inside box, keeping its shape (at least 1x1)."""
    width, height = max(1, int(size[0])), max(1, int(size[1]))
    scale = min(box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def read_thumbnail(program: Path) -> Optional[bytes]:
    """The PNG bytes of a program's thumbnail, or None (none yet, unreadable, or too big)."""
    path = thumbnail_path(program)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def move_thumbnail(old: Path, new: Path) -> None:
    """The program was renamed: its picture follows (an old picture of the new name goes)."""
    try:
        os.replace(thumbnail_path(old), thumbnail_path(new))
    except OSError:
        remove_thumbnail(new)


def remove_thumbnail(program: Path) -> None:
    try:
        thumbnail_path(program).unlink()
    except OSError:
        pass


def prune_thumbnails(folder: Path) -> int:
    """Remove the pictures of programs that are gone (deleted or renamed outside KidCoder)."""
    removed = 0
    pictures = Path(folder) / FOLDER
    if not pictures.is_dir():
        return 0
    for picture in pictures.glob("*.png"):
        if not (Path(folder) / picture.name[:-4]).is_file():
            try:
                picture.unlink()
                removed += 1
            except OSError:
                pass
    return removed
