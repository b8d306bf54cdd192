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
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path
from typing import Callable, List, Optional

from kidcoder.diagnosis.stuck_lines import stuck_lines
from kidcoder.runner.headless import run_program
from kidcoder.runner.probe import probe_program, probe_source

MAX_COPY_BYTES = 20 * 1024 * 1024
RECENT_PROBES = 8             # probe traces kept for the next level of the same hint
RECENT_SECONDS = 120.0


def named_neighbours(folder: Path, program_name: str, source: str, most: int = 200) -> List[Path]:
    """Files and folders beside the program that its source mentions (player.png, images, helpers.py),
    and those its mentioned modules mention in turn (main.py imports player, player.py imports bullet)."""
    try:
        entries = [entry for entry in os.scandir(folder) if entry.name != program_name and not entry.name.startswith(".")]
    except OSError:
        return []
    found: List[Path] = []
    texts, read = [source], 0
    while read < len(texts) and len(found) < most:
        text, read = texts[read], read + 1
        for entry in entries:
            name = entry.name
            stem = name[:-3] if name.endswith(".py") else None
            if Path(entry.path) in found or not (name in text or (stem and stem in text)):
                continue
            found.append(Path(entry.path))
            if stem:
                texts.append(_module_text(entry.path))
    return found


def _module_text(path: str, most_bytes: int = 200_000) -> str:
    try:
        with open(path, "rb") as module:
            return module.read(most_bytes).decode("utf-8", "replace")
    except OSError:
        return ""


def files_beside(path: Optional[str]) -> List[str]:
    """The names of the other files in the program's folder ([] without a real path)."""
    program = _program_path(path)
    if program is None:
        return []
    try:
        return sorted(entry.name for entry in os.scandir(program.parent) if entry.name != program.name)
    except OSError:
        return []


def _link_or_copy(target: Path, link: Path) -> None:
    try:
        os.symlink(target, link, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError):  # no symlinks (some Windows setups): copy small files
        if target.is_file() and target.stat().st_size <= MAX_COPY_BYTES:
            shutil.copy2(target, link)


@contextmanager
def copy_beside(program: Path, source: str, neighbours: Optional[List[Path]] = None):
    """A temporary folder holding `source` as the program's file, with links to the files it names
    (`neighbours`, found here when not given; removed afterwards); yields the copy's path."""
    folder = Path(tempfile.mkdtemp(prefix="kidcoder-hint-"))
    if neighbours is None:
        neighbours = named_neighbours(program.parent, program.name, source)
    try:
        for neighbour in neighbours:
            _link_or_copy(neighbour, folder / neighbour.name)
        copy = folder / program.name
        copy.write_text(source, encoding="utf-8")
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _program_path(path: Optional[str]) -> Optional[Path]:
    if not path:
        return None
    program = Path(path).resolve()
    return program if program.parent.is_dir() else None


def runner_beside(path: Optional[str]) -> Optional[Callable]:
    """A runner for hints that runs each source as `path` beside its files; None without a real path."""
    program = _program_path(path)
    if program is None:
        return None

    def run(source: str, frames: int, seconds: float, stdin_lines=None):
        with copy_beside(program, source) as copy:
            return run_program(copy, frames=frames, seconds=seconds, stdin_lines=stdin_lines, fast_clock=True)

    return run


class RecentProbes:
    """The last few probe traces, by program, source, its files' stamps and typed answers: the child
    asks for more help (level 1, then 2, then 3) about the same game, and playing it again would
    only show the same thing a few seconds later. Entries are forgotten after max_age seconds."""

    def __init__(self, size: int = RECENT_PROBES, max_age: float = RECENT_SECONDS):
        self.size, self.max_age = size, max_age
        self._traces: "OrderedDict[tuple, tuple]" = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Optional[dict]:
        with self._lock:
            found = self._traces.get(key)
            if found is None or time.monotonic() - found[0] > self.max_age:
                self._traces.pop(key, None)
                return None
            return deepcopy(found[1])

    def put(self, key: tuple, trace: dict) -> None:
        with self._lock:
            self._traces[key] = (time.monotonic(), deepcopy(trace))
            self._traces.move_to_end(key)
            while len(self._traces) > self.size:
                self._traces.popitem(last=False)


RECENT = RecentProbes()


def _stamp(neighbours: List[Path]) -> tuple:
    """What the probe of a source depends on besides the source: the files it names beside the program."""
    stamps = []
    for neighbour in neighbours:
        try:
            info = neighbour.stat()
            stamps.append((neighbour.name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((neighbour.name, None, None))
    return tuple(stamps)


def prober_beside(path: Optional[str], stdin_lines: Optional[List[str]] = None,
                  recent: Optional[RecentProbes] = RECENT) -> Callable:
    """A prober for hints: source -> the probe trace (runner.probe) of that source played as `path`
    beside its files, or alone in a fresh folder without a real path. A trace from `recent` (the
    same source with the same files, a moment ago) is reused."""
    program = _program_path(path)

    def probe(source: str):
        neighbours = named_neighbours(program.parent, program.name, source) if program is not None else []
        key = (str(program), source, _stamp(neighbours), tuple(stdin_lines or ()))
        trace = recent.get(key) if recent is not None else None
        if trace is not None:
            return trace
        sure = stuck_lines(source)
        if program is None:
            trace = probe_source(source, stdin_lines=stdin_lines, stuck_lines=sure)
        else:
            with copy_beside(program, source, neighbours) as copy_path:
                trace = probe_program(copy_path, stdin_lines=stdin_lines, stuck_lines=sure)
        if recent is not None:
            recent.put(key, trace)
        return trace

    return probe
