"""Pure checks that a model's answer keeps the key facts the rules found, and contradicts none of them.

Small models retell an error confidently and wrongly (asked about
`NameError: name 'scor' is not defined`, SmolLM2 invented a story about types;
Qwen 0.5B told a child to write the very line that was wrong, and talked about
`def jump()` from a card's example when the child's function was draw_smiley).
So a model's words are shown only when they still say "line N" (the line written
as a line, not any digit anywhere), the names and the problem's key words
(keyword, symbol, operator, file…), name no code that is not in the child's
program or the rules' own words (a card's example is not the child's code), never
advise the faulty code back, and use only pygame names that exist.
"""
from __future__ import annotations

import builtins
import keyword
import re
from dataclasses import dataclass, field
from typing import Iterable, List, Mapping, Optional, Set, Tuple

from kidcoder.diagnosis.pygame_names import NAMES as PYGAME_NAMES
from kidcoder.knowledge.cards import Card
from kidcoder.model.facts import AnswerFacts, Facts, HintFacts
from kidcoder.model.false_claims import claims, code_tokens
from kidcoder.model.retelling import MOST_COPIED, chats, copied_share, echoes, echoes_problem_line, wrong_language

_NAME_ERROR = re.compile(r"name '([A-Za-z_]\w*)' is not defined")
_SUGGESTION = re.compile(r"Did you mean:? '([A-Za-z_]\w*)'")
_EXPECTED = re.compile(r"expected '([^']{1,3})'")
_NEVER_CLOSED = re.compile(r"'([(\[{])' was never closed")
_LINE_MENTION = re.compile(r"\b(?:line|l[ií]nea|row|fila)s?\s*[:#]?\s*(?:n[úu]mero\s*|number\s*)?(\d+)", re.I)
_BACKTICKED = re.compile(r"`([^`\n]{1,60})`")
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
_SYMBOL_WORDS.update({"+": ("plus", "más", "suma"), "-": ("minus", "menos", "resta")})
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
# Finding values that are the problem's key words (the rest, like "what" or "thing", only describe it).
_KEY_WORD_VALUES = ("keyword", "word", "module", "op", "key", "file", "function", "argument", "wrong", "right")
# Code-like words in prose: a call `jump(`, a dotted name, a snake_case name, `def jump`.
_CALLED = re.compile(r"\b([A-Za-z_]\w*)\(")
_DOTTED = re.compile(r"\b([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")
_SNAKE = re.compile(r"\b([A-Za-z]\w*_\w+)")
_DEFINED = re.compile(r"\b(?:def|class|import)\s+([A-Za-z_]\w*)")
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_ALWAYS_KNOWN = frozenset(keyword.kwlist) | frozenset(dir(builtins)) | {"pygame"}
# "should be `x`", "change it to `x`", "escribe `x`": the code a sentence tells the child to write.
_ADVICE = re.compile(r"(?:should\s+(?:be|say|read|look\s+like)|change\s+(?:it\s+|this\s+|that\s+)?to|"
                     r"replace\s+it\s+with|write|type|use|try|put|deber[íi]a\s+ser|debe\s+ser|"
                     r"c[áa]mbia\w*\s+(?:a|por)|escribe|usa|pon)\s*:?\s*`([^`\n]+)`", re.I)
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
    key_words: Tuple[str, ...] = ()      # the problem's key words: keyword, operator, file, function…


