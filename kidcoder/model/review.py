"""Checking a model's words before a child sees them: sentence by sentence while they stream, and whole at the end.

Text is let through only when it passes the safety filter and contradicts none of
the facts (grounding); the whole answer must also keep those facts. Text that so far
only says the rules' words again is held back (model/retelling.py), so a copy is
never shown and then taken away. Only retellings
(hints and answers) are reviewed here: understanding requests answer in JSON, which
model/understand.py checks, and a child never reads it.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from kidcoder.model import grounding
from kidcoder.model.chat import clean_answer
from kidcoder.model.facts import Facts
from kidcoder.model.interface import Generation
from kidcoder.model.safety import filter_model_text, model_text_problems

log = logging.getLogger("kidcoder.model")
_SENTENCE_END = re.compile(r"[.!?¡¿:;]\s|\n")


class StreamGate:
    """Lets streamed text through a sentence at a time, once the text so far passes the safety filter
    and contradicts none of the facts; the first failure rejects the whole answer (and stops the model)."""

    def __init__(self, lang: str, facts: Optional[Facts] = None):
        self.lang, self.facts = lang, facts
        self.text = ""
        self.released = 0
        self.rejected = ""

    @property
    def unsafe(self) -> bool:
        return bool(self.rejected)

    def feed(self, piece: str) -> str:
        """Add a piece; return the newly releasable text ("" while a sentence or code block is open)."""
        if self.rejected:
            return ""
        self.text += piece
        end = self._safe_end()
        if end <= self.released:
            return ""
        candidate = self.text[:end]
        problems = model_text_problems(candidate, self.lang)
        copy = False
        if not problems and self.facts is not None and self.facts.kind in ("hint", "answer"):
            verdict = grounding.check(candidate, self.facts)
            problems, copy = verdict.contradictions, verdict.adds_nothing
        if problems:
            self.rejected = problems[0]
            return ""
        if copy:     # the rules' words again so far: held back, shown only if the whole answer says more
            return ""
        new, self.released = self.text[self.released:end], end
        return new

    def _safe_end(self) -> int:
        """End of the last whole sentence, not inside an unclosed ``` block."""
        text = self.text
        fences = [m.start() for m in re.finditer("```", text)]
        limit = fences[-1] if len(fences) % 2 == 1 else len(text)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
        return ends[-1] if ends else 0


def review(text: str, facts: Facts) -> Optional[str]:
    """The model's whole answer if it is grounded and safe, else None (the rules' answer stays)."""
    text = clean_answer(text)
    verdict = grounding.check(text, facts)
    if not verdict.ok:
        log.info("model answer dropped (grounding): %s", "; ".join(grounding.describe(verdict)))
        return None
    safe = filter_model_text(text, facts.lang)
    if safe is None:
        log.info("model answer dropped (safety): %s", model_text_problems(text, facts.lang))
    return safe


def finished_text(result: Generation) -> str:
    """The answer, without the half sentence an answer cut at its token limit ends with (code kept whole)."""
    text = result.text
    if result.reason != "length" or "```" in text:
        return text
    if text.rstrip().endswith((".", "!", "?")):
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[:ends[-1]].rstrip() if ends else text
