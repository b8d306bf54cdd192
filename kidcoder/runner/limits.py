"""Limits a game process puts on itself before the child's code runs: rlimits and Python switches.

The rlimits cap the address space (a runaway list ends in MemoryError, not a frozen laptop),
file sizes and, without a cgroup, the number of processes. The Python switches (no sockets, no
other programs) are not walls: a determined program gets around them, and the kernel layers in
runner/confine.py are what hold. They are here so a child who tries gets a kind, clear message.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

DEFAULT_MEMORY_MB = 512
MIN_MEMORY_MB, MAX_MEMORY_MB = 64, 2048
FILE_SIZE_LIMIT = 64 * 1024 * 1024
MAX_PROCESSES = 64


class NotAllowedInGames(PermissionError):
    """Raised when a game tries something KidCoder switches off (other programs, the network)."""


def sane_memory_mb(megabytes) -> int:
    """The memory limit to use: whole megabytes within MIN..MAX (never an overflow). Pure."""
    try:
        megabytes = int(megabytes)
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_MEMORY_MB
    return max(MIN_MEMORY_MB, min(MAX_MEMORY_MB, megabytes))


def limit_memory(megabytes: int) -> bool:
    """Cap the address space so a memory bomb ends in MemoryError, not a frozen laptop."""
    try:
        import resource
    except ImportError:          # Windows: no rlimits
        return False
    limit = sane_memory_mb(megabytes) * 1024 * 1024
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


def _processes_of(uid: int) -> int:
    """How many processes this user has now (Linux /proc)."""
    count = 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if entry.isdigit():
            try:
                count += os.stat(f"/proc/{entry}").st_uid == uid
            except OSError:
                pass
    return count


def limit_processes(own_user_namespace: bool, extra: int = MAX_PROCESSES) -> bool:
    """Without a cgroup: cap how many processes a fork bomb can make. In its own user namespace the
    count starts at zero; otherwise it is the user's whole count, so allow what runs now plus extra."""
    try:
        import resource
    except ImportError:
        return False
    if os.getuid() == 0 and not own_user_namespace:
        return False                # root ignores RLIMIT_NPROC
    limit = extra if own_user_namespace else _processes_of(os.getuid()) + extra
    try:
        resource.setrlimit(resource.RLIMIT_NPROC, (limit, limit))
    except (ValueError, OSError):
        return False
    return True


def _refuse(what: str):
    def refused(*args, **kwargs):
        raise NotAllowedInGames(f"Games in KidCoder can't {what}.")
    return refused


def switch_off_network() -> None:
    """The socket module and the _socket module below it refuse network sockets (local ones stay)."""
    import _socket

    refused = _refuse("use the network")
    local = getattr(socket, "AF_UNIX", object())

    def only_local(base):
        class NoNetworkSocket(base):
            def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
                if family != local or fileno is not None:
                    refused()
                super().__init__(family, type, proto, fileno)
        NoNetworkSocket.__name__ = NoNetworkSocket.__qualname__ = "socket"
        return NoNetworkSocket

    socket.socket = only_local(socket.socket)
    _socket.socket = _socket.SocketType = only_local(_socket.socket)
    for owner in (socket, _socket):
        for name in ("create_connection", "create_server", "socketpair", "getaddrinfo", "gethostbyname",
                     "gethostbyname_ex", "gethostbyaddr", "fromfd", "dup"):
            if hasattr(owner, name):
                setattr(owner, name, refused)


def switch_off_subprocesses() -> None:
    """Games may not start other programs: fork, exec, spawn and subprocess all refuse."""
    refused = _refuse("start other programs")
    names = ("fork", "forkpty", "system", "popen", "posix_spawn", "posix_spawnp", "execv", "execve", "execl",
             "execle", "execlp", "execlpe", "execvp", "execvpe", "spawnv", "spawnve", "spawnl", "spawnle",
             "spawnlp", "spawnlpe", "spawnvp", "spawnvpe", "startfile")
    posix = sys.modules.get("posix") or sys.modules.get("nt")
    for owner in (os, posix):
        for name in names:
            if owner is not None and hasattr(owner, name):
                setattr(owner, name, refused)
    try:
        import _posixsubprocess

        _posixsubprocess.fork_exec = refused
    except ImportError:
        pass

    class NoPopen:
        def __init__(self, *args, **kwargs):
            refused()

    subprocess.Popen = NoPopen
    try:
        import pty

        pty.fork = refused
    except ImportError:
        pass
