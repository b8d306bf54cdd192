"""The examples gallery: starter games from assets/examples/, shown in the child's language.

Opening an example copies it into the child's projects folder (never editing
the shipped file), under a name that is not taken yet, with its comments and the
words it shows in the child's language (making/code_comments.py; the code is the same).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from kidcoder import i18n, paths
from kidcoder.i18n import tr
from kidcoder.making.code_comments import translate_game


@dataclass(frozen=True)
class Example:
    file: str
    title: str
    description: str
    tip: str


def load_examples(lang: str, folder: Optional[Path] = None) -> List[Example]:
    """The examples listed in index.json whose file exists, with texts in lang (English if missing)."""
    folder = Path(folder) if folder else paths.assets_dir() / "examples"
    try:
        entries = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entries = []
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or not (folder / str(entry.get("file", ""))).is_file():
            continue

        def text(name: str) -> str:
            return str(entry.get(f"{name}_{lang}") or entry.get(f"{name}_en") or "")

        out.append(Example(entry["file"], text("title") or entry["file"], text("description"), text("try")))
    return out


def grid_items(examples: List[Example]):
    """(choice id, button words, description) for the gallery dialog."""
    items = []
    for example in examples:
        description = f"{example.title}\n{example.description}"
        if example.tip:
            description += "\n" + tr("ui.gallery.try", tip=example.tip)
        items.append((example.file, example.title, description))
    return items


def free_name(folder: Path, filename: str) -> Path:
    """folder/filename, or filename_2.py, _3, ... when it is taken."""
    stem, suffix = Path(filename).stem, Path(filename).suffix or ".py"
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{number}{suffix}"
        number += 1
    return candidate


def copy_example(filename: str, projects: Optional[Path] = None, source_folder: Optional[Path] = None,
                 lang: Optional[str] = None) -> Path:
    """Copy an example into the projects folder, in lang (default: the window's language); returns the new
    file (runs on a worker thread)."""
    source_folder = Path(source_folder) if source_folder else paths.assets_dir() / "examples"
    source = source_folder / Path(filename).name
    if not source.is_file():
        raise FileNotFoundError(str(source))
    projects = Path(projects) if projects else paths.projects_dir()
    projects.mkdir(parents=True, exist_ok=True)
    text = translate_game(source.read_text(encoding="utf-8"), lang or i18n.current_language())
    while True:
        target = free_name(projects, source.name)
        try:
            with open(target, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            break
        except FileExistsError:  # taken since free_name looked: try the next name
            continue
    from kidcoder.making.project_files import copy_library_files

    copy_library_files(text, projects)  # the pictures and sounds it loads
    return target
