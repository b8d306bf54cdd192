"""The on-disk index of the knowledge cards: built when missing, old or damaged, then searched.

The index lives in the user's cache folder under the cards' content hash, so a changed
card gives a new index and a damaged one is simply built again. When that folder cannot be
written (a file in its place, a read-only home, a full disk) the index is built in a private
cache folder in the system's temporary folder instead.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from kidcoder.knowledge.index.whoosh_parts import Or, Term, whoosh_index

from kidcoder import paths
from kidcoder.knowledge import cards as knowledge
from kidcoder.knowledge import words
from kidcoder.knowledge.index.analysis import LANGS, SCHEMA_VERSION, card_schema, weighting
from kidcoder.knowledge.index.query import QueryBuilder, error_card_id, vocabulary
from kidcoder.knowledge.index import whole_tags
from kidcoder.knowledge.spelling import SoundAlikes

MANIFEST = "kidcoder-index.json"
ID_BOOST = 10.0


@dataclass(frozen=True)
class Hit:
    """One card found by a search, best first."""

    card_id: str
    title: str
    score: float
    lang: str
    strong: bool = True     # the title or the tags matched, not only the body or the code


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
        self._sounds: Dict[tuple, SoundAlikes] = {}     # (cards' hash, lang) -> the cards' words by sound

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
                folder = self._build_somewhere(digest)
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

    def _build_somewhere(self, digest: str) -> Path:
        """Build in the cache folder, or, when it cannot be written, in the fallback one; returns where."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if not paths.usable_folder(self.root):
                raise NotADirectoryError(f"{self.root} cannot hold the index")
            self._build(self.root / digest[:20], digest)
        except OSError:
            fallback = paths.fallback_cache_dir() / "knowledge-index"
            if fallback == self.root:
                raise
            self.root = fallback
            self.root.mkdir(parents=True, exist_ok=True)
            built = _try_open(self.root / digest[:20], digest)      # by an earlier run, maybe
            if built is None:
                self._build(self.root / digest[:20], digest)
            else:
                built[1].close()
        return self.root / digest[:20]

    def _build(self, folder: Path, digest: str) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        with _build_lock(self.root):
            winner = _try_open(folder, digest)
            if winner is not None:           # another builder finished while this one waited
                winner[1].close()
                return
            self._build_unlocked(folder, digest)

    def _build_unlocked(self, folder: Path, digest: str) -> None:
        started = time.perf_counter()
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
    def _run(self, make_query, lang: str, limit: int, rescore=None) -> List[Hit]:
        """rescore: what a result's score is multiplied by (its stored fields -> factor), or None."""
        for attempt in (1, 2):
            self.ensure_ready()
            with self._lock:
                try:
                    query = make_query(QueryBuilder(self._searcher.reader(), _card_fields(lang), "code"))
                    if query is None:
                        return []
                    results = self._searcher.search(query, limit=limit + (whole_tags.EXTRA_HITS if rescore else 0),
                                                    filter=Term("lang", lang), terms=True)
                    hits = [Hit(r["id"], r["title"], float(r.score) * (rescore(r) if rescore else 1.0), r["lang"],
                                _strong(r)) for r in results]
                    return sorted(hits, key=lambda hit: -hit.score)[:limit]
                except Exception:
                    if attempt == 2:
                        raise
                    self.close()       # damaged after it was opened: build it again
                    if self.path:
                        shutil.rmtree(self.path, ignore_errors=True)
        return []

    def sound_alikes(self, lang: str) -> SoundAlikes:
        """The words of lang's cards by sound, to respell a child's question (built once per card set)."""
        self.ensure_ready()
        with self._lock:
            key = (self._hash, lang)
            if key not in self._sounds:
                reader = self._searcher.reader()
                tags_only = set(vocabulary(reader, (f"tags_{lang}",))) - set(vocabulary(reader, (f"title_{lang}",
                                                                                              f"body_{lang}")))
                pairs = whole_tags.two_word_tags(fields.get("tag_stems") or "" for fields in reader.all_stored_fields()
                                                 if fields.get("lang") == lang)
                self._sounds = {key: SoundAlikes(vocabulary(reader, (f"title_{lang}", f"tags_{lang}", f"body_{lang}")),
                                                 vocabulary(reader, (f"title_{lang}", f"tags_{lang}")), lang,
                                                 tags_only, whole_tags.said_apart(pairs, lang)),
                                **{k: v for k, v in self._sounds.items() if k[0] == self._hash}}
            return self._sounds[key]

    def search(self, question: str, lang: str, limit: int = 3, by_sound: bool = True) -> List[Hit]:
        """The cards that best answer a child's question, best first (empty when nothing matches). by_sound:
        words the cards never use are first read by their sound ("hw du i mak a lup": how do i make a loop);
        not for a question in another language (Spanish words read by English sounds become nonsense)."""
        lang = lang if lang in LANGS else "en"
        asked: List = []

        def make(builder: QueryBuilder):      # inside the retry: the cards' words are read from the index
            topic = (self.sound_alikes(lang).topic(question) if by_sound
                     else words.weighted_topic_words(question, lang))
            asked[:] = whole_tags.topic_stems(topic, lang)
            return builder.query(topic)

        def rescore(result) -> float:         # a tag said whole ranks above a word of a longer tag
            return whole_tags.boost(asked, result.get("tag_stems") or "")

        return self._run(make, lang, limit, rescore)

    def search_code(self, error_type: Optional[str], identifiers: Sequence[str], lang: str,
                    limit: int = 3) -> List[Hit]:
        """The cards about an error and the names around the line where it happened."""
        lang = lang if lang in LANGS else "en"
        card_id = error_card_id(error_type) if error_type else ""
        idents = list({name.strip().lower(): name.strip()
                       for name in identifiers or [] if name and name.strip()}.values())

        def make(builder: QueryBuilder):
            clauses = [Term("id", card_id, boost=ID_BOOST)] if card_id else []
            if error_type:
                clauses.extend(builder.word_clauses(error_type.rsplit(".", 1)[-1], 1.0))
            for name in idents:
                clauses.extend(builder.word_clauses(name, 0.5))
            return Or(clauses) if clauses else None

        return self._run(make, lang, limit)


@contextlib.contextmanager
def _build_lock(root: Path):
    """Only one builder at a time, across threads and processes, so none removes another's fresh index."""
    try:
        import fcntl
    except ImportError:                      # not on Linux: the rename below is still atomic
        yield
        return
    with open(root / ".build.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
            f"name_{lang}": title_head(card.title), f"title_{lang}": card.title, f"tags_{lang}": " ; ".join(card.tags),
            "tag_stems": whole_tags.tag_stems(card.tags, lang), f"body_{lang}": card.body, "code": card.code}


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
