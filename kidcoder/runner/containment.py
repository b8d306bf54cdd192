"""The app's side of a game's walls: what it makes before the game starts and removes after.

Before: a memory cgroup (where one can be made), a private temporary folder on disk, and the
list of folders the game may write in (its own folder, unless that folder holds KidCoder's own
settings or data). After: whether the kernel ended the game for its memory, and the clean-up.
The walls themselves go up inside the game (runner/confine.py).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import List, Optional, Sequence

from kidcoder import paths
from kidcoder.runner import cgroup, confine
from kidcoder.processes import alive

LAYERS_OFF_ENV = "KIDCODER_LAYERS_OFF"
TEMP_PREFIX = "kidcoder-game-"


def layers_off_from_env(environ=None) -> List[str]:
    """The kernel layers a teacher (or a test) switched off with KIDCODER_LAYERS_OFF."""
    environ = os.environ if environ is None else environ
    return confine.parse_off(environ.get(LAYERS_OFF_ENV, ""))


def walls_key(contained: Sequence[str], allow_network: bool = False) -> str:
    """The i18n key of the line that tells the child how safe the game's box is. Pure.
    Full: writes held to its folder, no other programs, no network (unless a teacher allowed it)."""
    walls = set(contained)
    network = allow_network or bool(walls & {"network-namespace", "landlock-tcp"})
    if {"landlock-files", "landlock-programs"} <= walls and network:
        return "runner.walls.full"
    kernel = walls - {"rlimit-memory", "rlimit-processes"}
    return "runner.walls.part" if kernel else "runner.walls.none"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def writable_folders(program: Path, temp: Optional[Path], protected: Sequence[Path]) -> List[str]:
    """Where the game may write: its own folder and its temporary folder, but never a folder that
    holds one of KidCoder's own (a game in the home folder must not reach the settings). Pure."""
    folder = Path(os.path.realpath(program.parent))
    guarded = [Path(os.path.realpath(p)) for p in protected]
    allowed = [] if any(_inside(p, folder) for p in guarded) else [str(folder)]
    return allowed + ([str(temp)] if temp is not None else [])


def _temp_parent() -> Path:
    """Game temporary folders live on disk (the cache), not in /tmp, which may be memory."""
    folder = paths.cache_dir() / "game-temp"
    try:
        folder.mkdir(exist_ok=True)
        return folder
    except OSError:
        return Path(tempfile.gettempdir())


def remove_stale_temp(parent: Path) -> int:
    """Remove the temporary folders of games whose app was killed (its pid is in the name)."""
    removed = 0
    try:
        entries = [entry for entry in parent.iterdir() if entry.name.startswith(TEMP_PREFIX)]
    except OSError:
        return 0
    for entry in entries:
        owner = entry.name[len(TEMP_PREFIX):].split("-", 1)[0]
        if owner.isdigit() and not alive(int(owner)):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    return removed


class Containment:
    """One game's cgroup and temporary folder, and the walls' part of its command line."""

    def __init__(self, program: Path, memory_mb: int, off: Sequence[str] = ()):
        self.off = list(off)
        self.cgroup: Optional[cgroup.GameCgroup] = None
        if "cgroup" not in self.off:
            cgroup.remove_stale()
            self.cgroup = cgroup.GameCgroup.create(f"game-{os.getpid()}-{uuid.uuid4().hex[:8]}", memory_mb)
        parent = _temp_parent()
        remove_stale_temp(parent)
        try:
            self.temp: Optional[Path] = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=str(parent)))
        except OSError:
            self.temp = None
        self.writable = writable_folders(program, self.temp, paths.user_folders())

    def child_args(self) -> List[str]:
        args: List[str] = []
        for path in (self.cgroup.join_files if self.cgroup else []):
            args += ["--cgroup", path]
        for folder in self.writable:
            args += ["--writable", folder]
        if self.temp is not None:
            args += ["--temp", str(self.temp)]
        if self.off:
            args += ["--layers-off", ",".join(self.off)]
        return args

    def ran_out_of_memory(self) -> bool:
        return self.cgroup is not None and self.cgroup.ran_out_of_memory()

    def end_all(self) -> None:
        """Kill every process still in the game's cgroup (daemons that left its process group)."""
        if self.cgroup is not None:
            self.cgroup.kill_all()

    def close(self) -> None:
        """Remove the cgroup (ending what is left in it) and the temporary folder (safe to call twice)."""
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)
            self.temp = None
