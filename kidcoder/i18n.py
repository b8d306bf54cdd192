"""tr(key, **values): every message a child reads, in English or Spanish.

Catalogs are JSON files in assets/i18n/<lang>/*.json (one file per area, merged),
so each part of the program keeps its own words. A missing Spanish text falls
back to English, a missing key shows the key (tests catch those).
tr() remembers the key and values of the texts it gave lately, so text already
on the screen can be said again in another language: retranslate(text).
"""
from __future__ import annotations

import json
import re
import threading
from typing import Dict, Optional

from kidcoder import paths

LANGUAGES = ("en", "es")
_catalogs: Dict[str, Dict[str, str]] = {}
_current = "en"
_key_names: Dict[str, str] = {}
_F_KEY = re.compile(r"\bF(?:1[0-2]|[1-9])\b")


def set_language(lang: str) -> None:
    """Choose the language used when tr() is called without lang=."""
    global _current
    _current = lang if lang in LANGUAGES else "en"


def current_language() -> str:
    return _current


def catalog(lang: str) -> Dict[str, str]:
    """All texts of one language, loaded once."""
    if lang not in _catalogs:
        merged: Dict[str, str] = {}
        folder = paths.assets_dir() / "i18n" / lang
        for file in sorted(folder.glob("*.json")):
            merged.update(json.loads(file.read_text(encoding="utf-8")))
        _catalogs[lang] = merged
    return _catalogs[lang]


def set_key_names(names: Dict[str, str]) -> None:
    """Write some keys differently in every text: inside Sugar its shell takes F1-F6, so "F5" is written
    as the window's other key for the same thing ({"F5": "Ctrl+R"}). {} writes the keys as they are."""
    global _key_names
    _key_names = dict(names)


def has_key(key: str, lang: str = "en") -> bool:
    return key in catalog(lang)


_said: Dict[str, tuple] = {}     # text tr() gave -> (key, values), newest last (for retranslate)
_said_lock = threading.Lock()
SAID_MEMORY = 2000


def tr(key: str, lang: Optional[str] = None, **values) -> str:
    """The text for key in lang (default: the current language), with {names} filled in."""
    lang = lang or _current
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    if _key_names:
        text = _F_KEY.sub(lambda match: _key_names.get(match.group(0), match.group(0)), text)
    if values:
        try:
            text = text.format(**values)
        except (KeyError, IndexError, ValueError):
            pass
    _remember(text, key, values)
    return text


def _remember(text: str, key: str, values: Dict[str, object]) -> None:
    said = (key, values)
    if _said.get(text) == said:
        return
    with _said_lock:
        _said.pop(text, None)
        _said[text] = said
        if len(_said) > SAID_MEMORY:
            for old in list(_said)[:SAID_MEMORY // 4]:
                del _said[old]


def retranslate(text, lang: Optional[str] = None):
    """Text tr() gave (lately) said again in lang (default: the current one), its values too; any other
    text as it is. The window uses it for the words already on the screen when the language changes."""
    said = _said.get(text) if isinstance(text, str) else None
    if said is None:
        return text
    key, values = said
    return tr(key, lang, **{name: retranslate(value, lang) for name, value in values.items()})
