"""Library files in a child's project folder: copy a picture or sound in, and find the ones a program names.

A game loads "images/cat.png" relative to its own folder, so it runs the same
with plain `python game.py` anywhere. KidCoder copies the file there when the
child picks it, when a game is made, and when an example is copied; it never
overwrites a file the child already has.
"""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import List, Optional

from kidcoder.making import library

CREDITS = "CREDITS.txt"
CREDITS_TEXT = (
    "Pictures in this folder come from Twemoji by Twitter, Inc. and other contributors,\n"
    "licensed under CC-BY 4.0: https://creativecommons.org/licenses/by/4.0/\n"
    "(https://github.com/jdecked/twemoji). Keep this file when you share your game.\n\n"
    "Las imágenes de esta carpeta son de Twemoji, de Twitter, Inc. y otras personas,\n"
    "con licencia CC-BY 4.0. Deja este archivo junto a tu juego cuando lo compartas.\n")
# A file name written in a program: "images/cat.png" or 'sounds/jump.wav'.
_NAMED = re.compile(r"""["'](?P<path>(?:images|sounds)/[A-Za-z0-9_\-]+\.(?:png|wav))["']""")


def copy_into_project(entry: library.Entry, project_folder) -> str:
    """Copy a library file into the project (images/ or sounds/); the relative path the code should load.

    When the child already has a different file with that name, theirs stays and
    the copy gets a free name ("images/cat_2.png").
    """
    folder = Path(project_folder) / library.FOLDERS[entry.kind]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / entry.file
    number = 2
    while target.exists() and not filecmp.cmp(target, entry.source, shallow=False):
        target = folder / f"{Path(entry.file).stem}_{number}{Path(entry.file).suffix}"
        number += 1
    if not target.exists():
        _copy_atomically(entry.source, target)
    if entry.kind == library.PICTURE and not (folder / CREDITS).exists():
        (folder / CREDITS).write_text(CREDITS_TEXT, encoding="utf-8")
    return f"{library.FOLDERS[entry.kind]}/{target.name}"


def _copy_atomically(source: Path, target: Path) -> None:
    """A whole file or none: copy next to the target, then rename (a crash never leaves half a picture)."""
    handle, temporary = tempfile.mkstemp(dir=str(target.parent), prefix=".copy-", suffix=target.suffix)
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def library_files_in(source: str) -> List[library.Entry]:
    """The library entries a program names by their project path ("images/cat.png"), each once, in order."""
    found: List[library.Entry] = []
    by_path = {entry.project_path: entry for kind in library.FOLDERS for entry in library.entries(kind)}
    for match in _NAMED.finditer(source):
        entry = by_path.get(match.group("path"))
        if entry is not None and entry not in found:
            found.append(entry)
    return found


def missing_library_files(source: str, project_folder) -> List[library.Entry]:
    """The library files a program names that are not in its folder yet."""
    folder = Path(project_folder)
    return [entry for entry in library_files_in(source) if not (folder / entry.project_path).exists()]


def copy_library_files(source: str, project_folder) -> List[str]:
    """Copy every library file the program names and the folder lacks; the relative paths copied."""
    return [copy_into_project(entry, project_folder) for entry in missing_library_files(source, project_folder)]


def run_with_library_files(source: str, frames: Optional[int] = 60, seconds: Optional[float] = 10.0,
                           filename: str = "game.py", **options):
    """Like runner.headless.run_source, with the library files the program names copied next to it."""
    from kidcoder.runner.headless import run_program

    folder = tempfile.mkdtemp(prefix="kidcoder-check-")
    try:
        path = Path(folder) / filename
        path.write_text(source, encoding="utf-8")
        copy_library_files(source, folder)
        return run_program(path, frames=frames, seconds=seconds, **options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
