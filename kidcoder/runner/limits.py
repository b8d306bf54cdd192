"""Limits a game process puts on itself before the child's code runs.

These contain accidents (a runaway loop eating memory, a program that starts
other programs, a game that talks to the network); they are not a security
sandbox, and the README says so.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

DEFAULT_MEMORY_MB = 512
FILE_SIZE_LIMIT = 64 * 1024 * 1024


class NotAllowedInGames(PermissionError):
    """Raised when a game tries something KidCoder switches off (other programs, the network)."""


def limit_memory(megabytes: int) -> bool:
    """Cap the address space so a memory bomb ends in MemoryError, not a frozen laptop."""
    try:
        import resource
    except ImportError:          # Windows: no rlimits
        return False
    limit = megabytes * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    except (ValueError, OSError):
        return False
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a too-big file write raises instead of killing
    except (AttributeError, ValueError, OSError):
        pass
    return True


def _leave_network() -> bool:
    """Move this process into an empty network namespace (Linux, root or user namespaces)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes   # lazy: only Linux gets here, and only once, inside the game

        libc = ctypes.CDLL(None, use_errno=True)
        clone_newnet, clone_newuser = 0x40000000, 0x10000000
        if libc.unshare(clone_newnet) == 0:
            return True
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(clone_newuser | clone_newnet) != 0:
            return False
        try:   # keep our own uid inside the new user namespace
            with open("/proc/self/setgroups", "w") as f:
                f.write("deny")
            with open("/proc/self/uid_map", "w") as f:
                f.write(f"{uid} {uid} 1")
            with open("/proc/self/gid_map", "w") as f:
                f.write(f"{gid} {gid} 1")
        except OSError:
            pass
        return True
    except Exception:
        return False


def _refuse(what: str):
    def refused(*args, **kwargs):
        raise NotAllowedInGames(f"Games in KidCoder can't {what}.")
    return refused


def switch_off_network() -> str:
    """Best effort: an empty network namespace, and the socket module refusing to make sockets.

    Returns how it was done ("namespace+socket" or "socket")."""
    how = "namespace+socket" if _leave_network() else "socket"
    refused = _refuse("use the network")

    class NoNetworkSocket(socket.socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if family == getattr(socket, "AF_UNIX", object()):
                super().__init__(family, type, proto, fileno)
                return
            refused()

    socket.socket = NoNetworkSocket
    socket.create_connection = refused
    socket.socketpair = refused
    socket.getaddrinfo = refused
    return how


_SWITCHED_OFF: list = []        # (object, attribute name, original value) for allow_subprocesses()


def _replace(owner, name: str, value) -> None:
    _SWITCHED_OFF.append((owner, name, getattr(owner, name)))
    setattr(owner, name, value)


def switch_off_subprocesses() -> None:
    """Games may not start other programs: fork, exec, spawn and subprocess all refuse."""
    refused = _refuse("start other programs")
    for name in ("fork", "forkpty", "system", "popen", "posix_spawn", "posix_spawnp",
                 "execv", "execve", "execl", "execle", "execlp", "execlpe", "execvp", "execvpe",
                 "spawnv", "spawnve", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnvp", "spawnvpe",
                 "startfile"):
        if hasattr(os, name):
            _replace(os, name, refused)
    try:
        import _posixsubprocess

        _replace(_posixsubprocess, "fork_exec", refused)
    except ImportError:
        pass

    class NoPopen:
        def __init__(self, *args, **kwargs):
            refused()

    _replace(subprocess, "Popen", NoPopen)
    try:
        import pty

        _replace(pty, "fork", refused)
    except ImportError:
        pass


class allow_subprocesses:
    """Context manager: KidCoder's own code (pygame asking fc-list for fonts) may start a program."""

    def __enter__(self):
        self._saved = [(owner, name, getattr(owner, name)) for owner, name, _ in _SWITCHED_OFF]
        for owner, name, original in _SWITCHED_OFF:
            setattr(owner, name, original)
        return self

    def __exit__(self, *exc):
        for owner, name, value in self._saved:
            setattr(owner, name, value)
        return False
