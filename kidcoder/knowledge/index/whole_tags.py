"""Whole tags: a card whose tag the child said whole ranks above one where the child's word is part of a longer tag.

A card's tags are short phrases ("walk", "walk through walls", "health bar", "space"). BM25 scores
their words one by one, so "how do i make my guy walk" found the maze recipe (tag "walk through
walls") before moving with the keys (tag "walk"). Each card keeps its tags as stems (tag_stems(),
stored in the index); a hit's score grows with the share of the question's topic weight said
by tags whose every word the question has. Pure apart from the analyzers.
"""
from __future__ import annotations

from typing import Iterable, List, Sequence, Set, Tuple

from kidcoder.knowledge.index.analysis import text_analyzer

WHOLE_TAG = 0.3         # a question said wholly by a card's tags scores 30% more
TAG_SEPARATOR = "|"
EXTRA_HITS = 5          # hits beyond the limit that a whole tag may lift into it


def stems(text: str, lang: str) -> Set[str]:
    """The index's words of a text (stop words dropped, stemmed): "que me siga" -> {"sig"}."""
    return {token.text for token in text_analyzer(lang)(text)}


def tag_stems(tags: Iterable[str], lang: str) -> str:
    """A card's tags as stored in the index: each tag's stems, tags apart ("walk|walk through wall")."""
    return TAG_SEPARATOR.join(" ".join(sorted(stems(tag, lang))) for tag in tags)


def topic_stems(topic: Sequence[Tuple[str, float]], lang: str) -> List[Tuple[Set[str], float]]:
    """Each topic word's stems, with its weight."""
    return [(stems(word, lang), weight) for word, weight in topic]


def whole_share(topic: Sequence[Tuple[Set[str], float]], stored: str) -> float:
    """The share (0..1) of a question's topic weight said by tags the question has every word of."""
    said = set().union(*(word for word, _weight in topic)) if topic else set()
    covered: Set[str] = set()
    for tag in stored.split(TAG_SEPARATOR):
        words = set(tag.split())
        if words and words <= said:
            covered |= words
    total = sum(weight for _word, weight in topic)
    return sum(weight for word, weight in topic if word & covered) / total if total else 0.0


def boost(topic: Sequence[Tuple[Set[str], float]], stored: str) -> float:
    """What a hit's score is multiplied by."""
    return 1.0 + WHOLE_TAG * whole_share(topic, stored)


def two_word_tags(stored_tags: Iterable[str]) -> Set[frozenset]:
    """The tags of two words (as their stems) among cards' stored tag_stems: "health bar", "game over"."""
    return {frozenset(tag.split()) for stored in stored_tags for tag in stored.split(TAG_SEPARATOR)
            if len(tag.split()) == 2}


def said_apart(tags: Set[frozenset], lang: str):
    """(word, next word) -> True when the two words are a two-word tag of some card."""
    return lambda word, after: frozenset(stems(f"{word} {after}", lang)) in tags
