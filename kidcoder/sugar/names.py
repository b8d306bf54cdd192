"""Names made from a child's title: file names for programs, parts of bundle ids and folders.

Pure functions: the same title always gives the same name, and a name never holds a
path separator, a space or a character Sugar's bundle reader refuses.
"""
from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w-]+", re.UNICODE)


def file_stem(title: str, default: str = "my_game") -> str:
    """A file name without ".py" for a title: "My Pong!" -> "My_Pong" (letters of any language kept)."""
    stem = str(title).strip()
    if stem.lower().endswith(".py"):
        stem = stem[:-3]
    stem = _NOT_WORD.sub("_", stem).strip("_-.")
    return stem[:60] or default


def ascii_slug(title: str, default: str = "game") -> str:
    """Letters and digits only, accents dropped: "Mi Juego Ñandú" -> "MiJuegoNandu"."""
    plain = unicodedata.normalize("NFKD", str(title)).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[A-Za-z0-9]+", plain)
    slug = "".join(word[:1].upper() + word[1:] for word in words)[:40]
    if slug[:1].isdigit():
        slug = "G" + slug
    return slug or default


def display_name(title: str, default: str = "My game") -> str:
    """A name for people to read: one line, no control characters, at most 40 characters."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in str(title)).split())
    if text.lower().endswith(".py"):
        text = text[:-3].strip()
    return text.replace("_", " ").strip()[:40] or default
