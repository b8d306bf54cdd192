"""Input checks the commands share: a file to read, a file to write, and one line for an OSError.

Each check runs before any work starts, so bad input ends in one clear line (UserError, exit 2)
instead of a traceback half-way through.
"""
from __future__ import annotations

import os

from kidcoder.safe_files import kind_of


class UserError(Exception):
    """Bad input from the person at the keyboard: printed as one line, exit 2."""


def check_output(path: str, what: str) -> None:
    """An output file must go into a folder that exists and may be written, and must not be a folder."""
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if not path.strip():
        raise UserError(f"the {what} file name is empty")
    if os.path.isdir(target):
        raise UserError(f"the {what} file is a folder: {path}")
    if not os.path.isdir(folder):
        raise UserError(f"the folder for the {what} does not exist: {folder}")
    if not os.access(folder, os.W_OK):
        raise UserError(f"cannot write the {what} into {folder}: permission denied")


def check_input_file(path: str, what: str) -> None:
    """A file to read must exist and be a plain file (not a folder, a FIFO or a device)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise UserError(f"no such {what}: {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
    if kind_of(mode) != "a file":
        raise UserError(f"the {what} {path} is {kind_of(mode)}, not a file")


def describe_os_error(exc: OSError) -> str:
    """One line for a failed read or write: what went wrong and where."""
    what = exc.strerror or str(exc) or type(exc).__name__
    where = exc.filename if exc.filename is not None else ""
    return f"{what}: {where}" if where else what
