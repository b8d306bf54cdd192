"""Pure checks that a model's answer keeps the key facts the rules found, and contradicts none of them.

Small models retell an error confidently and wrongly (asked about
`NameError: name 'scor' is not defined`, SmolLM2 invented a story about types).
So a model answer is shown only when it still names the line, the misspelled
and the right name, the missing symbol…, says nothing that contradicts them,
and uses only pygame names that exist; otherwise the rules' answer stays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, List, Mapping, Optional, Set, Tuple

from kidcoder.diagnosis.pygame_names import NAMES as PYGAME_NAMES
from kidcoder.knowledge.cards import Card
from kidcoder.model.facts import AnswerFacts, Facts, HintFacts

_NAME_ERROR = re.compile(r"name '([A-Za-z_]\w*)' is not defined")
_SUGGESTION = re.compile(r"Did you mean:? '([A-Za-z_]\w*)'")
_EXPECTED = re.compile(r"expected '([^']{1,3})'")
_NEVER_CLOSED = re.compile(r"'([(\[{])' was never closed")
_LINE_MENTION = re.compile(r"\b(?:line|l[ií]nea|row|fila)s?\s*[:#]?\s*(?:n[úu]mero\s*|number\s*)?(\d+)", re.I)
_BACKTICKED = re.compile(r"`([^`\n]{1,60})`")
# Signs the model retold its instructions instead of talking to the child.
_ECHOES = re.compile(r"the helper|the child|a child|what we know:|my code near the problem|a true answer to start from|"
                     r"my question:|el ayudante|el niño|la niña|un niño|"
                     r"^\s*>?\s*\d+\s*\|", re.I | re.M)
_PYGAME_NAME = re.compile(r"\bpygame((?:\.[A-Za-z_]\w*)+)")
_ERROR_TYPE = re.compile(r"\b([A-Z][a-z]+(?:[A-Z][a-z]+)*Error)\b")

_SYMBOL_WORDS = {
    ":": ("colon", "dos puntos"),
    ")": ("bracket", "parenthes", "paréntesis", "parentesis"),
    "(": ("bracket", "parenthes", "paréntesis", "parentesis"),
    "]": ("square bracket", "bracket", "corchete"),
    "[": ("square bracket", "bracket", "corchete"),
    "}": ("curly", "brace", "llave"),
    "{": ("curly", "brace", "llave"),
    ",": ("comma", "coma"),
    "=": ("equals", "igual"),
}
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
# Words that would send the child the wrong way for a given missing symbol.
_WRONG_FOR_SYMBOL = {":": ("semicolon", "punto y coma", ";")}


@dataclass(frozen=True)
class KeyFacts:
    """What an explanation of this diagnosis must keep."""

    line: Optional[int] = None
    wrong_name: Optional[str] = None
    right_name: Optional[str] = None
    symbol: Optional[str] = None
    error_type: Optional[str] = None


@dataclass
class Grounding:
    """The verdict on one answer: ok, and if not, which facts it dropped and what it contradicted."""

    ok: bool
    missing: List[str] = field(default_factory=list)
    contradictions: List[str] = field(default_factory=list)


def _flat(finding: Mapping) -> dict:
    """A finding as one flat dict: its own fields and its "values" (Finding.as_dict() nests them)."""
    flat = {k: v for k, v in finding.items() if k != "values"}
    values = finding.get("values")
    if isinstance(values, Mapping):
        flat.update({k: v for k, v in values.items() if k not in flat or not flat[k]})
    return flat


def _identifier(value) -> Optional[str]:
    text = str(value or "").strip()
    return text if re.fullmatch(r"[A-Za-z_][\w.]*", text) else None


def key_facts(finding: Mapping, rules_hint: str = "") -> KeyFacts:
    """The facts of a diagnosis an answer must keep: from its fields first, else from Python's message."""
    flat = _flat(finding)
    key = str(flat.get("key") or "")
    message = str(flat.get("message") or "")
    wrong = _identifier(flat.get("name")) or _identifier(flat.get("word")) or _identifier(flat.get("wrong"))
    right = _identifier(flat.get("right")) or _identifier(flat.get("suggestion"))
    if not right and flat.get("word"):
        right = _identifier(flat.get("keyword"))  # a misspelled keyword: "whille" -> "while"
    if not wrong:
        match = _NAME_ERROR.search(message)
        wrong = match.group(1) if match else None
    if not right and wrong:
        match = _SUGGESTION.search(message) or _SUGGESTION.search(rules_hint)
        right = match.group(1) if match else None
    symbol = flat.get("expected")
    if not symbol:
        if "missing_colon" in key:
            symbol = ":"
        elif "missing_comma" in key:
            symbol = ","
        elif "bracket" in key and flat.get("closer"):
            symbol = str(flat["closer"])
    if not symbol:
        match = _EXPECTED.search(message)
        if match:
            symbol = match.group(1)
        else:
            match = _NEVER_CLOSED.search(message)
            symbol = _CLOSERS[match.group(1)] if match else None
    error = _ERROR_TYPE.search(message) or _ERROR_TYPE.search(str(flat.get("type") or ""))
    line = flat.get("line")
    return KeyFacts(line=int(line) if isinstance(line, int) or str(line).isdigit() else None,
                    wrong_name=wrong or None, right_name=right or None, symbol=symbol or None,
                    error_type=error.group(1) if error else None)