@dataclass
class Grounding:
    """The verdict on one answer: ok, and if not, which facts it dropped, what it contradicted, and whether it
    only says the rules' words again (copied: the share of its words copied from them, see model/retelling.py)."""

    ok: bool
    missing: List[str] = field(default_factory=list)
    contradictions: List[str] = field(default_factory=list)
    copied: float = 0.0

    @property
    def adds_nothing(self) -> bool:
        return self.copied > MOST_COPIED

    @classmethod
    def of(cls, missing: List[str], contradictions: List[str], copied: float) -> "Grounding":
        """The verdict: ok only with every fact kept, nothing contradicted, and words of its own."""
        verdict = cls(False, missing, contradictions, copied)
        verdict.ok = not missing and not contradictions and not verdict.adds_nothing
        return verdict


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
    said = {wrong, right, symbol}
    values = finding.get("values") if isinstance(finding.get("values"), Mapping) else finding
    key_words = tuple(dict.fromkeys(str(values[name]) for name in _KEY_WORD_VALUES
                                    if isinstance(values.get(name), str) and values[name].strip()
                                    and values[name] not in said and not values[name].startswith("diag.")))
    return KeyFacts(line=int(line) if isinstance(line, int) or str(line).isdigit() else None,
                    wrong_name=wrong or None, right_name=right or None, symbol=symbol or None,
                    error_type=error.group(1) if error else None, key_words=key_words)


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
    chat = chats(answer)
    if chat:
        found.append("talks like a chat assistant: " + ", ".join(chat[:2]))
    return found


def foreign_code(answer: str, known: str) -> List[str]:
    """Code names the answer uses (quoted, called, dotted, snake_case, after def) that appear nowhere in
    known (the child's program and the rules' own words) and are not Python's own words."""
    allowed = set(_IDENTIFIER.findall(known)) | _ALWAYS_KNOWN
    found: List[str] = []
    for span in _BACKTICKED.findall(answer):
        found += _IDENTIFIER.findall(span)
    prose = _BACKTICKED.sub(" ", answer)
    found += _CALLED.findall(prose) + _SNAKE.findall(prose) + _DEFINED.findall(prose)
    for dotted in _DOTTED.findall(prose):
        parts = dotted.split(".")
        if max(len(part) for part in parts) >= 3:     # not "e.g."
            found += parts
    return list(dict.fromkeys(name for name in found if name not in allowed))


def backwards_advice(answer: str, problem_line: str, fixed_lines: str = "") -> List[str]:
    """Code the answer tells the child to write that is the faulty code itself ("it should be
    `score == score + 1`" for that very bug): a piece of the problem line the checked fix no longer has,
    or, without a fix, the whole problem line."""
    bad, fixed = code_tokens(problem_line), code_tokens(fixed_lines)
    if not bad.strip():
        return []
    found = []
    for advised in _ADVICE.findall(answer):
        code = code_tokens(advised)
        if not code.strip():
            continue
        if (fixed.strip() and code in bad and code not in fixed) or (not fixed.strip() and code == bad):
            found.append(advised)
    return found


def _mentions_key_word(text: str, word: str) -> bool:
    if re.fullmatch(r"[A-Za-z_][\w.]*", word):
        return _mentions_word(text, word.rsplit(".", 1)[-1])     # pygame.display.flip: "flip" is enough
    return word in text or _mentions_symbol(text, word)


def missing_facts(answer: str, finding: Mapping, rules_hint: str = "") -> List[str]:
    """The key facts of a diagnosis a text does not say: "line N" as a line, the name written and meant,
    the missing symbol, the problem's key words. [] means the text names the problem."""
    facts = key_facts(finding, rules_hint)
    missing: List[str] = []
    if facts.line is not None and facts.line not in mentioned_lines(answer):
        missing.append(f"line {facts.line}")
    if facts.wrong_name and not _mentions_word(answer, facts.wrong_name):
        missing.append(f"the name written: {facts.wrong_name}")
    if facts.right_name and not _mentions_word(answer, facts.right_name):
        missing.append(f"the name meant: {facts.right_name}")
    if facts.symbol and not _mentions_symbol(answer, facts.symbol):
        missing.append(f"the missing {facts.symbol!r}")
    missing += [f"the key word {word!r}" for word in facts.key_words if not _mentions_key_word(answer, word)]
    return missing


def names_problem(text: str, finding: Mapping, rules_hint: str = "") -> bool:
    """Does a hint name the problem: the line as a line, the names, the symbol and the key words?"""
    return not missing_facts(text, finding, rules_hint)


