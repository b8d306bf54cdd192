"""What the model is told: frozen facts the helper builds once, and the reply it may get back.

The helper (kidcoder.helper) builds HintFacts and AnswerFacts, and making/generate.py
builds GameFacts; the window forwards them unchanged to the model service, and the
command line hands them to the same service through an `Enrich` callable. Prompts and
grounding read them here, so the three callers can never drift apart again.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, ClassVar, Dict, Mapping, Optional, Tuple

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
    """A diagnosis to explain: the finding, the rules' words for it at a level of the ladder, the child's
    lines around it and its card (built by kidcoder.helper.hints.hint_facts)."""

    kind: ClassVar[str] = "hint"
    finding: Finding
    rules_hint: str
    level: int
    source_excerpt: str = ""
    error_type: str = ""             # Python's own words, when the program crashed
    error_message: str = ""
    cards: Tuple[Card, ...] = ()

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
class GameFacts(Facts):
    """A description of a game, and the filled template (and its slot values) the model may vary."""

    kind: ClassVar[str] = "game"
    description: str
    template_id: str
    template_source: str
    slots: Mapping[str, object]


@dataclass(frozen=True)
class ModelReply:
    """A model's checked answer (for GameFacts: the program) and the name of the model that gave it."""

    text: str
    model: str


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
