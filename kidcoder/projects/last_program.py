"""The program a child had open last, so the next start brings it back.

A small note in the data folder (the child's, not the teacher's settings):
data/last_program.json = {"path": "..."}. A note naming a file that is gone
is as good as no note: the window starts as it always did.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from kidcoder.editor.files import write_atomic

NOTE = "last_program.json"


def remember(note: Path, program: Path) -> None:
    write_atomic(Path(note), json.dumps({"version": 1, "path": str(Path(program).resolve())},
                                        ensure_ascii=False).encode("utf-8"))


def recall(note: Path) -> Optional[Path]:
    """The program the note names, if it is still a file; None otherwise."""
    try:
        path = Path(json.loads(Path(note).read_text(encoding="utf-8"))["path"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return path if path.is_file() else None
