"""Where KidCoder keeps things: its own assets and cards, and the user's data, cache and settings.

Everything works both from a checkout and from an installed wheel; KIDCODER_HOME
moves all user folders under one directory (tests and portable installs use it).
A folder that cannot be made (a read-only home, a file in its place) is still returned, and
the write that needs it fails with a clear OSError; only the cache, which can always be made
again, moves to a private folder in the system's temporary folder instead.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str, inside_name: str = "") -> Path:
    """A folder shipped with KidCoder: inside the package when installed, at the top of a checkout."""
    inside = _PACKAGE_DIR / (inside_name or name)
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def assets_dir() -> Path:
    """Fonts, themes, examples, templates and translations."""
    return _shipped("assets")


def knowledge_dir() -> Path:
    """The knowledge cards (knowledge/en, knowledge/es); a wheel ships them as kidcoder/cards."""
    return _shipped("knowledge", "cards")


def _user_base(kind: str) -> Path:
    home = os.environ.get("KIDCODER_HOME")
    if home:
        return Path(home) / kind
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA") or Path.home())
        return root / "KidCoder" / kind
    if sys.platform == "darwin":
        root = Path.home() / "Library"
        sub = {"data": "Application Support", "cache": "Caches", "config": "Application Support"}[kind]
        return root / sub / "KidCoder" / (kind if kind != "data" else "")
    env = {"data": "XDG_DATA_HOME", "cache": "XDG_CACHE_HOME", "config": "XDG_CONFIG_HOME"}[kind]
    default = {"data": ".local/share", "cache": ".cache", "config": ".config"}[kind]
    return Path(os.environ.get(env) or Path.home() / default) / "kidcoder"


def data_dir() -> Path:
    """The user's data folder (projects, models). Created on demand."""
    return _ensure(_user_base("data"))


def cache_dir() -> Path:
    """Rebuildable things such as the search index: the user's cache folder, or, when that cannot
    be written (read-only home, a file in its place), a private one in the temporary folder."""
    folder = _ensure(_user_base("cache"))
    return folder if usable_folder(folder) else fallback_cache_dir()


def fallback_cache_dir() -> Path:
    """A private cache folder in the system's temporary folder (made for this user only). Never
    raises: where even that cannot be made, the path is returned and writing there fails clearly."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"kidcoder-cache-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        if folder.is_dir() and folder.stat().st_uid == uid:
            return folder
    except OSError:
        pass
    try:                                      # someone else's, or a file: a fresh one of our own
        return Path(tempfile.mkdtemp(prefix=f"kidcoder-cache-{uid}-"))
    except OSError:
        return folder


def usable_folder(folder: Path) -> bool:
    """A folder that exists and that this user may write in."""
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def config_dir() -> Path:
    """Where settings.json lives (made when settings are saved)."""
    return _user_base("config")


def user_folders() -> list:
    """KidCoder's own folders (settings, data, cache), whether they exist yet or not: a game may
    never be given write access to any of them."""
    return [_user_base(kind) for kind in ("config", "data", "cache")]


def projects_dir() -> Path:
    """The child's own programs."""
    return _ensure(data_dir() / "projects")


def models_dir() -> Path:
    """Where a teacher puts .gguf model files."""
    return _ensure(data_dir() / "models")


def _ensure(path: Path) -> Path:
    """Make the folder if it is missing; when that is not possible, the path is returned anyway."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return path
