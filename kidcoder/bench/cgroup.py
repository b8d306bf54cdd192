"""A CPU-quota cgroup on one core with a memory limit: the XO laptop profile for `kidcoder bench --xo`.

An XO has one slow core and 1 GB of memory. A cgroup that may use only PCT% of one core, pinned to
that core, with a 1 GB memory limit, is a fair stand-in. cgroup v2 (one hierarchy with the cpu and
memory controllers) and v1 (one hierarchy per controller; hybrid machines mount both and keep the
controllers in v1) are both handled. New groups go under the groups this process is already in,
so whatever accounts for this process also accounts for them. Needs root (or a delegated subtree).
"""
from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

DEFAULT_PERIOD_US = 10_000     # a short period spreads the quota out, like a slow core, not a stuttering one
MIN_QUOTA_US = 1_000           # the kernel refuses a smaller quota
MEMORY_MB = 1024
V1_SHARES = "8192"             # the quota, not other load on a shared machine, should be what limits us
V2_WEIGHT = "800"


class CgroupError(RuntimeError):
    """The quota cgroup cannot be made here; str() is one line that says why."""


@dataclass(frozen=True)
class Hierarchy:
    """One mounted cgroup hierarchy: where it is, its version, and (v1) the controllers in it."""
    mount: str
    root: str
    version: int
    controllers: frozenset = frozenset()


@dataclass
class Plan:
    """What to make: folders (parents first), controller switches (v2), then (file, value) writes."""
    version: int
    groups: List[str] = field(default_factory=list)
    enable: List[Tuple[str, str]] = field(default_factory=list)
    writes: List[Tuple[str, str]] = field(default_factory=list)
    optional: frozenset = frozenset()      # files that may be missing (no swap accounting, ...)


def parse_mountinfo(text: str) -> List[Hierarchy]:
    """The cgroup hierarchies in /proc/self/mountinfo text (pure)."""
    found = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        fields, tail = left.split(), right.split()
        if len(fields) < 5 or len(tail) < 3:
            continue
        fstype, options = tail[0], tail[2].split(",")
        if fstype == "cgroup2":
            found.append(Hierarchy(fields[4], fields[3], 2))
        elif fstype == "cgroup":
            found.append(Hierarchy(fields[4], fields[3], 1, frozenset(o for o in options if o != "rw" and o != "ro")))
    return found


def parse_proc_cgroup(text: str) -> Dict[str, str]:
    """Controller name -> this process's group path, from /proc/self/cgroup text; "" is the v2 group (pure)."""
    paths: Dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _hid, controllers, path = parts
        if not controllers:
            paths[""] = path
        for name in controllers.split(","):
            if name:
                paths[name] = path
    return paths


def quota_us(percent: float, period_us: int = DEFAULT_PERIOD_US) -> int:
    """Microseconds per period for PCT% of one core; refuses what the kernel would refuse."""
    if not 0 < percent <= 100:
        raise CgroupError(f"the CPU quota must be more than 0 and at most 100 percent, not {percent}")
    quota = round(period_us * percent / 100)
    if quota < MIN_QUOTA_US:
        raise CgroupError(f"{percent}% of a {period_us} us period is under the kernel's 1 ms minimum")
    return quota


def group_dir(hierarchy: Hierarchy, own_path: str) -> str:
    """The folder of this process's group in a hierarchy (mounts may show only part of the tree)."""
    path = own_path
    if hierarchy.root != "/" and (path == hierarchy.root or path.startswith(hierarchy.root + "/")):
        path = path[len(hierarchy.root):]
    return os.path.join(hierarchy.mount, path.lstrip("/"))


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def plan_v1(hierarchies: List[Hierarchy], own: Dict[str, str], name: str, percent: float,
            memory_mb: int = MEMORY_MB, period_us: int = DEFAULT_PERIOD_US) -> Optional[Plan]:
    """A v1 plan, or None when the cpu and memory controllers are not both in v1 hierarchies (pure)."""
    cpu = next((h for h in hierarchies if h.version == 1 and "cpu" in h.controllers), None)
    memory = next((h for h in hierarchies if h.version == 1 and "memory" in h.controllers), None)
    if cpu is None or memory is None:
        return None
    cpu_dir = os.path.join(group_dir(cpu, own.get("cpu", "/")), name)
    mem_dir = os.path.join(group_dir(memory, own.get("memory", "/")), name)
    limit = str(memory_mb * 1024 * 1024)
    plan = Plan(1, groups=[cpu_dir] if cpu_dir == mem_dir else [cpu_dir, mem_dir])
    plan.writes = [(f"{cpu_dir}/cpu.cfs_period_us", str(period_us)),
                   (f"{cpu_dir}/cpu.cfs_quota_us", str(quota_us(percent, period_us))),
                   (f"{cpu_dir}/cpu.shares", V1_SHARES),
                   (f"{mem_dir}/memory.limit_in_bytes", limit),
                   (f"{mem_dir}/memory.memsw.limit_in_bytes", limit)]
    plan.optional = frozenset({f"{cpu_dir}/cpu.shares", f"{mem_dir}/memory.memsw.limit_in_bytes"})
    return plan


