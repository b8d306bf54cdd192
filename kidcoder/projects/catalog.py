"""The list a child picks a program from: every program in the folder, newest first, found by typing.

Search ignores capitals and accents ("nandu" finds "Ñandú.py"), reads "_" as a
space, and needs every typed word somewhere in the name. Pure: paths and text.
"""
from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

from kidcoder.i18n import tr


@dataclass
class ProgramEntry:
    """One program: its file, the name a child reads, when it last changed, its picture (PNG bytes)."""
    path: Path
    modified: float
    thumbnail: Optional[bytes] = None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def shown(self) -> str:
        """The name as a child reads it: "cat_and_fish" -> "cat and fish"."""
        return self.path.stem.replace("_", " ")


def program_files(folder: Path) -> List[Path]:
    """The programs in folder (not hidden files: KidCoder's own run copies and temp files)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return [p for p in folder.glob("*.py") if not p.name.startswith(".") and p.is_file()]


def list_programs(folder: Path) -> List[ProgramEntry]:
    """Every program in folder, newest first (same time: by name)."""
    entries = []
    for path in program_files(folder):
        try:
            entries.append(ProgramEntry(path, path.stat().st_mtime))
        except OSError:
            continue
    return sorted(entries, key=lambda entry: (-entry.modified, entry.name.lower()))


def folded(text: str) -> str:
    """text without capitals, accents or underscores, for comparing what a child typed."""
    plain = unicodedata.normalize("NFKD", text.replace("_", " ").casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def search(entries: Sequence[ProgramEntry], query: str) -> List[ProgramEntry]:
    """The entries whose name has every word of query in it, in the same order."""
    words = folded(query).split()
    return [entry for entry in entries if all(word in folded(entry.name) for word in words)]


def when_text(modified: float, now: Optional[float] = None, lang: Optional[str] = None) -> str:
    """When a program last changed, as a child says it: today, yesterday, 3 days ago, or the date."""
    now = time.time() if now is None else now
    today = time.localtime(now)
    then = time.localtime(modified)
    days = (time.mktime(today[:3] + (12, 0, 0, 0, 0, -1)) - time.mktime(then[:3] + (12, 0, 0, 0, 0, -1))) / 86400
    days = round(days)
    if days <= 0:
        return tr("files.when.today", lang)
    if days == 1:
        return tr("files.when.yesterday", lang)
    if days < 7:
        return tr("files.when.days", lang, days=days)
    return tr("files.when.date", lang, day=then.tm_mday, month=tr(f"files.month.{then.tm_mon}", lang),
              year=then.tm_year)
