"""Landlock (Linux 5.13+): after this, the game may write only inside the folders it was given.

Landlock is an unprivileged kernel sandbox: a process restricts itself, and the rules hold for it
and every process it starts. Reading stays allowed everywhere (a game reads pygame, fonts and its
own pictures); writing, making files, starting programs (execve), TCP (ABI 4+) and signalling
processes outside the game (ABI 6+) are refused by the kernel. Standard library only (ctypes).
"""
from __future__ import annotations

import ctypes
import os
import sys
from typing import Dict, Iterable, List

# syscall numbers are the same on every architecture since Linux 5.13 (the "unified" table)
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE = 1 << 13, 1 << 14                    # ABI 2, ABI 3
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1        # ABI 4
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1   # ABI 6

# what a game may do inside its own folders; a file rule may carry only the file rights
_WRITES = (WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE_CHAR | MAKE_DIR | MAKE_REG | MAKE_SOCK
           | MAKE_FIFO | MAKE_BLOCK | MAKE_SYM)
_FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def abi_version() -> int:
    """The kernel's Landlock ABI (0 when there is no Landlock: another OS, an old or locked-down kernel)."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        libc = _libc()
        libc.syscall.restype = ctypes.c_long
        version = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0),
                               ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return max(0, int(version))


def handled_rights(abi: int) -> Dict[str, int]:
    """What the ruleset takes charge of at this ABI: everything that changes the disk or escapes."""
    fs = _WRITES | EXECUTE
    if abi >= 2:
        fs |= REFER
    if abi >= 3:
        fs |= TRUNCATE
    net = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0
    return {"fs": fs, "net": net, "scoped": scoped}


def restrict(writable: Iterable[str], writable_files: Iterable[str] = (), network: bool = False,
             device_folders: Iterable[str] = ()) -> List[str]:
    """Restrict this process (and its future children) for good; returns the walls now up.

    writable: folders where the game may create, change and remove files.
    writable_files: single files it may write (such as /dev/null).
    device_folders: folders whose existing files it may write to, making nothing (/dev/snd for sound).
    network: True keeps TCP open (a teacher allowed the network).
    Returns [] when the kernel has no Landlock; raises OSError when Landlock is there but refused."""
    abi = abi_version()
    if abi < 1:
        return []
    rights = handled_rights(abi)
    attr = _RulesetAttr(rights["fs"], 0 if network else rights["net"], rights["scoped"])
    size = ctypes.sizeof(_RulesetAttr) if abi >= 6 else (16 if abi >= 4 else 8)
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    ruleset = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(size),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset: " + os.strerror(ctypes.get_errno()))
    try:
        folder_rights = rights["fs"] & ~EXECUTE
        for path in writable:
            _add_rule(libc, ruleset, path, folder_rights, directory=True)
        for path in writable_files:
            _add_rule(libc, ruleset, path, rights["fs"] & _FILE_RIGHTS & ~EXECUTE, directory=False)
        for path in device_folders:
            _add_rule(libc, ruleset, path, WRITE_FILE, directory=True)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(NO_NEW_PRIVS): " + os.strerror(ctypes.get_errno()))
        if libc.syscall(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self: " + os.strerror(ctypes.get_errno()))
    finally:
        os.close(ruleset)
    walls = ["landlock-files", "landlock-programs"]
    if rights["net"] and not network:
        walls.append("landlock-tcp")
    if rights["scoped"]:
        walls.append("landlock-signals")
    return walls


def _add_rule(libc, ruleset: int, path: str, allowed: int, directory: bool) -> None:
    """Allow `allowed` beneath path; a path that is missing is skipped (nothing to allow there)."""
    flags = os.O_PATH | os.O_CLOEXEC | (os.O_DIRECTORY if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        attr = _PathBeneathAttr(allowed, fd)
        if libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                        ctypes.byref(attr), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule({path}): " + os.strerror(ctypes.get_errno()))
    finally:
        os.close(fd)
