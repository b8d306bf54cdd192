"""Finding the cards that answer a child's question: the best one, and a few others worth reading.

Only clear matches count (a guess is worse than "I don't know that yet"); with no
card in the child's language, an English card is better than nothing. The words of
the answer are composed by kidcoder.helper.answers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from kidcoder.knowledge.cards import Card, cards_by_id

MIN_SCORE = 1.0            # weaker matches are guesses; better to say "I don't know that yet"
MIN_BODY_SCORE = 12.0      # a card whose title and tags did not match needs a clearly better body match
SEE_ALSO = 3
CLOSE_HIT = 0.6            # another hit this close to the best one is listed before the related cards
SEARCH_LIMIT = 3


@dataclass(frozen=True)
class FoundCards:
    """The card that answers a question best, other cards worth a look, and whether they are in English
    only because the child's language has none."""

    best: Card
    see_also: Tuple[Card, ...] = ()
    foreign: bool = False


def good_hits(hits: Sequence) -> List:
    """The hits worth answering with: title or tag matches first; body-only matches only when clearly good."""
    strong = [hit for hit in hits if hit.strong and hit.score >= MIN_SCORE]
    return strong or [hit for hit in hits if hit.score >= MIN_BODY_SCORE]


def see_also(best: Card, hit_ids: Sequence[str], cards: Dict[str, Card]) -> Tuple[Card, ...]:
    """Other cards worth reading: close search hits, then the best card's related cards."""
    out: List[Card] = []
    for card_id in list(hit_ids) + list(best.related):
        card = cards.get(card_id)
        if card and card.id != best.id and card not in out:
            out.append(card)
        if len(out) >= SEE_ALSO:
            break
    return tuple(out)


def find_cards(question: str, lang: str, index) -> Optional[FoundCards]:
    """The cards for a question in lang (else in English), or None when no card clearly fits.

    index: a KnowledgeIndex (search(question, lang, limit) -> hits, and cards_dir).
    """
    hits = good_hits(index.search(question, lang, limit=SEARCH_LIMIT))
    foreign = False
    if not hits and lang != "en":
        hits = good_hits(index.search(question, "en", limit=SEARCH_LIMIT, by_sound=False))
        foreign = bool(hits)
    if not hits:
        return None
    cards = cards_by_id(hits[0].lang, index.cards_dir)
    best = cards.get(hits[0].card_id)
    if best is None:        # the cards changed since the index was built
        return None
    close = [hit.card_id for hit in hits[1:] if hit.score >= CLOSE_HIT * hits[0].score]
    return FoundCards(best, see_also(best, close, cards), foreign)
