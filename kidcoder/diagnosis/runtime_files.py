"""Runtime family: files that are not there — a picture, a sound or a text file the game tries to open.

The child usually has the file, but in another folder or with another name (player.PNG).
"""
from __future__ import annotations

import re
from typing import Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.crash import error_message, runtime_finding
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.file_not_found": "file-not-found-error", "diag.picture_not_found": "images",
         "diag.sound_not_found": "sound"}

_PYGAME_FILE = re.compile(r"No file '([^']+)' found")
_OS_FILE = re.compile(r"No such file or directory: '([^']+)'")
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")
SOUNDS = (".wav", ".ogg", ".mp3", ".flac")


@runtime_handler("FileNotFoundError", "error", "pygame.error", order=30)
def file_not_found(program: Program, error: dict) -> Optional[Finding]:
    message = error_message(error)
    match = _PYGAME_FILE.search(message) or _OS_FILE.search(message)
    if not match:
        if str(error.get("type", "")).endswith("FileNotFoundError"):
            return runtime_finding(error, "diag.file_not_found", file="?")
        return None
    name = match.group(1)
    lower = name.lower()
    key = "diag.picture_not_found" if lower.endswith(PICTURES) else \
        "diag.sound_not_found" if lower.endswith(SOUNDS) else "diag.file_not_found"
    return runtime_finding(error, key, file=name)
