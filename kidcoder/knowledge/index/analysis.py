"""How the knowledge index reads text: the analyzers (words, stems, identifier parts) and the card schema.

One index holds both languages: English cards fill the *_en fields (English stemmer),
Spanish cards the *_es fields (Spanish stemmer); the code field splits identifiers the
same way for both.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List

from kidcoder.knowledge.index.whoosh_parts import (BM25F, ID, STOP_WORDS, STORED, TEXT, CharsetFilter, Filter,
                                                   LowercaseFilter, RegexTokenizer, Schema, StemFilter, StopFilter,
                                                   accent_map, stopwords_for_language)

from kidcoder.knowledge import words

LANGS = ("en", "es")
# Part of the content hash: change it whenever the schema or the analyzers change.
SCHEMA_VERSION = "kidcoder-index-6"
TITLE_BOOST, TAGS_BOOST, BODY_BOOST, CODE_BOOST = 3.0, 2.0, 1.0, 0.6
NAME_BOOST = 2.0        # the title's head ("Lists" in "Lists - many things in one variable")
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
              "title": STORED(), "tag_stems": STORED(), "code": TEXT(analyzer=code_analyzer(), field_boost=CODE_BOOST, phrase=False)}
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
