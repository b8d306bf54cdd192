"""The picture and sound library shipped in assets/pictures and assets/sounds: the catalog and its search.

Pure (no pygame): the window's pickers, generate and the tests all ask here.
search("kitten") finds the cat, search("pinguino") the penguin, search("fruta")
every fruit; names count more than tags, and the child's own language first.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from kidcoder import paths
from kidcoder.knowledge.words import fold

PICTURE = "picture"
SOUND = "sound"
FOLDERS = {PICTURE: "images", SOUND: "sounds"}     # where a copied file goes in a child's project
_SEPARATORS = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class Entry:
    """One picture or sound: its file, names (the first is the one shown) and tags in both languages.

    role is "character" or "thing" for a picture (does it move by itself?),
    "effect" or "loop" for a sound; group is the shelf it sits on (animals, food, ...).
    """
    id: str
    kind: str
    file: str
    en: Tuple[str, ...]
    es: Tuple[str, ...]
    tags: Tuple[str, ...]
    role: str
    group: str
    colour: Optional[Tuple[int, int, int]] = None

    def name(self, lang: str) -> str:
        """The name a child reads, in lang."""
        return (self.es if lang == "es" else self.en)[0]

    @property
    def project_path(self) -> str:
        """Where the file goes in a child's project, as the game's code names it: "images/cat.png"."""
        return f"{FOLDERS[self.kind]}/{self.file}"

    @property
    def source(self) -> Path:
        """The shipped file."""
        return paths.assets_dir() / ("pictures" if self.kind == PICTURE else "sounds") / self.file


def normal(text: str) -> str:
    """Lower case, no accents, one space between words: "Pez_Tropical" -> "pez tropical"."""
    return _SEPARATORS.sub(" ", fold(text)).strip()


def singular_forms(word: str, lang: Optional[str] = None) -> Tuple[str, ...]:
    """The word and what it may be the plural of, in lang (both when None).

    English: "cherries" -> cherry, "wolves" -> wolf, "foxes" -> fox, "cats" -> cat; Spanish:
    "peces" -> pez, "leones" -> leon, "gatos" -> gato. A Spanish word is not
    made singular the English way ("antes" is not "ant").
    """
    forms = [word]
    english, spanish = lang in (None, "en"), lang in (None, "es")
    if len(word) > 3 and word.endswith("ies") and english:
        forms.append(word[:-3] + "y")
    if len(word) > 4 and word.endswith("ves") and english:      # "wolves" -> wolf, "knives" -> knife
        forms.extend((word[:-3] + "f", word[:-3] + "fe"))
    if len(word) > 3 and word.endswith("ces") and spanish:
        forms.append(word[:-3] + "z")
    if len(word) > 3 and word.endswith("es"):
        stem = word[:-2]
        if (english and stem.endswith(("s", "x", "z", "ch", "sh"))) or (spanish and stem[-1:] not in "aeiou"):
            forms.append(stem)
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        if english or word[-2:-1] in tuple("aeiou"):
            forms.append(word[:-1])
    return tuple(dict.fromkeys(forms))


def _phrase_forms(text: str, lang: Optional[str] = None) -> Tuple[str, ...]:
    """A name or query and its singular forms, the last word made singular ("ice creams" -> "ice cream")."""
    text = normal(text)
    head, _, last = text.rpartition(" ")
    return tuple(f"{head} {form}".strip() for form in singular_forms(last, lang)) if last else ()


@lru_cache(maxsize=None)
def _load(kind: str) -> Tuple[Entry, ...]:
    if kind == PICTURE:
        data = json.loads((paths.assets_dir() / "pictures" / "pictures.json").read_text(encoding="utf-8"))
        return tuple(Entry(item["id"], PICTURE, item["file"], tuple(item["en"]), tuple(item["es"]),
                           tuple(item["tags"]), item["kind"], item["group"], tuple(item["colour"]))
                     for item in data["pictures"])
    data = json.loads((paths.assets_dir() / "sounds" / "sounds.json").read_text(encoding="utf-8"))
    return tuple(Entry(item["id"], SOUND, item["file"], tuple(item["en"]), tuple(item["es"]), tuple(item["tags"]),
                       item["kind"], "loops" if item["kind"] == "loop" else "effects")
                 for item in data["sounds"])


def pictures() -> Tuple[Entry, ...]:
    """Every picture, in the library's order (grouped: animals, people, food, ...)."""
    return _load(PICTURE)


def sounds() -> Tuple[Entry, ...]:
    """Every sound: the effects, then the loops."""
    return _load(SOUND)


