"""Reading and writing the child's program files safely.

This first part is the check every entry point shares: a file a child (or a
script) names must exist, be a file, be text in UTF-8 and be at most 1 MB.
"""
from __future__ import annotations

from pathlib import Path

MAX_PROGRAM_BYTES = 1024 * 1024


class ProgramFileError(Exception):
    """A file we cannot open as a program; key/values make a tr() message, str() is plain English."""

    def __init__(self, key: str, english: str, **values):
        super().__init__(english)
        self.key = key
        self.values = values


def read_program_text(path) -> str:
    """The text of a program file, with Windows line endings made plain; raises ProgramFileError."""
    path = Path(path)
    if not path.exists():
        raise ProgramFileError("file.missing", f"No such file: {path}", path=str(path))
    if path.is_dir():
        raise ProgramFileError("file.is_dir", f"That is a folder, not a file: {path}", path=str(path))
    try:
        size = path.stat().st_size
        if size > MAX_PROGRAM_BYTES:
            raise ProgramFileError("file.too_big", f"The file is too large ({size} bytes, the limit is 1 MB): {path}",
                                   path=str(path), size=size)
        data = path.read_bytes()
    except OSError as exc:
        raise ProgramFileError("file.unreadable", f"Cannot read {path}: {exc.strerror or exc}", path=str(path)) from None
    if b"\x00" in data:
        raise ProgramFileError("file.binary", f"This is not a text file: {path}", path=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProgramFileError("file.not_utf8", f"This file is not UTF-8 text: {path}", path=str(path)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