def plan_v2(hierarchies: List[Hierarchy], own: Dict[str, str], name: str, percent: float,
            memory_mb: int = MEMORY_MB, period_us: int = DEFAULT_PERIOD_US,
            read: Callable[[str], str] = _read) -> Optional[Plan]:
    """A v2 plan under the nearest group (this one or an ancestor) that can hand out cpu and memory.

    v2 lets a group with processes in it have no child groups with controllers, so when this process's
    own group cannot enable them the new group goes next to it instead. None without a usable v2."""
    unified = next((h for h in hierarchies if h.version == 2), None)
    if unified is None:
        return None
    base = group_dir(unified, own.get("", "/"))
    wanted = {"cpu", "memory"}
    while True:
        if wanted <= set(read(f"{base}/cgroup.subtree_control").split()):
            enable = []
            break
        here_empty = not read(f"{base}/cgroup.procs").split() or os.path.normpath(base) == unified.mount
        if wanted <= set(read(f"{base}/cgroup.controllers").split()) and here_empty:
            enable = [(f"{base}/cgroup.subtree_control", "+cpu +memory")]
            break
        if os.path.normpath(base) == os.path.normpath(unified.mount):
            return None
        base = os.path.dirname(base.rstrip("/"))
    group = os.path.join(base, name)
    limit = str(memory_mb * 1024 * 1024)
    plan = Plan(2, groups=[group], enable=enable)
    plan.writes = [(f"{group}/cpu.max", f"{quota_us(percent, period_us)} {period_us}"),
                   (f"{group}/cpu.weight", V2_WEIGHT),
                   (f"{group}/memory.max", limit),
                   (f"{group}/memory.swap.max", "0")]
    plan.optional = frozenset({f"{group}/cpu.weight", f"{group}/memory.swap.max"})
    return plan


def make_plan(name: str, percent: float, memory_mb: int = MEMORY_MB, period_us: int = DEFAULT_PERIOD_US,
              mountinfo: Optional[str] = None, proc_cgroup: Optional[str] = None,
              read: Callable[[str], str] = _read) -> Plan:
    """v2 when it has the cpu and memory controllers, else v1; CgroupError when neither will do."""
    hierarchies = parse_mountinfo(mountinfo if mountinfo is not None else _read("/proc/self/mountinfo"))
    own = parse_proc_cgroup(proc_cgroup if proc_cgroup is not None else _read("/proc/self/cgroup"))
    if not hierarchies:
        raise CgroupError("no cgroup file system is mounted")
    plan = (plan_v2(hierarchies, own, name, percent, memory_mb, period_us, read)
            or plan_v1(hierarchies, own, name, percent, memory_mb, period_us))
    if plan is None:
        raise CgroupError("neither cgroup v2 nor cgroup v1 offers both the cpu and the memory controller here")
    return plan


class QuotaGroup:
    """A cgroup of PCT% of one core and memory_mb of memory, made on enter and removed on exit.

    `enter` is a subprocess preexec_fn: the new process (and all it starts: the game, helpers) joins
    the group and the core before it runs anything, so it is timed as an XO from its first instruction."""

    def __init__(self, percent: float, memory_mb: int = MEMORY_MB, period_us: int = DEFAULT_PERIOD_US,
                 core: Optional[int] = None):
        self.percent, self.memory_mb, self.period_us = percent, memory_mb, period_us
        self.core = core if core is not None else min(os.sched_getaffinity(0))
        self.name = f"kidcoder-xo-{os.getpid()}-{time.monotonic_ns() % 10**9}"
        self.plan: Optional[Plan] = None
        self._made: List[str] = []

    def create(self) -> "QuotaGroup":
        plan = make_plan(self.name, self.percent, self.memory_mb, self.period_us)
        try:
            for path, value in plan.enable:
                _write(path, value)
            for folder in plan.groups:
                os.mkdir(folder)
                self._made.append(folder)
            for path, value in plan.writes:
                try:
                    _write(path, value)
                except OSError:
                    if path not in plan.optional:
                        raise
        except OSError as exc:
            self.remove()
            raise CgroupError(f"cannot make a cgroup v{plan.version} ({exc.strerror or exc}: "
                              f"{exc.filename or ''}); run as root on Linux") from None
        self.plan = plan
        return self

    def enter(self) -> None:
        """Join the group and the one core (run in the new process, before exec)."""
        for folder in self._made:
            _write(f"{folder}/cgroup.procs", str(os.getpid()))
        os.sched_setaffinity(0, {self.core})

    def pids(self) -> List[int]:
        found = set()
        for folder in self._made:
            found.update(int(p) for p in _read(f"{folder}/cgroup.procs").split())
        return sorted(found)

    def cpu_stat(self) -> Dict[str, int]:
        """The kernel's cpu.stat for the group (periods, throttled periods, ...)."""
        if not self._made:
            return {}
        stat = {}
        for line in _read(f"{self._made[0]}/cpu.stat").splitlines():
            key, _sep, value = line.partition(" ")
            if value.strip().isdigit():
                stat[key] = int(value)
        return stat

    def remove(self, timeout: float = 10.0) -> None:
        """End what is left in the group (only processes this benchmark started are in it) and remove it."""
        deadline = time.monotonic() + timeout
        while self._made:
            for pid in self.pids():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                for folder in reversed(list(self._made)):
                    os.rmdir(folder)
                    self._made.remove(folder)
            except OSError:
                if time.monotonic() > deadline:
                    raise CgroupError(f"could not remove the cgroup {self._made[0]}") from None
                time.sleep(0.05)

    def describe(self) -> Dict[str, object]:
        return {"cgroup": f"v{self.plan.version}" if self.plan else None, "cpu_quota_pct": self.percent,
                "cpu_period_ms": self.period_us / 1000, "memory_mb": self.memory_mb, "core": self.core}

    def __enter__(self) -> "QuotaGroup":
        return self.create()

    def __exit__(self, *exc) -> bool:
        self.remove()
        return False


def _write(path: str, value: str) -> None:
    with open(path, "w") as f:
        f.write(value)


def unavailable(percent: float = 50.0) -> Optional[str]:
    """None when a quota cgroup can be made here, else one line saying why not."""
    try:
        with QuotaGroup(percent):
            return None
    except CgroupError as exc:
        return str(exc)
