"""In the app: the game's stdout/stderr pipe turned into console text, capped, never blocking the game.

Python-level output is already capped inside the game (child_io); this cap, a little
higher, catches output that bypasses Python (C code writing to the pipe).
"""
from __future__ import annotations

import codecs
import os
from typing import Callable

from kidcoder.runner.child_io import MAX_OUTPUT_BYTES, MAX_OUTPUT_LINES, TOO_MUCH_OUTPUT

MAX_CONSOLE_LINES = MAX_OUTPUT_LINES + 100
MAX_CONSOLE_BYTES = MAX_OUTPUT_BYTES + 32 * 1024


def read_console(fd: int, emit: Callable[[str], None], max_lines: int = MAX_CONSOLE_LINES,
                 max_bytes: int = MAX_CONSOLE_BYTES) -> None:
    """Read fd until it closes, calling emit(text) until the cap, then once with the marker;
    past the cap it keeps reading (and drops the text) so the game never blocks on a full pipe."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")   # a letter may span two reads
    lines, size = max_lines, max_bytes
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            return
        if lines <= 0 or size <= 0:
            continue
        text = decoder.decode(chunk)
        lines -= text.count("\n")
        size -= len(chunk)
        emit(text)
        if lines <= 0 or size <= 0:
            emit(TOO_MUCH_OUTPUT)
