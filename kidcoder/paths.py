"""Where KidCoder keeps things: its own assets and cards, and the user's data, cache and settings.

Everything works both from a checkout and from an installed wheel; KIDCODER_HOME
moves all user folders under one directory (tests and portable installs use it).
"""
from __future__ import annotations

import os
import sys
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
    """Rebuildable things such as the search index."""
    return _ensure(_user_base("cache"))


def config_dir() -> Path:
    """Where settings.json lives."""
    return _ensure(_user_base("config"))


def projects_dir() -> Path:
    """The child's own programs."""
    return _ensure(data_dir() / "projects")


def models_dir() -> Path:
    """Where a teacher puts .gguf model files."""
    return _ensure(data_dir() / "models")


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
