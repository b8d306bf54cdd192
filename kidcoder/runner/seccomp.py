"""A tiny seccomp filter: the game may not make memory files (memfd_create, memfd_secret).

Memory in a memfd is not counted by the address-space limit (RLIMIT_AS), so without a memory
cgroup a game could hold gigabytes that way. The filter refuses just those calls (EPERM); every
other system call is allowed. Standard library only (ctypes); Linux on x86, x86-64, ARM, ARM64.
"""
from __future__ import annotations

import ctypes
import errno
import platform
import struct
import sys
from typing import Dict, List, Optional, Tuple

_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_X32_BIT = 0x40000000

# machine -> (audit arch, system calls refused)
_ARCHES: Dict[str, Tuple[int, Tuple[int, ...]]] = {
    "x86_64": (0xC000003E, (319, 447)),
    "i386": (0x40000003, (356, 447)),
    "aarch64": (0xC00000B7, (279, 447)),
    "arm": (0x40000028, (385, 447)),
}


def _machine() -> Optional[str]:
    machine = platform.machine().lower()
    if machine in ("x86_64", "amd64"):
        # a 32-bit Python on a 64-bit kernel makes 32-bit system calls
        return "x86_64" if struct.calcsize("P") == 8 else "i386"
    if machine in ("i386", "i486", "i586", "i686", "x86"):
        return "i386"
    if machine in ("aarch64", "arm64"):
        return "aarch64" if struct.calcsize("P") == 8 else "arm"
    if machine.startswith("arm"):
        return "arm"
    return None


def filter_program(arch: str) -> List[Tuple[int, int, int, int]]:
    """The BPF instructions (code, jump if true, jump if false, k) for one architecture. Pure."""
    audit_arch, refused = _ARCHES[arch]
    deny = _RET_ERRNO | errno.EPERM
    body: List[Tuple[int, int, int, int]] = [(_LD_W_ABS, 0, 0, 0)]          # the system call number
    if arch == "x86_64":
        body.append((_JGE_K, 0, 1, _X32_BIT))                                # x32 calls: refused
        body.append((_RET_K, 0, 0, deny))
    for index, number in enumerate(refused):
        body.append((_JEQ_K, 0, 1, number))
        body.append((_RET_K, 0, 0, deny))
    body.append((_RET_K, 0, 0, _RET_ALLOW))
    # first check the architecture; another one (say, 32-bit calls on x86-64) gets refused outright
    return [(_LD_W_ABS, 0, 0, 4), (_JEQ_K, 1, 0, audit_arch), (_RET_K, 0, 0, deny)] + body


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def refuse_memory_files() -> List[str]:
    """Install the filter on this process and its future children; ["seccomp-memfd"] when it is on."""
    arch = _machine() if sys.platform.startswith("linux") else None
    if arch is None:
        return []
    program = filter_program(arch)
    instructions = (_SockFilter * len(program))(*[_SockFilter(*step) for step in program])
    fprog = _SockFprog(len(program), instructions)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return []
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        return []
    return ["seccomp-memfd"]
