"""The hint ladder: say the most important problem in a child's program at level 1 (a nudge),
2 (an explanation with a knowledge card) or 3 (the fix, offered only once it is checked).

find_hint() gives a Hint: its words, its checked fix, its card, and the HintFacts a
model may retell (built here once; the window forwards them unchanged). A model's checked
retelling only ever follows the rules' words ("In other words:", helper/retell.py). hint_for_program()
is the `kidcoder hint --json` contract. Finding the problem is kidcoder.diagnosis.diagnose's
job; its collaborators (the runner, the cards, the optional model) are passed in.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Dict, Mapping, Optional

from kidcoder.diagnosis.chain import chained_fix
from kidcoder.diagnosis.diagnose import Prober, Runner, diagnose, prober_for, real_error, runner_for
from kidcoder.diagnosis.checkrun import files_beside
from kidcoder.diagnosis.finding import Finding
from kidcoder.diagnosis.fixes import Fix
from kidcoder.helper.retell import beneath
from kidcoder.diagnosis.registry import finding_cards
from kidcoder.i18n import has_key, tr
from kidcoder.knowledge.cards import Card, cards_by_id
from kidcoder.model.facts import Enrich, HintFacts, consult


class HintLevel(IntEnum):
    """The rungs of the ladder: a nudge, an explanation with a card, the fix."""

    NUDGE = 1
    EXPLAIN = 2
    FIX = 3

    @classmethod
    def of(cls, number: int) -> "HintLevel":
        """The level for a number, kept on the ladder (0 is a nudge, 7 the fix)."""
        return cls(min(cls.FIX, max(cls.NUDGE, int(number))))


# finding key -> knowledge card id, declared by each family module (a missing card is fine)
CARDS = finding_cards()
EXAMPLE_MAX_LINES = 12
EXCERPT_BEFORE, EXCERPT_AFTER = 3, 2   # the child's lines around the problem that the model sees


def card_for(finding: Finding, cards: Mapping[str, Card]) -> Optional[Card]:
    """The knowledge card that explains a finding, if it has one and the card exists."""
    card_id = CARDS.get(finding.key)
    return cards.get(card_id) if card_id else None


def _cards_in(lang: str) -> Mapping[str, Card]:
    """The shipped cards of a language; none when they cannot be read (a hint never waits on cards)."""
    try:
        return cards_by_id(lang)
    except Exception:  # a broken or missing card set must never hide the hint
        return {}


def say(key: str, lang: str, values: Optional[dict] = None) -> str:
    """tr() with the finding's values filled in (values may use names tr() keeps for itself, like key)."""
    text = tr(key, lang=lang)
    try:
        return text.format(**(values or {}))
    except (KeyError, IndexError, ValueError):
        return text


def hint_text(finding: Finding, level: int, lang: str, card: Optional[Card] = None, fix: Optional[Fix] = None) -> str:
    """The words for one level of the ladder (pure: the card and fix are passed in)."""
    values = dict(finding.values)
    values.setdefault("line", finding.line)
    if level <= HintLevel.NUDGE:
        return say(finding.key + ".nudge", lang, values)
    if level == HintLevel.EXPLAIN:
        parts = [say(finding.key + ".explain", lang, values)]
        if card is not None:
            parts.append(tr("diag.ladder.card", lang=lang, title=card.title))
            code = (card.code or "").strip("\n")
            if code and code.count("\n") < EXAMPLE_MAX_LINES:
                parts.append(tr("diag.ladder.example", lang=lang) + "\n```python\n" + code + "\n```")
        return "\n\n".join(parts)
    steps = say(finding.key + ".fix", lang, values)
    if fix is None:     # first say there is no checked change, then the steps that name the lines
        return tr("diag.ladder.fix_none", lang=lang) + " " + steps
    mends = getattr(fix, "mends", ())
    if len(mends) > 1:  # a chained fix: say it mends more than the line this hint is about
        return steps + " " + tr("diag.ladder.fix_chain", lang=lang, lines=line_list(mends, lang))
    return steps + " " + tr("diag.ladder.fix_checked", lang=lang)


def line_list(lines, lang: str) -> str:
    """3 and 7; 3, 5 and 7 (y in Spanish)."""
    words = [str(n) for n in lines]
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " " + tr("diag.ladder.and", lang=lang) + " " + words[-1]


def source_excerpt(source: str, line: int) -> str:
    """The child's lines around a 1-based line, as they wrote them."""
    lines = source.splitlines()
    return "\n".join(lines[max(0, line - 1 - EXCERPT_BEFORE): line + EXCERPT_AFTER])


def rules_words(finding: Finding, level: int, lang: str) -> str:
    """The rules' own words about a finding at a level, without the card and its example (grounding lets
    a model name only code from these and from the child's program)."""
    values = dict(finding.values)
    values.setdefault("line", finding.line)
    suffix = ".nudge" if level <= HintLevel.NUDGE else ".explain" if level == HintLevel.EXPLAIN else ".fix"
    return say(finding.key + suffix, lang, values)


