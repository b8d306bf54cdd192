"""The Whoosh search index over the knowledge cards (the only module that imports whoosh).

One index holds both languages: English cards fill the *_en fields (English stemmer),
Spanish cards the *_es fields (Spanish stemmer); the code field splits identifiers the
same way for both. The index lives in the user's cache folder under the cards' content
hash, so a changed card gives a new index and a damaged one is simply built again.
Questions go through words.topic_words() first, and a word the index does not know
is looked up with fuzzy terms, so "jummp" still finds jumping.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import threading
import time
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from whoosh import index as whoosh_index
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.filters import STOP_WORDS
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.lang import stopwords_for_language
from whoosh.query import FuzzyTerm, Or, Term
from whoosh.scoring import BM25F
from whoosh.support.charset import accent_map

from kidcoder import paths
from kidcoder.knowledge import cards as knowledge
from kidcoder.knowledge import words

LANGS = ("en", "es")
# Part of the content hash: change it whenever the schema or the analyzers change.
SCHEMA_VERSION = "kidcoder-index-5"
MANIFEST = "kidcoder-index.json"
TITLE_BOOST, TAGS_BOOST, BODY_BOOST, CODE_BOOST = 3.0, 2.0, 1.0, 0.6
NAME_BOOST = 2.0        # the title's head ("Lists" in "Lists - many things in one variable")
FUZZY_BOOST = 0.6
CORRECTED_BOOST = 0.8
MAX_CORRECTIONS = 2
LONG_WORD = 8           # words this long may be two edits away from the right spelling
ID_BOOST = 10.0
_PYTHON_WORDS = {"and", "or", "not", "if", "for", "in", "is", "as", "with", "from", "while", "else", "y", "o",
                 "no", "si", "x"}


class IdentifierSplitFilter(Filter):
    """Adds the parts of identifiers: get_pressed -> get_pressed, get, pressed; NameError -> name, error."""

    def __call__(self, tokens):
        for token in tokens:
            parts = split_identifier(token.text)
            yield token
            if len(parts) > 1:
                for part in parts:
                    extra = token.copy()
                    extra.text = part
                    yield extra


_CAMEL_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def split_identifier(name: str) -> List[str]:
    """The word parts of an identifier (two letters or more): K_SPACE -> [space], getPixel -> [get, pixel]."""
    parts = []
    for chunk in name.split("_"):
        pieces = _CAMEL_RE.findall(chunk) or [chunk]
        parts.extend(piece for piece in pieces if len(piece) >= 2)
    return parts if len(parts) > 1 or (parts and parts[0] != name) else []


def _index_stops(lang: str) -> frozenset:
    base = STOP_WORDS if lang == "en" else stopwords_for_language("es")
    return frozenset(words.fold(word) for word in base) - _PYTHON_WORDS


@lru_cache(maxsize=None)
def text_analyzer(lang: str):
    """Words of a card or question in one language: identifiers split, lower case, no accents, stemmed."""
    return (RegexTokenizer(r"\w+") | IdentifierSplitFilter() | LowercaseFilter() | CharsetFilter(accent_map)
            | StopFilter(stoplist=_index_stops(lang), minsize=1) | StemFilter(lang=lang))


@lru_cache(maxsize=None)
def code_analyzer():
    """Identifiers in code: pygame.key.get_pressed -> pygame, key, get_pressed, get, pressed."""
    return RegexTokenizer(r"\w+") | IdentifierSplitFilter() | LowercaseFilter()


def card_schema() -> Schema:
    fields = {"key": ID(stored=True, unique=True), "id": ID(stored=True), "lang": ID(stored=True),
              "title": STORED(), "code": TEXT(analyzer=code_analyzer(), field_boost=CODE_BOOST, phrase=False)}
    for lang in LANGS:
        analyzer = text_analyzer(lang)
        fields[f"name_{lang}"] = TEXT(analyzer=analyzer, field_boost=NAME_BOOST, phrase=False)
        fields[f"title_{lang}"] = TEXT(analyzer=analyzer, field_boost=TITLE_BOOST, phrase=False,
                                       spelling=True)
        fields[f"tags_{lang}"] = TEXT(analyzer=analyzer, field_boost=TAGS_BOOST, phrase=False,
                                       spelling=True)
        fields[f"body_{lang}"] = TEXT(analyzer=analyzer, field_boost=BODY_BOOST, phrase=False,
                                       spelling=True)
    return Schema(**fields)


def weighting() -> BM25F:
    """BM25F without length normalisation for tags: a card with more synonyms is not a worse match."""
    return BM25F(**{f"tags_{lang}_B": 0.0 for lang in LANGS})


@dataclass(frozen=True)
class Hit:
    """One card found by a search, best first."""

    card_id: str
    title: str
    score: float
    lang: str
    strong: bool = True     # the title or the tags matched, not only the body or the code


# ---------------------------------------------------------------- queries

class _QueryBuilder:
    """Turns topic words into one Or query over some text fields, with fuzzy terms for unknown words."""

    def __init__(self, reader, text_fields: Dict[str, Sequence[str]], code_field: Optional[str] = None):
        self.reader = reader
        self.text_fields = text_fields          # lang -> field names analysed with that lang
        self.code_field = code_field
        self._analyzers = {lang: text_analyzer(lang) for lang in text_fields}
        self._code = code_analyzer()

    def _known(self, field: str, text: str) -> bool:
        try:
            return self.reader.doc_frequency(field, text) > 0
        except (KeyError, ValueError):
            return False

    def word_clauses(self, word: str, weight: float = 1.0, correct: bool = True) -> List:
        """Every way one word can match. A word the index does not know is spelled right first
        (Whoosh's spelling fields hold the unstemmed words); failing that, fuzzy terms are used."""
        exact, candidates = [], []
        for lang, fields in self.text_fields.items():
            for stem in {token.text for token in self._analyzers[lang](word)}:
                for field in fields:
                    candidates.append((field, stem))
                    if self._known(field, stem):
                        exact.append(Term(field, stem, boost=weight))
        if self.code_field:
            for token in {token.text for token in self._code(word)}:
                if self._known(self.code_field, token):
                    exact.append(Term(self.code_field, token, boost=weight))
        if exact or not correct:
            return exact
        for fields in self.text_fields.values():
            for corrected in self.correct(word, fields):
                exact.extend(self.word_clauses(corrected, weight * CORRECTED_BOOST, correct=False))
        if exact:
            return exact
        fuzzy = []
        for field, stem in candidates:
            if len(stem) >= 4:
                fuzzy.append(FuzzyTerm(field, stem, boost=weight * FUZZY_BOOST, prefixlength=1, constantscore=False,
                                       maxdist=1 if len(stem) < LONG_WORD else 2))
        return fuzzy

    def correct(self, word: str, fields: Sequence[str]) -> List[str]:
        """Known words nearest to a misspelled one: the fewest edits (two only for long words), the
        most used first. "collsion" -> [collision, colision]: both, as tags hold kid spellings too."""
        if len(word) < 4:
            return []
        for distance in ((1,) if len(word) < LONG_WORD else (1, 2)):
            uses: Dict[str, int] = {}
            for field in fields:
                if not self.reader.schema[field].separate_spelling():
                    continue
                spelling = self.reader.schema[field].spelling_fieldname(field)
                try:
                    for suggestion in self.reader.terms_within(spelling, word, distance, prefix=1):
                        uses[suggestion] = uses.get(suggestion, 0) + int(self.reader.frequency(spelling, suggestion))
                except (KeyError, ValueError):
                    continue
            uses.pop(word, None)
            if uses:
                return sorted(uses, key=lambda w: (-uses[w], w))[:MAX_CORRECTIONS]
        return []

    def query(self, topic: Iterable[Tuple[str, float]], weight: float = 1.0):
        """One Or over every word's clauses; topic is (word, weight) pairs from words.weighted_topic_words()."""
        clauses = []
        for word, word_weight in topic:
            clauses.extend(self.word_clauses(word, weight * word_weight))
        return Or(clauses) if clauses else None


def error_card_id(error_type: str) -> str:
    """NameError -> name-error, ZeroDivisionError -> zero-division-error (the cards' id style)."""
    name = (error_type or "").rsplit(".", 1)[-1]
    return "-".join(part.lower() for part in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", name))


# ---------------------------------------------------------------- the card index

class KnowledgeIndex:
    """The knowledge cards, searchable by question or by code context; builds itself when needed.

    Safe to share between threads. ensure_ready() blocks until the index can answer;
    start_background() does the same work in a thread so the window never waits.
    """

    def __init__(self, index_dir=None, cards_dir=None):
        self.root = Path(index_dir) if index_dir else paths.cache_dir() / "knowledge-index"
        self.cards_dir = Path(cards_dir) if cards_dir else paths.knowledge_dir()
        self._lock = threading.RLock()
        self._thread: Optional[threading.Thread] = None
        self._ix = None
        self._searcher = None
        self._hash: Optional[str] = None
        self.path: Optional[Path] = None
        self.card_count = 0
        self.built = False          # True when this object built the index (rather than opened one)
        self.build_seconds = 0.0
        self.error: Optional[str] = None
        self.card_errors: List[str] = []   # malformed cards left out of the last build

    # -- lifecycle
    @property
    def ready(self) -> bool:
        return self._searcher is not None

    def start_background(self) -> threading.Thread:
        """Open or build the index in a daemon thread; returns the thread (already started)."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._background, name="kidcoder-index", daemon=True)
                self._thread.start()
            return self._thread

    def _background(self) -> None:
        try:
            self.ensure_ready()
        except Exception as exc:  # reported through .error; the next ensure_ready() tries again
            self.error = f"{type(exc).__name__}: {exc}"

    def ensure_ready(self) -> "KnowledgeIndex":
        """Open the index for the current cards, building it first when it is missing, old or damaged."""
        with self._lock:
            if self._searcher is not None:
                return self
            digest = knowledge.content_hash(self.cards_dir, LANGS, salt=SCHEMA_VERSION)
            folder = self.root / digest[:20]
            if not self._open(folder, digest):
                self._build(folder, digest)
                if not self._open(folder, digest):
                    raise RuntimeError(f"the index in {folder} cannot be opened after building it")
            self._cleanup_old(keep=folder)
            self.error = None
            return self

    def rebuild(self) -> "KnowledgeIndex":
        """Throw the current index away and build it again from the cards."""
        with self._lock:
            self.close()
            digest = knowledge.content_hash(self.cards_dir, LANGS, salt=SCHEMA_VERSION)
            folder = self.root / digest[:20]
            shutil.rmtree(folder, ignore_errors=True)
            return self.ensure_ready()

    def reload_if_changed(self) -> bool:
        """Reopen (and rebuild) when a card file changed since the index was opened; True if it did."""
        with self._lock:
            if self._hash and self._hash == knowledge.content_hash(self.cards_dir, LANGS, salt=SCHEMA_VERSION):
                return False
            self.close()
            self.ensure_ready()
            return True

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except Exception:
                    pass
            self._searcher = self._ix = None
            self._hash = None

    def _open(self, folder: Path, digest: str) -> bool:
        opened = _try_open(folder, digest)
        if opened is None:
            return False
        self._ix, self._searcher, cards = opened
        self._hash, self.path, self.card_count = digest, folder, cards
        return True

    def _build(self, folder: Path, digest: str) -> None:
        started = time.perf_counter()
        self.root.mkdir(parents=True, exist_ok=True)
        errors: List[str] = []
        cards = [card for lang in LANGS for card in knowledge.load_cards(lang, self.cards_dir, errors)]
        self.card_errors = errors
        temp = self.root / f".build-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        temp.mkdir()
        try:
            ix = whoosh_index.create_in(str(temp), card_schema())
            writer = ix.writer()
            for card in cards:
                writer.add_document(**card_document(card))
            writer.commit()
            (temp / MANIFEST).write_text(json.dumps({"hash": digest, "cards": len(cards),
                                                     "schema": SCHEMA_VERSION}), encoding="utf-8")
            winner = _try_open(folder, digest)
            if winner is not None:           # another process built the same cards meanwhile: use theirs
                winner[1].close()
            else:
                shutil.rmtree(folder, ignore_errors=True)     # a damaged earlier build
                try:
                    os.rename(temp, folder)
                except OSError:
                    if not (folder / MANIFEST).exists():    # not simply another process winning the race
                        raise
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        self.built = True
        self.build_seconds = time.perf_counter() - started

    def _cleanup_old(self, keep: Path) -> None:
        """Remove indexes of older card sets (best effort: another process may still read one)."""
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry == keep or not entry.is_dir():
                continue
            if entry.name.startswith(".build-") and time.time() - entry.stat().st_mtime < 600:
                continue   # another process may be building right now
            shutil.rmtree(entry, ignore_errors=True)

    # -- searching
    def _run(self, make_query, lang: str, limit: int) -> List[Hit]:
        for attempt in (1, 2):
            self.ensure_ready()
            with self._lock:
                try:
                    query = make_query(_QueryBuilder(self._searcher.reader(), _card_fields(lang), "code"))
                    if query is None:
                        return []
                    results = self._searcher.search(query, limit=limit, filter=Term("lang", lang), terms=True)
                    return [Hit(r["id"], r["title"], float(r.score), r["lang"], _strong(r)) for r in results]
                except Exception:
                    if attempt == 2:
                        raise
                    self.close()       # damaged after it was opened: build it again
                    if self.path:
                        shutil.rmtree(self.path, ignore_errors=True)
        return []

    def search(self, question: str, lang: str, limit: int = 3) -> List[Hit]:
        """The cards that best answer a child's question, best first (empty when nothing matches)."""
        lang = lang if lang in LANGS else "en"
        topic = words.weighted_topic_words(question, lang)
        return self._run(lambda builder: builder.query(topic), lang, limit) if topic else []

    def search_code(self, error_type: Optional[str], identifiers: Sequence[str], lang: str,
                    limit: int = 3) -> List[Hit]:
        """The cards about an error and the names around the line where it happened."""
        lang = lang if lang in LANGS else "en"
        card_id = error_card_id(error_type) if error_type else ""
        idents = list({name.strip().lower(): name.strip()
                       for name in identifiers or [] if name and name.strip()}.values())

        def make(builder: _QueryBuilder):
            clauses = [Term("id", card_id, boost=ID_BOOST)] if card_id else []
            if error_type:
                clauses.extend(builder.word_clauses(error_type.rsplit(".", 1)[-1], 1.0))
            for name in idents:
                clauses.extend(builder.word_clauses(name, 0.5))
            return Or(clauses) if clauses else None

        return self._run(make, lang, limit)


def _try_open(folder: Path, digest: str):
    """(index, searcher, card count) for a complete, undamaged index of these cards, else None."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("hash") != digest:
            return None
        ix = whoosh_index.open_dir(str(folder))
        if ix.doc_count() != manifest.get("cards"):
            return None
        searcher = ix.searcher(weighting=weighting())
        searcher.search(Term("lang", "en"), limit=1)   # touch the postings: damage shows here
    except Exception:
        return None
    return ix, searcher, manifest["cards"]


def _strong(result) -> bool:
    return any(field.startswith(("name_", "title_", "tags_", "id")) for field, _ in result.matched_terms())


def _card_fields(lang: str) -> Dict[str, Sequence[str]]:
    return {lang: (f"name_{lang}", f"title_{lang}", f"tags_{lang}", f"body_{lang}")}


def title_head(title: str) -> str:
    """What a card is about, from its title: "Lists - many things" -> "Lists", "Rect y choques (colisiones)"
    -> "Rect y choques"."""
    return re.split(r"\s[-–—:]\s|:\s|\s\(", title, maxsplit=1)[0].strip()


def card_document(card: knowledge.Card) -> Dict[str, str]:
    """The fields Whoosh stores and searches for one card."""
    lang = card.lang if card.lang in LANGS else "en"
    return {"key": f"{lang}/{card.id}", "id": card.id, "lang": lang, "title": card.title,
            f"name_{lang}": title_head(card.title), f"title_{lang}": card.title, f"tags_{lang}": " ; ".join(card.tags), f"body_{lang}": card.body,
            "code": card.code}


_shared: Optional[KnowledgeIndex] = None
_shared_lock = threading.Lock()


def shared_index() -> KnowledgeIndex:
    """The process's one KnowledgeIndex over the shipped cards, created on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = KnowledgeIndex()
        return _shared


def rebuild_index(force: bool = False) -> Dict[str, object]:
    """`kidcoder index [--rebuild]`: make sure the index is ready (force: build it again)."""
    started = time.perf_counter()
    index = KnowledgeIndex()
    if force:
        index.rebuild()
    else:
        index.ensure_ready()
    result = {"cards": index.card_count, "path": str(index.path), "rebuilt": index.built,
              "seconds": round(time.perf_counter() - started, 3)}
    index.close()
    return result


# ---------------------------------------------------------------- templates (for generate.py)

class TemplateIndex:
    """A small in-memory index of game templates, to pick the one a description asks for.

    entries: [{"id": str, "text_en": str, "text_es": str}]. best() returns (id, score) for the
    best match, or None when no word of the description matches any template. The score is
    Whoosh's BM25F score: higher is better, comparable only between calls on the same index.
    """

    def __init__(self, entries: Sequence[Dict[str, str]]):
        schema = Schema(id=ID(stored=True, unique=True),
                        text_en=TEXT(analyzer=text_analyzer("en"), phrase=False, spelling=True),
                        text_es=TEXT(analyzer=text_analyzer("es"), phrase=False, spelling=True))
        self._ix = RamStorage().create_index(schema)
        writer = self._ix.writer()
        for entry in entries:
            writer.add_document(id=str(entry["id"]), text_en=entry.get("text_en", ""),
                                text_es=entry.get("text_es", ""))
        writer.commit()
        self._searcher = self._ix.searcher()
        self._lock = threading.Lock()

    def best(self, description: str, lang: str) -> Optional[Tuple[str, float]]:
        lang = lang if lang in LANGS else "en"
        other = "es" if lang == "en" else "en"
        topic = words.weighted_topic_words(description, lang)
        if not topic:
            return None
        with self._lock:
            own = _QueryBuilder(self._searcher.reader(), {lang: (f"text_{lang}",)})
            foreign = _QueryBuilder(self._searcher.reader(), {other: (f"text_{other}",)})
            clauses = [q for q in (own.query(topic), foreign.query(words.weighted_topic_words(description, other), 0.5))
                       if q is not None]
            if not clauses:
                return None
            results = self._searcher.search(Or(clauses), limit=1)
            if not results:
                return None
            return results[0]["id"], float(results[0].score)
