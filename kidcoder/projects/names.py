"""Names for a child's programs: a suggestion in their language, and a kind check of what they type.

suggest_name() reads the program itself: the game's caption
(`pygame.display.set_caption("Cat and fish")`, or a constant it names), else the
description a made game came from, else the first words of its first comment.
check_name() turns what the child typed into a file in the projects folder, or a
message saying kindly what to change. Pure (no pygame): text and paths only.
"""
from __future__ import annotations

import ast
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

from kidcoder.i18n import tr
from kidcoder.diagnosis import pyparse

MAX_NAME = 60            # letters in a name (without .py)
SUGGESTION_MAX = 32      # a suggestion is cut at a word before this many letters
NOT_ALLOWED = '<>:"|?*'  # not allowed on a USB stick (FAT), which children carry programs on
# A program named like one of these would be imported instead of the real module by every
# program in the folder ("import random" would load the child's random.py).
TAKEN = {"pygame", "pgzero", "pgzrun", "pippy", "sugar", "kidcoder", "gi", "numpy", "images", "sounds"}
TAKEN |= set(getattr(sys, "stdlib_module_names", ())) | set(sys.builtin_module_names)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class NameCheck:
    """The result of checking a typed name: a path when it can be used, or a message key saying why not."""
    path: Optional[Path] = None
    problem: str = ""                                     # an i18n key ("" when the name is fine)
    values: Dict[str, str] = field(default_factory=dict)
    exists: bool = False                                  # another program has this name (ask before replacing)

    @property
    def ok(self) -> bool:
        return self.path is not None and not self.problem

    def message(self, lang: Optional[str] = None) -> str:
        return tr(self.problem, lang, **self.values) if self.problem else ""


def _caption(tree: ast.AST) -> str:
    """The text given to pygame.display.set_caption, following a simple NAME = "text" constant."""
    constants: Dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and \
                isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    constants.setdefault(target.id, node.value.value)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and getattr(node.func, "attr", "") == "set_caption":
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                return first.value
            if isinstance(first, ast.Name):
                return constants.get(first.id, "")
    return ""


def _first_comment(source: str) -> str:
    for line in source.splitlines():
        text = line.strip()
        if text.startswith("#!") or re.match(r"#.*coding[:=]", text):
            continue
        if text.startswith("#"):
            words = text.lstrip("#").strip()
            if _WORD.search(words):
                return words.split(":")[0]
    return ""


def words_to_stem(text: str, limit: int = SUGGESTION_MAX) -> str:
    """"A cat that catches fish!" -> "a_cat_that_catches_fish" (letters of any language kept)."""
    words = [word.lower() for word in _WORD.findall(unicodedata.normalize("NFC", text))]
    stem = ""
    for word in words:
        candidate = f"{stem}_{word}" if stem else word
        if len(candidate) > limit and stem:
            break
        stem = candidate[:limit]
    return stem


def suggest_name(source: str, description: str = "", lang: Optional[str] = None) -> str:
    """A name (without .py) for a new program, from its caption, its description or its first comment."""
    try:
        caption = _caption(pyparse.parse(source))
    except (SyntaxError, ValueError):
        caption = ""
    for text in (caption, description, _first_comment(source)):
        stem = words_to_stem(text or "")
        if stem and stem not in TAKEN:
            return stem
    return tr("files.name.default", lang)


def free_stem(folder: Path, stem: str) -> str:
    """stem, or stem_2, stem_3, ... so that folder/<stem>.py does not exist yet."""
    folder = Path(folder)
    candidate, number = stem, 2
    while (folder / f"{candidate}.py").exists():
        candidate = f"{stem}_{number}"
        number += 1
    return candidate


def display_stem(name: str) -> str:
    """The name a child typed, made plain: spaces tidied, a ".py" at the end taken off."""
    text = " ".join(unicodedata.normalize("NFC", str(name)).split())
    if text.lower().endswith(".py"):
        text = text[:-3].rstrip()
    return text


def check_name(typed: str, folder: Path, current: Optional[Path] = None) -> NameCheck:
    """Is typed a good name for a program in folder? current: the program's own file (its name is fine)."""
    stem = display_stem(typed)
    bad = next((ch for ch in stem if ch in NOT_ALLOWED or not ch.isprintable()), None)
    if not stem:
        return NameCheck(problem="files.name.empty")
    if "/" in stem or "\\" in stem:
        return NameCheck(problem="files.name.slash")
    if bad is not None:
        return NameCheck(problem="files.name.letter", values={"letter": bad if bad.isprintable() else "?"})
    if stem.startswith("."):
        return NameCheck(problem="files.name.dot")
    if len(stem) > MAX_NAME:
        return NameCheck(problem="files.name.long", values={"most": str(MAX_NAME)})
    if stem.lower() in TAKEN:
        return NameCheck(problem="files.name.taken", values={"name": stem})
    path = Path(folder) / f"{stem}.py"
    same = current is not None and Path(current).resolve() == path.resolve()
    return NameCheck(path=path, exists=path.exists() and not same)