def entries(kind: str) -> Tuple[Entry, ...]:
    """pictures() or sounds()."""
    if kind not in FOLDERS:
        raise ValueError(f"kind must be {PICTURE!r} or {SOUND!r}, not {kind!r}")
    return _load(kind)


@lru_cache(maxsize=None)
def _by_id(kind: str) -> Dict[str, Entry]:
    return {entry.id: entry for entry in entries(kind)}


def find(kind: str, ident: str) -> Optional[Entry]:
    """The entry with this id ("cat"), or None."""
    return _by_id(kind).get(ident)


@lru_cache(maxsize=None)
def _words(kind: str) -> Tuple[Dict[str, Dict[str, List[Tuple[Entry, int]]]], Dict[str, List[Entry]]]:
    """{lang: {normal name: [(entry, rank: 0 for a first name, 1 for another)]}}, {normal tag: [entries]}."""
    names: Dict[str, Dict[str, List[Tuple[Entry, int]]]] = {"en": {}, "es": {}}
    tags: Dict[str, List[Entry]] = {}
    for entry in entries(kind):
        for lang, lang_names in (("en", entry.en), ("es", entry.es)):
            for rank, name in enumerate(lang_names):
                names[lang].setdefault(normal(name), []).append((entry, min(rank, 1)))
        for tag in entry.tags:
            tags.setdefault(normal(tag), []).append(entry)
    return names, tags


def name_match(word: str, kind: str = PICTURE) -> Optional[Tuple[Entry, str]]:
    """The entry a word (or its plural) names exactly, and the language of that name; None when none does."""
    names, _tags = _words(kind)
    found = [(hit, lang) for lang in ("en", "es") for form in _phrase_forms(word, lang)
             for hit in names[lang].get(form, [])]
    if not found:
        return None
    (entry, _rank), lang = min(found, key=lambda item: item[0][1])
    return entry, lang


def best_match(word: str, kind: str = PICTURE, fuzzy: bool = True) -> Optional[Entry]:
    """The one entry a word names, for made games: a name (plurals too), else a tag, else a close spelling.

    "kittens" -> cat, "pingüino" -> penguin, "fruta" -> apple (the first fruit), "dinosuar" -> dinosaur.
    """
    named = name_match(word, kind)
    if named is not None:
        return named[0]
    names, tags = _words(kind)
    for form in _phrase_forms(word):
        if tags.get(form):
            return tags[form][0]
    form = normal(word)
    if fuzzy and len(form) >= 5:
        every = {**names["es"], **names["en"]}
        close = difflib.get_close_matches(form, list(every), n=1, cutoff=0.85)
        if close:
            return min(every[close[0]], key=lambda hit: hit[1])[0]
    return None


def search(query: str, kind: str = PICTURE, lang: str = "en", limit: Optional[int] = None) -> List[Entry]:
    """Entries for a picker's search box, best first; an empty query gives everything in library order.

    Both languages are searched, accents and plurals do not matter, a name that
    starts with what was typed counts ("gat" finds the cat), and so do tags
    ("animal", "comida") and close spellings ("elefent").
    """
    query_forms = _phrase_forms(query)
    if not query_forms:
        found = list(entries(kind))
        return found[:limit] if limit else found
    scores: Dict[str, float] = {}
    order = {entry.id: index for index, entry in enumerate(entries(kind))}
    for entry in entries(kind):
        score = _score(entry, query_forms, lang)
        if score > 0:
            scores[entry.id] = score
    by_id = _by_id(kind)
    ranked = sorted(scores, key=lambda ident: (-scores[ident], order[ident]))
    found = [by_id[ident] for ident in ranked]
    return found[:limit] if limit else found


def _score(entry: Entry, query_forms: Iterable[str], lang: str) -> float:
    """How well an entry answers a query: 100 a whole name, 70 a name's start, 50 a tag, 30 a close spelling."""
    query_forms = tuple(query_forms)
    query = query_forms[0]
    best = 0.0
    own, other = (entry.es, entry.en) if lang == "es" else (entry.en, entry.es)
    for names, bonus in ((own, 2), (other, 0)):
        for rank, name in enumerate(names):
            name = normal(name)
            first = 3 if rank == 0 else 0
            if name in query_forms:
                best = max(best, 100 + bonus + first)
            elif len(query) >= 2 and (name.startswith(query) or f" {query}" in f" {name}"):
                best = max(best, 70 + bonus + first - len(name) / 100)
            elif len(query) >= 4 and difflib.SequenceMatcher(None, query, name).ratio() >= 0.8:
                best = max(best, 30 + bonus)
    for tag in entry.tags:
        tag = normal(tag)
        if tag in query_forms:
            best = max(best, 50)
        elif len(query) >= 3 and tag.startswith(query):
            best = max(best, 40)
    return best
