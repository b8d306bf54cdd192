"""Knowledge cards: Markdown files with a small front matter, read into Card objects.

Pure apart from reading the files: no whoosh, no pygame. The front matter is a tiny
subset of YAML (``key: value`` and ``key: [a, b, c]``) parsed here, so KidCoder needs
no YAML library. A card that cannot be read raises CardError naming the file, so a
card writer sees at once which file to fix.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from kidcoder import paths

REQUIRED_FIELDS = ("id", "title", "tags", "level", "related")
LIST_FIELDS = ("tags", "related")
_FENCE_RE = re.compile(r"^```([A-Za-z0-9_+-]*)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class CardError(ValueError):
    """A card file that does not follow the card format; the message names the file."""


@dataclass(frozen=True)
class Card:
    """One knowledge card: a short explanation for children and one code example."""

    id: str
    title: str
    tags: Tuple[str, ...]
    level: int
    related: Tuple[str, ...]
    body: str
    code: str
    lang: str
    path: Optional[Path] = field(default=None, compare=False)


def parse_inline_list(value: str) -> List[str]:
    """``[a, "b, c", 'd']`` -> ["a", "b, c", "d"]; a bare value gives a one-item list."""
    value = value.strip()
    if not (value.startswith("[") and value.endswith("]")):
        return [_unquote(value)] if value else []
    items, current, quote = [], [], None
    for char in value[1:-1]:
        if quote:
            if char == quote:
                quote = None
            else:
                current.append(char)
        elif char in "\"'" and not "".join(current).strip():
            quote = char
            current = []
        elif char == ",":
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if quote:
        raise ValueError("a quote is not closed")
    items.append("".join(current).strip())
    return [item for item in items if item]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> Tuple[Dict[str, str], str]:
    """The raw ``key: value`` pairs between the two ``---`` lines, and the rest of the text."""
    text = text.lstrip("\ufeff")
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("the card must start with a line '---'")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise ValueError("the front matter has no closing '---' line") from None
    meta: Dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"line {number} should look like 'key: value'")
        meta[key.strip()] = value.strip()
    return meta, "\n".join(lines[end + 1:])


def code_blocks(markdown: str) -> List[Tuple[str, str]]:
    """Every fenced block in the text as (language, code)."""
    return [(m.group(1).lower(), m.group(2)) for m in _FENCE_RE.finditer(markdown)]


def parse_card(text: str, lang: str, path: Optional[Path] = None) -> Card:
    """A Card from the text of a card file; CardError (naming the file) when it is malformed."""
    where = str(path) if path else "<card>"
    try:
        meta, rest = split_front_matter(text)
        missing = [name for name in REQUIRED_FIELDS if name not in meta]
        if missing:
            raise ValueError("missing " + ", ".join(missing))
        values = {name: parse_inline_list(meta[name]) if name in LIST_FIELDS else _unquote(meta[name])
                  for name in REQUIRED_FIELDS}
        if not _ID_RE.match(values["id"]):
            raise ValueError(f"id {values['id']!r} should be lower-case words joined by '-'")
        if not values["title"]:
            raise ValueError("the title is empty")
        try:
            level = int(values["level"])
        except ValueError:
            raise ValueError(f"level {values['level']!r} is not a whole number") from None
    except ValueError as exc:
        raise CardError(f"{where}: {exc}") from None
    python = [code for kind, code in code_blocks(rest) if kind in ("python", "py")]
    code = python[0] if python else ""
    body = _FENCE_RE.sub("", rest, count=1) if python else rest
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return Card(id=values["id"], title=values["title"], tags=tuple(values["tags"]), level=level,
                related=tuple(values["related"]), body=body, code=code.rstrip() + "\n" if code else "",
                lang=lang, path=path)


def cards_folder(lang: str, folder: Optional[Path] = None) -> Path:
    """The folder holding one language's cards: folder/lang if it exists, else folder itself.

    folder defaults to the shipped knowledge/ folder.
    """
    base = Path(folder) if folder is not None else paths.knowledge_dir()
    return base / lang if (base / lang).is_dir() or not base.is_dir() else base


def card_files(lang: str, folder: Optional[Path] = None) -> List[Path]:
    """The card files of one language, sorted by name."""
    where = cards_folder(lang, folder)
    return sorted(where.glob("*.md")) if where.is_dir() else []


def load_cards(lang: str, folder: Optional[Path] = None, errors: Optional[List[str]] = None) -> List[Card]:
    """All cards of one language (``folder`` is the knowledge root or the language folder).

    A malformed card raises CardError, unless an ``errors`` list is given: then the card is
    skipped and the message added to the list (the running app keeps its other cards).
    """
    cards = []
    for path in card_files(lang, folder):
        try:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CardError(f"{path}: cannot be read ({exc})") from None
            cards.append(parse_card(text, lang, path))
        except CardError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    return cards


_by_id_cache: Dict[Tuple[str, str], Tuple[Tuple, Dict[str, Card]]] = {}


def _signature(files: List[Path]) -> Tuple:
    out = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def cards_by_id(lang: str, folder: Optional[Path] = None) -> Dict[str, Card]:
    """{id: Card} for one language, skipping malformed cards; read again only when a card file changes."""
    key = (lang, str(cards_folder(lang, folder)))
    files = card_files(lang, folder)
    signature = _signature(files)
    cached = _by_id_cache.get(key)
    if cached and cached[0] == signature:
        return dict(cached[1])
    cards = {card.id: card for card in load_cards(lang, folder, errors=[])}
    _by_id_cache[key] = (signature, cards)
    return dict(cards)


def content_hash(folder: Optional[Path] = None, langs: Tuple[str, ...] = ("en", "es"), salt: str = "") -> str:
    """A hash of every card file's name and bytes: it changes whenever any card changes."""
    digest = hashlib.sha256(salt.encode("utf-8"))
    for lang in langs:
        for path in card_files(lang, folder):
            digest.update(f"{lang}/{path.name}\0".encode("utf-8"))
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<unreadable>")
            digest.update(b"\0")
    return digest.hexdigest()


def word_count(text: str) -> int:
    """Words a child reads: pieces between spaces with a letter or digit in them (`code` counts as one)."""
    return sum(1 for piece in text.split() if re.search(r"\w", piece))