def check_hint(answer: str, finding: Mapping, rules_hint: str = "", context: str = "", *,
               problem_line: str = "", fixed_lines: str = "") -> Grounding:
    """Does a retelling keep the diagnosis' key facts, and contradict none?

    rules_hint: the rules' own words about the finding (never a card's example); context: the child's
    program (code named from it, or from the rules' words, is fine; from anywhere else it is not);
    problem_line and fixed_lines: the faulty line and the checked fix, so advice cannot point back.
    """
    facts = key_facts(finding, rules_hint)
    missing = missing_facts(answer, finding, rules_hint)
    contradictions: List[str] = []
    if facts.line is not None:
        others = mentioned_lines(answer) - {facts.line} - mentioned_lines(rules_hint)
        if others:
            contradictions.append("talks about line " + ", ".join(str(n) for n in sorted(others)))
    if facts.right_name and re.search(rf"{re.escape(facts.right_name)}\W{{0,3}}\s+(?:is not defined|no está definid)",
                                      answer):
        contradictions.append(f"says {facts.right_name} is not defined")
    if facts.symbol:
        lowered = answer.lower()
        for wrong in _WRONG_FOR_SYMBOL.get(facts.symbol, ()):
            if wrong in lowered:
                contradictions.append(f"mentions {wrong!r} instead of {facts.symbol!r}")
    if facts.error_type:
        others = set(_ERROR_TYPE.findall(answer)) - {facts.error_type}
        if others:
            contradictions.append("names another error: " + ", ".join(sorted(others)))
    known = " ".join([context, rules_hint, fixed_lines, str(finding.get("message") or ""), facts.wrong_name or "",
                      facts.right_name or "", facts.symbol or "", " ".join(facts.key_words)])
    contradictions += _common_contradictions(answer, known)
    foreign = foreign_code(answer, known)
    if foreign:
        contradictions.append("names code that is not in the program: " + ", ".join(foreign[:4]))
    if echoes_problem_line(answer, facts.line, problem_line):
        contradictions.append("repeats its instructions: the problem line's fact")
    backwards = backwards_advice(answer, problem_line, fixed_lines)
    if backwards:
        contradictions.append("advises the faulty code: " + ", ".join(backwards[:2]))
    contradictions += claims(answer, named=facts.wrong_name, rules_text=rules_hint, known=known, line=facts.line,
                             key=str(finding.get("key") or ""))
    return Grounding.of(missing, contradictions, copied_share(answer, rules_hint))


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
    return Grounding.of(missing, contradictions, copied_share(answer, rules_answer))


def _cards_text(cards: Iterable[Card]) -> str:
    return "\n".join(f"{card.title}\n{card.body}\n{card.code}" for card in cards)


def check(answer: str, facts: Facts) -> Grounding:
    """Grounding for a retelling (a hint or an answer); understanding requests are checked as JSON."""
    if facts.kind in ("hint", "answer") and wrong_language(answer, facts.lang):
        return Grounding(False, [], [f"not written in {facts.lang}"])
    if isinstance(facts, HintFacts):
        program = facts.program or facts.source_excerpt
        lines = program.splitlines()
        line = facts.finding.line
        problem_line = lines[line - 1] if facts.program and 0 < line <= len(lines) else ""
        return check_hint(answer, facts.problem, facts.rules_words or facts.rules_hint, program,
                          problem_line=problem_line, fixed_lines=facts.fixed_lines)
    if isinstance(facts, AnswerFacts):
        return check_answer(answer, facts.rules_answer, facts.cards, facts.question)
    return Grounding(bool(answer.strip()), [] if answer.strip() else ["a program"])


def describe(result: Grounding) -> Tuple[str, ...]:
    """One line per problem, for the teacher's log."""
    again = [f"says the rules' words again ({round(100 * result.copied)}% copied)"] if result.adds_nothing else []
    return tuple([f"missing {m}" for m in result.missing] + result.contradictions + again)
