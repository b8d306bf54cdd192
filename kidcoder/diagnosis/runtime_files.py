"""Runtime family: files that are not there — a picture, a sound or a text file the game tries to open.

The child usually has the file, but in another folder or with another name (player.PNG).
"""
from __future__ import annotations

import ast
import re
from typing import List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.crash import error_message, runtime_finding
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.fixes_pictures import placeholder_fixes, silent_sound_fixes
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


def plain_name(name: str) -> str:
    """The file's own name without the folders of another computer or stray spaces:
    "D:/games/racket.png" -> "racket.png", "..\\smile.bmp" -> "smile.bmp", "rock.png " -> "rock.png"."""
    return re.split(r"[\\/]", name.strip())[-1].strip()


@builds("diag.file_not_found", "diag.picture_not_found", "diag.sound_not_found")
def _file_fixes(program: Program, finding: Finding) -> List[Fix]:
    """The file's own name (it may be beside the game), else a stand-in: a square for a picture, a
    silent sound for a sound."""
    fixes = _file_beside(program, finding)
    if finding.key != "diag.sound_not_found":
        fixes += placeholder_fixes(program, finding.line)
    if finding.key != "diag.picture_not_found":
        fixes += silent_sound_fixes(program, finding.line)
    return fixes


def _file_beside(program: Program, finding: Finding) -> List[Fix]:
    """Name the file as it is in the game's folder (the check runs the copy beside the child's files)."""
    name = str(finding.values.get("file", ""))
    plain = plain_name(name)
    if program.tree is None or not plain or plain == name or re.search(r"[\\'\"]", plain):
        return []
    fixes = []
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Constant) and node.value == name and node.lineno == node.end_lineno:
            text = program.line(node.lineno)
            literal = text[node.col_offset:node.end_col_offset]
            quote = literal[-1:]
            if quote not in ("'", '"') or literal[:1].lower() not in ("'", '"', "r"):
                continue
            new = text[:node.col_offset] + quote + plain + quote + text[node.end_col_offset:]
            fixes.append(Fix(node.lineno, node.lineno, new))
    return fixes[:1]
