"""Linux namespaces for a game: no network, its own process tree, and nothing left behind.

The game process asks for them first thing, while it still has one thread (the kernel refuses a
new user namespace to a process with threads). In a new PID namespace the game is process 1:
when it ends, the kernel ends every process it started, daemons included, and the game can
neither see nor signal KidCoder's own processes. Where namespaces are not allowed, a subreaper
keeps the game's orphans as our children so they can be ended. Standard library only (ctypes).
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
from typing import List

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWUSER = 0x00020000, 0x08000000, 0x10000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
_PR_SET_PDEATHSIG, _PR_SET_CHILD_SUBREAPER = 1, 36


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _unshare(flags: int) -> bool:
    return _libc().unshare(ctypes.c_int(flags)) == 0


def _map_own_ids(uid: int, gid: int) -> None:
    """Inside a new user namespace, stay the same user (so files keep their owner)."""
    with open("/proc/self/setgroups", "w") as f:
        f.write("deny")
    with open("/proc/self/uid_map", "w") as f:
        f.write(f"{uid} {uid} 1")
    with open("/proc/self/gid_map", "w") as f:
        f.write(f"{gid} {gid} 1")


def enter(network: bool = False) -> List[str]:
    """Move this (single-threaded) process into new namespaces; returns which took effect.

    The PID namespace applies to the next process forked: call split_off_game(True) right after."""
    if not sys.platform.startswith("linux"):
        return []
    wanted = CLONE_NEWPID | CLONE_NEWIPC | (0 if network else CLONE_NEWNET)
    uid, gid = os.getuid(), os.getgid()
    if _unshare(CLONE_NEWUSER | wanted):
        try:
            _map_own_ids(uid, gid)
        except OSError:
            pass
        walls = ["user-namespace"]
    elif _unshare(wanted):                  # root where user namespaces are switched off
        walls = []
    else:
        return []
    walls += ["pid-namespace", "ipc-namespace"] + ([] if network else ["network-namespace"])
    return walls


def split_off_game(pid_namespace: bool) -> bool:
    """Fork: the child returns (True) and runs the game; this process stays outside, waits, and
    exits the way the game did (the same code, or killed by the same signal), so the host's
    handle on it tells the truth. Returns False (no split) where there is no fork.

    With pid_namespace (after enter()), the game is process 1 of its namespace: every process it
    starts dies with it, and it dies with us (parent-death signal). Without one, we become a
    subreaper: the game's orphans become our children, and we end them when the game ends."""
    if not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return False
    parent = os.getpid()
    subreaper = not pid_namespace and become_subreaper()
    pid = os.fork()
    if pid == 0:
        die_with_parent(parent)
        return True
    _wait_outside(pid, subreaper)
    return True     # never reached: _wait_outside exits


def die_with_parent(parent: int) -> None:
    """The kernel kills this process when its parent dies; if the parent is already gone, exit now.
    (In a new PID namespace the parent is outside it, so getppid() says 0.)"""
    if sys.platform.startswith("linux"):
        _libc().prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() not in (parent, 0):
        os._exit(137)


def _wait_outside(pid: int, subreaper: bool) -> None:
    """The outside process: hold none of the game's pipes open, pass signals on, exit like the game."""
    def end_game(signum, frame):
        _kill(pid)
        if subreaper:
            end_descendants()

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, end_game)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.closerange(3, devnull)
    os.closerange(devnull + 1, 65536)
    status = 0
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            break
    if subreaper:
        end_descendants()
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        _no_core_dump()
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 137)


def _no_core_dump() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)      # process 1 of a namespace ignores polite signals it has no handler for
    except OSError:
        pass


def become_subreaper() -> bool:
    """Fallback without a PID namespace: orphans of the game become our children, not init's."""
    if not sys.platform.startswith("linux"):
        return False
    return _libc().prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def end_descendants() -> int:
    """Kill every process below this one (the subreaper's clean-up); returns how many were ended."""
    ended = 0
    for _ in range(50):
        children = _children(os.getpid())
        if not children:
            break
        for child in children:
            try:
                os.kill(child, signal.SIGKILL)
                ended += 1
            except OSError:
                pass
        for child in children:
            try:
                os.waitpid(child, 0)
            except (ChildProcessError, OSError):
                pass
    return ended


def _children(pid: int) -> List[int]:
    found: List[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(part) for part in f.read().split()]
        except (OSError, ValueError):
            pass
    return found
