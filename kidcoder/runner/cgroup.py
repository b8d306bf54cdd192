"""A memory and process-count cgroup for one game, where the machine lets KidCoder make one.

A cgroup counts ALL the memory a game holds (memory files and shared memory included, which
RLIMIT_AS does not see) and caps how many processes it may have. Making one needs write access to
a cgroup folder: root, or a delegated one; elsewhere create() returns None and the address-space
limit stays the only cap. cgroup v2 (unified) or v1 (memory + pids controllers), whichever is here.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import List, Optional

from kidcoder.processes import alive
from kidcoder.runner.limits import MAX_PROCESSES

_V1_ROOT = Path("/sys/fs/cgroup")
_GROUP = "kidcoder"


def _write(path: Path, text: str) -> bool:
    try:
        with open(path, "w") as f:
            f.write(text)
        return True
    except OSError:
        return False


def _cgroup2_mount() -> Optional[Path]:
    try:
        with open("/proc/self/mountinfo") as f:
            for line in f:
                left, _, right = line.partition(" - ")
                if right.split(" ", 1)[0] == "cgroup2":
                    return Path(left.split()[4])
    except OSError:
        pass
    return None


def _controllers(folder: Path) -> List[str]:
    try:
        return (folder / "cgroup.controllers").read_text().split()
    except OSError:
        return []


class GameCgroup:
    """One game's cgroup folders; the game joins them itself, first thing (join_files)."""

    def __init__(self, folders: List[Path], version: int):
        self.folders = folders
        self.version = version

    @property
    def join_files(self) -> List[str]:
        """The files the game writes its process id to, before anything else."""
        return [str(folder / "cgroup.procs") for folder in self.folders]

    @classmethod
    def create(cls, name: str, memory_mb: int) -> Optional["GameCgroup"]:
        """A new cgroup capped at memory_mb (no swap) and MAX_PROCESSES; None where not allowed."""
        limit = str(int(memory_mb) * 1024 * 1024)
        return cls._create_v2(name, limit) or cls._create_v1(name, limit)

    @classmethod
    def _create_v2(cls, name: str, limit: str) -> Optional["GameCgroup"]:
        mount = _cgroup2_mount()
        if mount is None or "memory" not in _controllers(mount):
            return None
        parent = mount / _GROUP
        try:
            parent.mkdir(exist_ok=True)
        except OSError:
            return None
        for folder in (mount, parent):        # let the children of each have memory and pids limits
            _write(folder / "cgroup.subtree_control", "+memory +pids")
        folder = parent / name
        try:
            folder.mkdir()
        except OSError:
            return None
        ok = _write(folder / "memory.max", limit)
        _write(folder / "memory.swap.max", "0")
        _write(folder / "pids.max", str(MAX_PROCESSES))
        group = cls([folder], 2)
        if not ok:
            group.remove()
            return None
        return group

    @classmethod
    def _create_v1(cls, name: str, limit: str) -> Optional["GameCgroup"]:
        memory = _V1_ROOT / "memory"
        if not (memory / "memory.limit_in_bytes").exists():
            return None
        folders: List[Path] = []
        try:
            for controller in ("memory", "pids"):
                base = _V1_ROOT / controller
                if not (base / "cgroup.procs").exists():
                    continue
                folder = base / _GROUP / name
                folder.mkdir(parents=True)
                folders.append(folder)
        except OSError:
            cls(folders, 1).remove()
            return None
        group = cls(folders, 1)
        memory_folder = memory / _GROUP / name
        if not _write(memory_folder / "memory.limit_in_bytes", limit):
            group.remove()
            return None
        _write(memory_folder / "memory.memsw.limit_in_bytes", limit)
        _write(memory_folder / "memory.swappiness", "0")
        for folder in folders:
            if folder.parent.parent.name == "pids":
                _write(folder / "pids.max", str(MAX_PROCESSES))
        return group

    def ran_out_of_memory(self) -> bool:
        """True when the kernel ended a process of the game for going over the memory limit."""
        for folder in self.folders:
            for name in ("memory.events", "memory.oom_control"):     # v2, v1: "oom_kill N" lines
                try:
                    lines = (folder / name).read_text().splitlines()
                except OSError:
                    continue
                for line in lines:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill" and value.strip().isdigit() and int(value) > 0:
                        return True
        return False

    def kill_all(self) -> None:
        """Kill every process in the cgroup (the game's daemons included, whatever group or session)."""
        for folder in self.folders:
            for pid in _pids(folder):
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass

    def remove(self) -> None:
        """End whatever is left in the cgroup and remove its folders (safe to call twice)."""
        for folder in self.folders:
            _remove(folder)


def _pids(folder: Path) -> List[int]:
    try:
        return [int(p) for p in (folder / "cgroup.procs").read_text().split()]
    except (OSError, ValueError):
        return []


def _remove(folder: Path) -> None:
    for _ in range(50):
        for pid in _pids(folder):
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        try:
            folder.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.02)


def _group_parents() -> List[Path]:
    found = [_V1_ROOT / controller / _GROUP for controller in ("memory", "pids")]
    mount = _cgroup2_mount()
    return found + ([mount / _GROUP] if mount is not None else [])


def remove_stale() -> int:
    """Remove empty game cgroups a KidCoder that was killed left behind; returns how many."""
    removed = 0
    for parent in _group_parents():
        try:
            children = [child for child in parent.iterdir() if child.is_dir() and child.name.startswith("game-")]
        except OSError:
            continue
        for child in children:
            owner = child.name.split("-")[1] if child.name.count("-") >= 2 else ""
            if owner.isdigit() and alive(int(owner)) or _pids(child):
                continue
            try:
                child.rmdir()
                removed += 1
            except OSError:
                pass
    return removed


def join(files: List[str]) -> bool:
    """The game's side: move this process into the cgroup (before it starts any other)."""
    ok = bool(files)
    for path in files:
        ok = _write(Path(path), str(os.getpid())) and ok
    return ok
