"""What the model is told: frozen facts the helper builds once, and the reply it may get back.

Two kinds of request. Retelling: the helper (kidcoder.helper) builds HintFacts and
AnswerFacts, whose checked reply may appear beneath the rules' words ("in other
words…"). Understanding: ChangeFacts (a "Change my game" request), DescriptionFacts (a
game description) and SearchFacts (a question the index did not understand) ask for JSON
that model/understand.py validates, read only when the rules could not read the child's
words. The window forwards facts unchanged to the model service, and the command line
hands them to the same service through an `Enrich` callable, so the callers never drift apart.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Dict, Mapping, Optional, Tuple

from kidcoder.diagnosis.finding import Finding
from kidcoder.knowledge.cards import Card

log = logging.getLogger("kidcoder.model")


@dataclass(frozen=True)
class Facts:
    """What every request tells the model: its kind ("hint", "answer" or "game") and the child's language."""

    kind: ClassVar[str] = ""
    lang: str


@dataclass(frozen=True)
class HintFacts(Facts):
    """A diagnosis to retell: the finding, the rules' words for it at a level of the ladder, the child's
    lines around it and its card (built by kidcoder.helper.hints.hint_facts).

    program is the child's whole program and rules_words the rules' own words about the finding
    (without the card and its example): only code from these may appear in a model's words.
    fixed_lines are the checked fix's new lines, when there is one (advice must not point back)."""

    kind: ClassVar[str] = "hint"
    finding: Finding
    rules_hint: str
    level: int
    source_excerpt: str = ""
    error_type: str = ""             # Python's own words, when the program crashed
    error_message: str = ""
    cards: Tuple[Card, ...] = ()
    program: str = ""
    rules_words: str = ""
    fixed_lines: str = ""

    @property
    def problem(self) -> Dict[str, object]:
        """The finding as one mapping, with Python's error type and message when the program crashed."""
        problem = self.finding.as_dict()
        if self.error_type or self.error_message:
            problem.update(type=self.error_type, message=self.error_message)
        return problem


@dataclass(frozen=True)
class AnswerFacts(Facts):
    """A child's question, the rules' answer to it and the cards that answer came from."""

    kind: ClassVar[str] = "answer"
    question: str
    rules_answer: str
    cards: Tuple[Card, ...] = ()


@dataclass(frozen=True)
class ChangeFacts(Facts):
    """A "Change my game" request the rules could not read, and the game's own names for its things
    (("cat", "PLAYER"), ("fish", "THING")): the model picks among them, it never writes a name."""

    kind: ClassVar[str] = "change"
    request: str
    things: Tuple[Tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DescriptionFacts(Facts):
    """A game description the rules could not read, and the templates the model may choose from."""

    kind: ClassVar[str] = "describe"
    description: str
    templates: Tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchFacts(Facts):
    """A question the index found no card for (misspelled, or in the other language): the model picks topics
    from our list (model/search_topics.py), and the answer is still a card's text."""

    kind: ClassVar[str] = "search"
    question: str


RETELLING = ("hint", "answer")                  # kinds whose reply is text a child may read
UNDERSTANDING = ("change", "describe", "search")  # kinds whose reply is checked JSON, never shown


@dataclass(frozen=True)
class ModelReply:
    """A model's checked answer and the name of the model that gave it; `data` is the validated
    JSON object of an understanding request (its text is that object as JSON)."""

    text: str
    model: str
    data: Optional[Mapping[str, Any]] = None


Enrich = Callable[[Facts], Optional[ModelReply]]


def consult(enrich: Optional[Enrich], facts: Facts) -> Optional[ModelReply]:
    """enrich's reply for facts, or None: no model, no reply, an empty one, or any failure at all
    (a model problem must never cost the child the rules' answer)."""
    if enrich is None:
        return None
    try:
        reply = enrich(facts)
    except Exception as exc:  # the model is optional: whatever went wrong, the rules' words stand
        log.info("no model %s: %s: %s", facts.kind, type(exc).__name__, exc)
        return None
    if reply is None or not reply.text.strip():
        return None
    return reply
