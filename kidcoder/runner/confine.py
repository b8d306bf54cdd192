"""Inside the game process, first thing: put up every wall the kernel offers, and say which are up.

Order matters. While the process still has one thread: die with the app, join the game's
cgroup, enter new namespaces, split off the game (process 1 of its own PID namespace, or
below a subreaper). Then, in the game: fonts primed, Landlock (writes only in the game's
folders; no other programs, no TCP, no signals outside), the memory-file filter where no cgroup
counts memory, and the rlimits. Each layer is optional: whatever the kernel refuses is left
out of the list, and the game still runs. Names of the layers: LAYERS below; README says what
each one holds and what none of them does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Sequence

from kidcoder.runner import cgroup, landlock, limits, namespaces, seccomp

# the kernel layers a teacher or a test can switch off (KIDCODER_LAYERS_OFF=landlock,namespaces)
SWITCHABLE = ("cgroup", "namespaces", "landlock", "seccomp")
LAYERS = {
    "cgroup-memory": "a memory cgroup counts all of the game's memory, memory files included",
    "cgroup-processes": "the cgroup caps how many processes the game has",
    "user-namespace": "the game runs in its own user namespace",
    "pid-namespace": "the game is process 1 of its own process tree: all it starts ends with it",
    "ipc-namespace": "shared memory the game makes ends with it",
    "network-namespace": "the game has an empty network: no internet, no local servers",
    "subreaper": "processes the game leaves behind are ended with it",
    "landlock-files": "the game may write only in its own folder and a private temporary folder",
    "landlock-programs": "the game cannot start other programs",
    "landlock-tcp": "the game cannot open TCP connections",
    "landlock-signals": "the game cannot signal processes outside it",
    "seccomp-memfd": "the game cannot make memory files the address-space limit would not count",
    "rlimit-memory": "the game's address space is capped",
    "rlimit-processes": "the game may have only a few processes",
}
DEVICE_FOLDERS = ("/dev/snd",)      # sound devices: a game may play sounds


@dataclass
class Walls:
    """What the child was asked to put up (from its command line)."""
    cgroup_files: List[str] = field(default_factory=list)
    writable: List[str] = field(default_factory=list)
    memory_mb: int = limits.DEFAULT_MEMORY_MB
    allow_network: bool = False
    off: Sequence[str] = ()


def parse_off(text: str) -> List[str]:
    """The layers to leave off, from "landlock, namespaces" (or "all"); unknown names ignored. Pure."""
    names = [part.strip().lower() for part in (text or "").split(",") if part.strip()]
    if "all" in names:
        return list(SWITCHABLE)
    return [name for name in SWITCHABLE if name in names]


def before_threads(walls: Walls, host_pid: int) -> List[str]:
    """The part that needs a single-threaded process; on return this process is the game."""
    up: List[str] = []
    namespaces.die_with_parent(host_pid)
    if "cgroup" not in walls.off and walls.cgroup_files and cgroup.join(walls.cgroup_files):
        up += ["cgroup-memory", "cgroup-processes"]
    entered = namespaces.enter(walls.allow_network) if "namespaces" not in walls.off else []
    up += entered
    pid_namespace = "pid-namespace" in entered
    if namespaces.split_off_game(pid_namespace) and not pid_namespace:
        up.append("subreaper")
    return up


def in_the_game(walls: Walls, up: List[str]) -> List[str]:
    """The rest, in the game process, once the runner has loaded what it needs (pygame, fonts)."""
    up = list(up)
    if "landlock" not in walls.off:
        try:
            up += landlock.restrict(walls.writable, ["/dev/null"], network=walls.allow_network,
                                    device_folders=DEVICE_FOLDERS)
        except OSError:
            pass
    if "cgroup-memory" not in up and "seccomp" not in walls.off:
        up += seccomp.refuse_memory_files()
    if limits.limit_memory(walls.memory_mb):
        up.append("rlimit-memory")
    if "cgroup-processes" not in up and limits.limit_processes("user-namespace" in up):
        up.append("rlimit-processes")
    return up