def _mentions_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(word)}(?!\w)", text) is not None


def _mentions_symbol(text: str, symbol: str) -> bool:
    lowered = text.lower()
    if any(word in lowered for word in _SYMBOL_WORDS.get(symbol, ())):
        return True
    quoted = (f"'{symbol}'", f'"{symbol}"', f"`{symbol}`", f"“{symbol}”", f"«{symbol}»")
    return any(q in text for q in quoted)


def mentioned_lines(text: str) -> Set[int]:
    """Line numbers the text talks about ("line 12", "línea 12")."""
    return {int(n) for n in _LINE_MENTION.findall(text)}


def unknown_pygame_names(text: str, known: Optional[Mapping[str, str]] = None) -> List[str]:
    """pygame.<module>.<name> references in text that pygame-ce does not have (invented APIs)."""
    known = PYGAME_NAMES if known is None else known
    table = {}
    for module, names in known.items():
        if not module.startswith("pygame") and module[:1].islower():
            module = f"pygame.{module}"  # "mixer.music"
        table[module] = set(names.split() if isinstance(names, str) else names)
    bad = []
    for dotted in _PYGAME_NAME.findall(text):
        parts = dotted.strip(".").split(".")
        module, names = "pygame", table.get("pygame", set())
        for part in parts:
            sub = f"{module}.{part}"
            if sub in table:
                module, names = sub, table[sub]
                continue
            if part not in names and part not in table:
                bad.append(f"pygame{dotted}")
            break
    return bad


def invented_code(answer: str, known: str) -> List[str]:
    """`code` the answer quotes that appears nowhere in what the rules, the cards and the child's code said."""
    squeezed = re.sub(r"\s+", "", known)
    return [term for term in _BACKTICKED.findall(answer)
            if re.sub(r"\s+", "", term).rstrip("()") not in squeezed]


_COMMON_WORDS = {
    "en": frozenset("the is are you your and to of it this that with when have not can".split()),
    "es": frozenset("el la los las de que es tu y en un una para con por cuando no puedes".split()),
}


def wrong_language(answer: str, lang: str) -> bool:
    """True when the answer is plainly in the other language (small models often ignore the request)."""
    words = re.findall(r"[a-záéíóúñü]+", answer.lower())
    other = "en" if lang == "es" else "es"
    ours = sum(w in _COMMON_WORDS.get(lang, ()) for w in words)
    theirs = sum(w in _COMMON_WORDS[other] for w in words)
    return theirs >= 3 and theirs > 2 * ours


def echoes(answer: str) -> List[str]:
    """Pieces of the prompt's scaffolding repeated in the answer (it talks about the child, not to them)."""
    return sorted({m.group(0).strip().lower() for m in _ECHOES.finditer(answer)})


def _common_contradictions(answer: str, known: str) -> List[str]:
    found = []
    invented = unknown_pygame_names(answer)
    if invented:
        found.append("uses pygame names that do not exist: " + ", ".join(invented))
    made_up = invented_code(answer, known)
    if made_up:
        found.append("quotes code nobody wrote: " + ", ".join(made_up[:4]))
    repeated = echoes(answer)
    if repeated:
        found.append("repeats its instructions: " + ", ".join(repeated[:3]))
    return found


