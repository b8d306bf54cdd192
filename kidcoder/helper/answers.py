"""`kidcoder ask`: answer a child's question from the knowledge cards, with a model only as a bonus.

Without a model the answer is the best card's key paragraphs and its example, then
other cards worth a look. With a model (service.enrich_once) the model may rewrite it
from the same cards; if it is missing, slow or fails, the cards' answer stands.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence

from kidcoder.knowledge import cards as knowledge
from kidcoder.knowledge import words
from kidcoder.i18n import tr

KEY_WORDS_BUDGET = 110     # words of a card's body shown in an answer (cards have at most ~150)
MIN_SCORE = 1.0            # weaker matches are guesses; better to say "I don't know that yet"
MIN_BODY_SCORE = 12.0      # a card whose title and tags did not match needs a clearly better body match
SEE_ALSO = 3
CLOSE_HIT = 0.6            # another hit this close to the best one is listed before the related cards


_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def unwrap(paragraph: str) -> str:
    """Join the hard-wrapped lines of a paragraph so the helper pane can wrap it to its own width.

    List items stay on their own lines; a list item's wrapped continuation joins its item.
    """
    lines: List[str] = []
    for line in paragraph.splitlines():
        if lines and line.strip() and not _LIST_ITEM_RE.match(line):
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        elif line.strip():
            lines.append(line.rstrip())
    return "\n".join(lines)


def paragraphs(body: str) -> List[str]:
    """A card body cut into unwrapped paragraphs; a line ending in ':' stays with the list after it."""
    parts = [unwrap(part.strip()) for part in re.split(r"\n\s*\n", body) if part.strip()]
    merged: List[str] = []
    for part in parts:
        if merged and merged[-1].rstrip().endswith(":"):
            merged[-1] = merged[-1] + "\n" + part
        else:
            merged.append(part)
    return merged


def _mentions(paragraph: str, topic: Sequence[str]) -> int:
    """How many topic words (or words starting the same way) a paragraph mentions."""
    text_words = set(words.words(paragraph))
    count = 0
    for word in topic:
        stem = word[:5]
        if any(candidate.startswith(stem) for candidate in text_words):
            count += 1
    return count


def key_paragraphs(body: str, topic: Sequence[str], budget: int = KEY_WORDS_BUDGET) -> str:
    """The card's first paragraph, then the paragraphs that best match the question, in card order."""
    parts = paragraphs(body)
    if not parts:
        return ""
    chosen = {0}
    used = knowledge.word_count(parts[0])
    ranked = sorted(range(1, len(parts)), key=lambda i: (-_mentions(parts[i], topic), i))
    for i in ranked:
        size = knowledge.word_count(parts[i])
        if used + size <= budget:
            chosen.add(i)
            used += size
    return "\n\n".join(parts[i] for i in sorted(chosen))


def compose_answer(card: knowledge.Card, topic: Sequence[str], see_also: Sequence[knowledge.Card],
                   lang: str, foreign: bool = False) -> str:
    """The rules' answer for one card: title, key paragraphs, the example, and other cards to read."""
    pieces = [card.title]
    if foreign:
        pieces.append(tr("answer.only_english", lang=lang))
    pieces.append(key_paragraphs(card.body, topic))
    if card.code.strip():
        pieces.append(tr("answer.example", lang=lang) + "\n```python\n" + card.code.rstrip() + "\n```")
    if see_also:
        pieces.append(tr("answer.see_also", lang=lang, titles="; ".join(other.title for other in see_also)))
    return "\n\n".join(piece for piece in pieces if piece)


def _see_also(best: knowledge.Card, hit_ids: Sequence[str], cards: Dict[str, knowledge.Card]) -> List[knowledge.Card]:
    """Other cards worth reading: close search hits, then the best card's related cards."""
    out: List[knowledge.Card] = []
    for card_id in list(hit_ids) + list(best.related):
        card = cards.get(card_id)
        if card and card.id != best.id and card not in out:
            out.append(card)
        if len(out) >= SEE_ALSO:
            break
    return out


def good_hits(hits: Sequence) -> List:
    """The hits worth answering with: title or tag matches first; body-only matches only when clearly good."""
    strong = [hit for hit in hits if hit.strong and hit.score >= MIN_SCORE]
    return strong or [hit for hit in hits if hit.score >= MIN_BODY_SCORE]


def dont_know(question: str, lang: str) -> Dict[str, object]:
    """The kind answer when no card fits."""
    key = "answer.unknown" if words.topic_words(question, lang) else "answer.too_short"
    return {"answer": tr(key, lang=lang), "sources": [], "model": None}


def ask(question: str, lang: Optional[str] = None, use_model: bool = True, index=None,
        settings=None) -> Dict[str, object]:
    """{"answer", "sources": [{"id", "title"}], "model"} for a child's question (the CLI contract)."""
    lang = words.choose_language(question, lang)
    if index is None:
        from kidcoder.knowledge.index import shared_index

        index = shared_index()
    hits = good_hits(index.search(question, lang, limit=3))
    foreign = False
    if not hits and lang != "en":
        # no card in the child's language: an English card is better than nothing
        hits = good_hits(index.search(question, "en", limit=3))
        foreign = bool(hits)
    if not hits:
        return dont_know(question, lang)
    cards = knowledge.cards_by_id(hits[0].lang, index.cards_dir)
    best = cards.get(hits[0].card_id)
    if best is None:        # the cards changed since the index was built
        return dont_know(question, lang)
    close = [hit.card_id for hit in hits[1:] if hit.score >= CLOSE_HIT * hits[0].score]
    see_also = _see_also(best, close, cards)
    topic = words.topic_words(question, lang)
    result: Dict[str, object] = {
        "answer": compose_answer(best, topic, see_also, lang, foreign),
        "sources": [{"id": card.id, "title": card.title} for card in [best] + see_also],
        "model": None,
    }
    if use_model:
        enriched = _enrich(question, [best] + see_also[:1], result["answer"], lang, settings)
        if enriched:
            result["answer"], result["model"] = enriched
    return result


def _enrich(question: str, cards: Sequence[knowledge.Card], rules_answer: str, lang: str, settings):
    """(text, model name) from the optional model, or None when there is none or it fails."""
    try:
        from kidcoder.model.service import enrich_once
    except ImportError:
        return None
    facts = {"question": question, "rules_answer": rules_answer,
             "cards": [{"id": c.id, "title": c.title, "body": c.body, "code": c.code} for c in cards]}
    try:
        reply = enrich_once("answer", facts, lang, settings=settings)
    except Exception:  # a model problem must never cost the child the rules' answer
        return None
    if not isinstance(reply, dict) or not str(reply.get("text") or "").strip():
        return None
    return str(reply["text"]).strip(), (str(reply["model"]) if reply.get("model") else None)
