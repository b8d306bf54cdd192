"""tr(key, **values): every message a child reads, in English or Spanish.

Catalogs are JSON files in assets/i18n/<lang>/*.json (one file per area, merged),
so each part of the program keeps its own words. A missing Spanish text falls
back to English, a missing key shows the key (tests catch those).
What tr() returns remembers its key and values (a Translated string), so text
already on the screen can be said again in another language: retranslate().
"""
from __future__ import annotations

import json
from typing import Dict, Optional

from kidcoder import paths

LANGUAGES = ("en", "es")
_catalogs: Dict[str, Dict[str, str]] = {}
_current = "en"


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


def has_key(key: str, lang: str = "en") -> bool:
    return key in catalog(lang)


class Translated(str):
    """A str from tr() that remembers its key and values (for retranslate())."""

    __slots__ = ("key", "values")

    def __new__(cls, text: str, key: str, values: Dict[str, object]):
        made = super().__new__(cls, text)
        made.key, made.values = key, values
        return made

    def __reduce__(self):
        return str, (str(self),)        # across processes it is plain text


def tr(key: str, lang: Optional[str] = None, **values) -> str:
    """The text for key in lang (default: the current language), with {names} filled in."""
    lang = lang or _current
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    if values:
        try:
            text = text.format(**values)
        except (KeyError, IndexError, ValueError):
            pass
    return Translated(text, key, values)


def retranslate(text, lang: Optional[str] = None):
    """Text from tr() said again in lang (default: the current one), its values too; other text as it is."""
    if not isinstance(text, Translated):
        return text
    return tr(text.key, lang, **{name: retranslate(value, lang) for name, value in text.values.items()})
