"""Run a (maybe changed) copy of a child's program next to its own pictures, sounds and modules.

Hints run the program and its fixed copies headless; a copy alone in a temporary folder
would not find player.png and would be told "picture not found" by mistake. So the copy
gets links to the files of the child's folder that the program names, and nothing in the
child's folder is written.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, List, Optional

from kidcoder.runner.headless import run_program

MAX_COPY_BYTES = 20 * 1024 * 1024


def named_neighbours(folder: Path, program_name: str, source: str) -> List[Path]:
    """Files and folders beside the program that its source mentions (player.png, images, helpers.py)."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if name == program_name or name.startswith("."):
            continue
        stem = name[:-3] if name.endswith(".py") else None
        if name in source or (stem and stem in source):
            found.append(Path(entry.path))
    return found


def _link_or_copy(target: Path, link: Path) -> None:
    try:
        os.symlink(target, link, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError):  # no symlinks (some Windows setups): copy small files
        if target.is_file() and target.stat().st_size <= MAX_COPY_BYTES:
            shutil.copy2(target, link)


def runner_beside(path: Optional[str]) -> Optional[Callable]:
    """A runner for hints that runs each source as `path` beside its files; None without a real path."""
    if not path:
        return None
    program = Path(path).resolve()
    if not program.parent.is_dir():
        return None

    def run(source: str, frames: int, seconds: float, stdin_lines=None):
        folder = Path(tempfile.mkdtemp(prefix="kidcoder-hint-"))
        try:
            for neighbour in named_neighbours(program.parent, program.name, source):
                _link_or_copy(neighbour, folder / neighbour.name)
            copy = folder / program.name
            copy.write_text(source, encoding="utf-8")
            return run_program(copy, frames=frames, seconds=seconds, stdin_lines=stdin_lines, fast_clock=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return run
