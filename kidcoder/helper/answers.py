"""Answers to a child's question: composed from the knowledge cards, with a model only as a bonus.

Without a model the answer is the best card's key paragraphs and its example, then
other cards worth a look. With a model (an `enrich` callable) two things may happen, and
the cards' answer always stands whole: when the index finds no card (a badly misspelled
question, or one in the other language), the model may pick topics from our list (SearchFacts,
checked JSON; model/search_topics.py maps them to cards) and the answer is then that card's text; and a checked retelling of the
answer (AnswerFacts) may follow it, "In other words:". Finding the cards is
kidcoder.knowledge.answers' job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Sequence, Tuple

from kidcoder.helper.retell import beneath
from kidcoder.i18n import tr
from kidcoder.knowledge import personal, words
from kidcoder.knowledge.answers import FoundCards, find_cards
from kidcoder.knowledge.answers import see_also as also_read
from kidcoder.knowledge.cards import Card, cards_by_id, word_count
from kidcoder.model.facts import AnswerFacts, Enrich, SearchFacts, consult
from kidcoder.model.search_topics import cards_for

KEY_WORDS_BUDGET = 110     # words of a card's body shown in an answer (cards have at most ~150)
MODEL_CARDS = 2            # the best card and the first other one go to the model

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
    used = word_count(parts[0])
    ranked = sorted(range(1, len(parts)), key=lambda i: (-_mentions(parts[i], topic), i))
    for i in ranked:
        size = word_count(parts[i])
        if used + size <= budget:
            chosen.add(i)
            used += size
    return "\n\n".join(parts[i] for i in sorted(chosen))


def compose_answer(card: Card, topic: Sequence[str], see_also: Sequence[Card], lang: str,
                   foreign: bool = False) -> str:
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


@dataclass(frozen=True)
class Answer:
    """The helper's answer: its text (the cards' answer, then a model's checked retelling beneath it when
    there is one), the cards it came from, the facts a model may retell (None when no card fits), the
    model's name when a model helped (found the card, or retold it), its own words, and the search terms
    it gave."""

    text: str
    sources: Tuple[Card, ...] = ()
    facts: Optional[AnswerFacts] = None
    model: Optional[str] = None
    model_text: str = ""
    search_terms: Tuple[str, ...] = ()

    def as_contract(self) -> Dict[str, object]:
        """The `kidcoder ask --json` object: {"answer", "sources": [{"id", "title"}], "model"}."""
        return {"answer": self.text, "sources": [{"id": card.id, "title": card.title} for card in self.sources],
                "model": self.model}


def dont_know(question: str, lang: str) -> Answer:
    """The kind answer when no card fits."""
    key = "answer.unknown" if words.topic_words(question, lang) else "answer.too_short"
    return Answer(tr(key, lang=lang))


def in_language(found: FoundCards, lang: str, cards_dir) -> FoundCards:
    """The same cards in lang (each card's twin, where lang has one)."""
    twins = cards_by_id(lang, cards_dir)
    best = twins.get(found.best.id)
    if best is None:
        return found
    return FoundCards(best, tuple(twins.get(card.id, card) for card in found.see_also), False)


def search_with_model(question: str, lang: str, index, enrich: Optional[Enrich]
                      ) -> Tuple[Optional[FoundCards], str, Tuple[str, ...], Optional[str]]:
    """For a question the index did not understand: the topics the model picked from our list (checked
    JSON), and the cards our table gives for them, in the language the rules read (a 0.5B model said "en"
    for Spanish questions). (found or None, language, topics, model name)."""
    reply = consult(enrich, SearchFacts(lang, question))
    data = reply.data if reply is not None else None
    cards = cards_by_id(lang, index.cards_dir) if data else {}
    found = [cards[card_id] for card_id in cards_for(data.get("topics", ())) if card_id in cards] if data else []
    if not found:
        return None, lang, (), None
    return (FoundCards(found[0], also_read(found[0], [card.id for card in found[1:]], cards)),
            found[0].lang, tuple(data["topics"]), reply.model)


def answer_question(question: str, lang: Optional[str] = None, *, index,
                    enrich: Optional[Enrich] = None, answer_in: Optional[str] = None) -> Answer:
    """The answer to a child's question, in the question's language. index: the KnowledgeIndex to search;
    enrich: the optional model (None: the cards' answer only; with it, a question the index did not
    understand is searched again with the model's terms). answer_in: say it in this language whatever the
    question's (the child switched the window's language: the same cards' twins)."""
    asked = words.choose_language(question, lang)
    sounds = getattr(index, "sound_alikes", None)     # the words read as the index reads them ("wats ur naim")
    if personal.about_a_person(question, asked, sounds(asked).said if sounds else None):   # "¿cómo te llamas?":
        return dont_know(question, answer_in or asked)                                        # no card, no model
    found = find_cards(question, asked, index)
    terms: Tuple[str, ...] = ()
    searched_by = None
    if found is None:
        found, asked, terms, searched_by = search_with_model(question, asked, index, enrich)
        if found is None:
            return dont_know(question, answer_in or asked)
    if answer_in and answer_in != found.best.lang:
        found = in_language(found, answer_in, index.cards_dir)
    lang = answer_in if answer_in and found.best.lang == answer_in else asked
    topic = words.topic_words(" ".join(terms) if terms else question, asked)
    sources = (found.best,) + found.see_also
    text = compose_answer(found.best, topic, found.see_also, lang, found.foreign)
    answer = Answer(text, sources, AnswerFacts(lang, question, text, sources[:MODEL_CARDS]), searched_by,
                    search_terms=terms)
    if searched_by:
        return answer               # one model request per question: it found the card, the card answers
    reply = consult(enrich, answer.facts)
    if reply is None:
        return answer
    return replace(answer, text=beneath(text, reply.text, lang), model=reply.model or None,
                   model_text=reply.text.strip())


def ask(question: str, lang: Optional[str] = None, *, index, enrich: Optional[Enrich] = None) -> Dict[str, object]:
    """`kidcoder ask --json`: {"answer", "sources": [{"id", "title"}], "model"} for a child's question."""
    return answer_question(question, lang, index=index, enrich=enrich).as_contract()
