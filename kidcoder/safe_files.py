"""Reading and writing files that anyone may have named: never block, never read without end,
never leave half a file or a stray temporary file behind.

read_capped() refuses a FIFO, a device or a socket before reading a byte (a FIFO would block
for ever, /dev/zero would fill the memory) and reads at most `limit` bytes. write_replacing()
writes a temporary file next to the target, then renames it over the target, so the target
always holds the old or the new bytes, whole; write_new() does the same for a file that must
not exist yet (hard link: never overwrites, even in a race). Both remove their temporary file
whatever happens, and neither leaves an empty file when the disk is full.
"""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Union

PathLike = Union[str, "os.PathLike[str]"]


class NotARegularFile(OSError):
    """The path is a folder, a FIFO, a device or a socket: nothing to read as a file."""

    def __init__(self, path, kind: str):
        super().__init__(f"{path} is {kind}, not a file")
        self.kind = kind


class FileTooLarge(OSError):
    """The file is bigger than the reader allows."""

    def __init__(self, path, limit: int):
        super().__init__(f"{path} is larger than {limit} bytes")
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a file mode names, in words: "a file", "a folder", "a FIFO", "a device", "a socket". Pure."""
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_capped(path: PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raises FileNotFoundError,
    NotARegularFile, FileTooLarge or another OSError. Never blocks on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    mode = os.stat(path).st_mode           # (a socket cannot even be opened: say what it is)
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, kind_of(mode))
    fd = os.open(path, flags)               # and check again what was opened: it may have changed
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotARegularFile(path, kind_of(mode))
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(path, limit)
    return data


def _temp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.{os.urandom(3).hex()}.tmp")


def _write_temp(path: Path, data: bytes) -> Path:
    """The data in a new temporary file beside path; an error names path, not the temporary file."""
    tmp = _temp_beside(path)
    try:
        with open(tmp, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        _remove(tmp)
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_replacing(path: PathLike, data: bytes) -> None:
    """Write data so that path always holds either the old or the new bytes, whole."""
    path = Path(path)
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    finally:
        _remove(tmp)


def write_new(path: PathLike, data: bytes) -> None:
    """Write a file that must not exist yet (FileExistsError if it does): whole, or not at all."""
    path = Path(path)
    if os.path.lexists(path):
        raise FileExistsError(f"{path} already exists")
    tmp = _write_temp(path, data)
    try:
        try:
            os.link(tmp, path)             # fails if path exists, even if it appeared meanwhile
        except FileExistsError:
            raise
        except OSError:                    # a file system without hard links: exclusive create
            _create_exclusive(path, data)
    finally:
        _remove(tmp)


def _create_exclusive(path: Path, data: bytes) -> None:
    with open(path, "xb") as out:
        try:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            _remove(path)
            raise