def check_hint(answer: str, finding: Mapping, rules_hint: str = "", context: str = "") -> Grounding:
    """Does an explanation keep the diagnosis' key facts, and contradict none?

    context: the child's lines and the cards the prompt showed (code quoted from them is fine).
    """
    facts = key_facts(finding, rules_hint)
    missing: List[str] = []
    contradictions: List[str] = []
    if facts.line is not None:
        if str(facts.line) not in re.findall(r"\d+", answer):
            missing.append(f"line {facts.line}")
        others = mentioned_lines(answer) - {facts.line} - mentioned_lines(rules_hint)
        if others:
            contradictions.append("talks about line " + ", ".join(str(n) for n in sorted(others)))
    if facts.wrong_name and not _mentions_word(answer, facts.wrong_name):
        missing.append(f"the name written: {facts.wrong_name}")
    if facts.right_name and not _mentions_word(answer, facts.right_name):
        missing.append(f"the name meant: {facts.right_name}")
    if facts.right_name and re.search(rf"{re.escape(facts.right_name)}\W{{0,3}}\s+(?:is not defined|no está definid)",
                                      answer):
        contradictions.append(f"says {facts.right_name} is not defined")
    if facts.symbol:
        if not _mentions_symbol(answer, facts.symbol):
            missing.append(f"the missing {facts.symbol!r}")
        lowered = answer.lower()
        for wrong in _WRONG_FOR_SYMBOL.get(facts.symbol, ()):
            if wrong in lowered:
                contradictions.append(f"mentions {wrong!r} instead of {facts.symbol!r}")
    if facts.error_type:
        others = set(_ERROR_TYPE.findall(answer)) - {facts.error_type}
        if others:
            contradictions.append("names another error: " + ", ".join(sorted(others)))
    known = " ".join([context, rules_hint, str(finding.get("message") or ""), facts.wrong_name or "",
                      facts.right_name or "", facts.symbol or ""])
    contradictions += _common_contradictions(answer, known)
    return Grounding(not missing and not contradictions, missing, contradictions)


def _key_terms(text: str) -> Set[str]:
    """Code-like terms in a text: `quoted` words and pygame.* names."""
    terms = set(re.findall(r"`([^`\n]{2,40})`", text))
    terms |= {"pygame" + m for m in _PYGAME_NAME.findall(text)}
    return {t.strip() for t in terms if t.strip()}


def check_answer(answer: str, rules_answer: str = "", cards: Iterable[Card] = (), question: str = "") -> Grounding:
    """Does an answer to a question stay on the ground the rules and cards laid?

    It must use only pygame names that exist, and, when the rules' answer named code
    (`pygame.display.flip()`, `clock.tick`…), mention at least one of those terms.
    """
    missing: List[str] = []
    contradictions = _common_contradictions(answer, " ".join([rules_answer, question, _cards_text(cards)]))
    terms = _key_terms(rules_answer)
    if terms:
        bare = {t.split("(")[0] for t in terms}
        if not any(term in answer for term in bare):
            missing.append("the code the helper's answer named: " + ", ".join(sorted(bare)[:4]))
    if not answer.strip():
        missing.append("an answer")
    return Grounding(not missing and not contradictions, missing, contradictions)


def _cards_text(cards: Iterable[Card]) -> str:
    return "\n".join(f"{card.title}\n{card.body}\n{card.code}" for card in cards)


def check(answer: str, facts: Facts) -> Grounding:
    """Grounding for one request; "game" programs are checked by running them, not here."""
    if facts.kind in ("hint", "answer") and wrong_language(answer, facts.lang):
        return Grounding(False, [], [f"not written in {facts.lang}"])
    if isinstance(facts, HintFacts):
        context = "\n".join([facts.source_excerpt, _cards_text(facts.cards)])
        return check_hint(answer, facts.problem, facts.rules_hint, context)
    if isinstance(facts, AnswerFacts):
        return check_answer(answer, facts.rules_answer, facts.cards, facts.question)
    return Grounding(bool(answer.strip()), [] if answer.strip() else ["a program"])


def describe(result: Grounding) -> Tuple[str, ...]:
    """One line per problem, for the teacher's log."""
    return tuple([f"missing {m}" for m in result.missing] + result.contradictions)
