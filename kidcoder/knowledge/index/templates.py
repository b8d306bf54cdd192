"""A small in-memory Whoosh index of the game templates, so `generate` can pick the one a description asks for."""
from __future__ import annotations

import threading
from typing import Dict, Optional, Sequence, Tuple

from kidcoder.knowledge.index.whoosh_parts import ID, TEXT, Or, RamStorage, Schema

from kidcoder.knowledge import words
from kidcoder.knowledge.index.analysis import LANGS, text_analyzer
from kidcoder.knowledge.index.query import QueryBuilder


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
            own = QueryBuilder(self._searcher.reader(), {lang: (f"text_{lang}",)})
            foreign = QueryBuilder(self._searcher.reader(), {other: (f"text_{other}",)})
            clauses = [q for q in (own.query(topic), foreign.query(words.weighted_topic_words(description, other), 0.5))
                       if q is not None]
            if not clauses:
                return None
            results = self._searcher.search(Or(clauses), limit=1)
            if not results:
                return None
            return results[0]["id"], float(results[0].score)