def tip_words(finding: Finding, lang: str) -> str:
    """A remark that is not a problem for this program: its own gentle words (key.tip), else the explanation."""
    if not has_key(finding.key + ".tip", lang):
        return rules_words(finding, HintLevel.EXPLAIN, lang)
    return say(finding.key + ".tip", lang, dict(finding.values, line=finding.line))


def hint_facts(source: str, finding: Finding, text: str, level: int, lang: str, card: Optional[Card] = None,
               error: Optional[dict] = None, fix: Optional[Fix] = None) -> HintFacts:
    """What a model is told about this hint: the one place these facts are built."""
    error = error or {}
    return HintFacts(lang, finding, text, int(level), source_excerpt(source, finding.line),
                     str(error.get("type") or ""), str(error.get("message") or ""),
                     (card,) if card is not None else (), program=source,
                     rules_words=rules_words(finding, level, lang), fixed_lines=fix.replacement if fix is not None else "")


@dataclass(frozen=True)
class Hint:
    """One rung of the ladder for a program: the finding (None when all is well), the words at the level
    asked (the rules' words, then a model's checked retelling beneath them when there is one), the level-1
    words that name the problem, a checked fix, the card, the facts for a model, and the model's name and
    own words when it added some."""

    finding: Optional[Finding]
    text: str
    message: str = ""
    fix: Optional[Fix] = None
    card: Optional[Card] = None
    facts: Optional[HintFacts] = None
    model: Optional[str] = None
    model_text: str = ""
    tip: str = ""

    @property
    def ok(self) -> bool:
        return self.finding is None

    def as_contract(self) -> Dict[str, object]:
        """The `kidcoder hint --json` object."""
        finding = self.finding
        problem = None if finding is None else {"kind": finding.kind, "line": finding.line,
                                                "column": finding.column, "message": self.message}
        return {"ok": self.ok, "problem": problem, "hint": self.text,
                "fix": self.fix.as_dict() if self.fix is not None else None,
                "sources": [{"id": self.card.id, "title": self.card.title}] if self.card is not None else [],
                "model": self.model, "tip": self.tip or None}


def find_hint(source: str, path: Optional[str] = None, level: int = HintLevel.NUDGE, lang: str = "en", *,
              runner: Optional[Runner] = None, cards: Optional[Mapping[str, Card]] = None,
              enrich: Optional[Enrich] = None, run: bool = True, check_fix: bool = True,
              prober: Optional[Prober] = None) -> Hint:
    """The hint for a program at a level of the ladder.

    runner: how to run the program (default: headless, beside the file at path); cards: {id: Card}
    (default: the shipped cards of lang); enrich: the optional model (None: the rules' words only).
    run=False and check_fix=False give the instant answer (no child process) the app can show first.
    prober: how to play the game (default: the probe run beside path, unless a runner was passed in).
    """
    lang = lang if lang in ("en", "es") else "en"
    level = HintLevel.of(level)
    if prober is None and runner is None:
        prober = prober_for(path)
    runner = runner or runner_for(path)
    found = diagnose(source, runner=runner, run=run, prober=prober, beside=files_beside(path))
    finding = found.finding
    tip = tip_words(found.tip, lang) if found.tip is not None else ""
    if finding is None:
        return Hint(None, tr("diag.ladder.ok", lang=lang), tip=tip)
    fix = chained_fix(source, finding, runner, prober, found.symptoms) if check_fix else None
    card = card_for(finding, _cards_in(lang) if cards is None else cards)
    text = hint_text(finding, level, lang, card, fix)
    hint = Hint(finding, text, hint_text(finding, HintLevel.NUDGE, lang), fix, card,
                hint_facts(source, finding, text, level, lang, card, real_error(found.run), fix), tip=tip)
    reply = consult(enrich, hint.facts)
    if reply is None:
        return hint
    return replace(hint, text=beneath(text, reply.text, lang), model=reply.model, model_text=reply.text.strip())


def hint_for_program(source: str, path: Optional[str] = None, level: int = HintLevel.NUDGE, lang: str = "en", *,
                     runner: Optional[Runner] = None, cards: Optional[Mapping[str, Card]] = None,
                     enrich: Optional[Enrich] = None, run: bool = True, check_fix: bool = True,
                     prober: Optional[Prober] = None) -> Dict[str, object]:
    """`kidcoder hint --json`: ok, problem, hint (at `level`), a checked fix or None, sources, model,
    and a gentle tip (or None) about something that is not a problem for this program."""
    return find_hint(source, path, level, lang, runner=runner, cards=cards, enrich=enrich, run=run,
                     check_fix=check_fix, prober=prober).as_contract()
