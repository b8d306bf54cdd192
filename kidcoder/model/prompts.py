"""Pure prompt builders for the optional model: retell a hint or an answer "in other words", and (from
model/understand.py) the three reading jobs that answer in JSON.

A small model is only trusted to retell what the rules already said, so a retelling
prompt carries the rules' own words (never the card: its example is not the child's
code, and its notes made prompts 500-600 tokens), the problem line and the key facts.
Every prompt stays within PROMPT_BUDGET tokens (measured with each model's own
tokenizer in the opt-in tests) so the first word comes quickly on a laptop, and its
system part is the same text for every request of a kind and language, so the
engine keeps that part's state between requests. Each prompt is laid out in the
chat format the model file declares (ChatML by default).
"""
from __future__ import annotations

from typing import Optional

from kidcoder.model.chat import CHATML, PROMPT_BUDGET, ChatFormat, ChatPrompt, fit, trim_to_tokens
from kidcoder.model.chat import estimate_tokens  # noqa: F401  (callers use prompts.estimate_tokens)
from kidcoder.model import understand
from kidcoder.model.facts import AnswerFacts, Facts, HintFacts
from kidcoder.model.grounding import key_facts

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
ANSWER_TOKENS = {"hint": 90, "answer": 110}
EXCERPT_RADIUS = 4              # lines shown either side of the problem line
HINT_USER_BUDGET = 70          # a hint's user part, estimated (about 65 of Qwen's tokens): its system part is
                                # kept between requests, but every user token is read again and delays the first
                                # word (Qwen 0.5B on one core of the test machine: 22 a second, measured)
LINE_CHARS = 50                 # of the problem line shown: a long line of code is 35-40 tokens


def excerpt_around(source: str, line: Optional[int], radius: int = EXCERPT_RADIUS) -> str:
    """The lines around a 1-based line, numbered like an editor, the problem line marked with '>'."""
    lines = source.splitlines()
    if not lines:
        return ""
    if not line or line < 1:
        first, last, line = 1, min(len(lines), 2 * radius + 1), 0
    else:
        line = min(line, len(lines))
        first, last = max(1, line - radius), min(len(lines), line + radius)
    width = len(str(last))
    return "\n".join(f"{'>' if n == line else ' '}{n:>{width}} | {lines[n - 1]}"
                     for n in range(first, last + 1))


def _system(lang: str, what: str) -> str:
    """The standing rules: the same text for every request of a kind and language, so an engine can keep
    its state between requests. Every token here would otherwise delay the first word."""
    return (f"You are KidCoder's helper for children aged 8 to 14 who make games in Python. {what} "
            "Talk to the child as \"you\", in short, simple sentences. Never blame. Never add code, names or "
            f"line numbers that are not given. No links. Answer in {LANGUAGE_NAMES[lang]}.")


HINT_SYSTEM = ("Say the helper's hint again in other words, in two short sentences. Keep the line number and every "
               "name. Do not show the fixed code unless told you may.")
ANSWER_SYSTEM = "Say the helper's answer again in other words, in two or three short sentences."


def hint_system(lang: str) -> str:
    """The system part every hint retelling in lang starts with: a worker reads it once as it starts
    (ProcessModel's warm_system), so even the child's first hint with a model skips it."""
    return _system(lang, HINT_SYSTEM)


def line_part(text: str, anchors, width: int = LINE_CHARS) -> str:
    """A code line cut to about width characters around the first anchor it holds (the wrong name, the
    missing symbol's place), whole when it is short; "…" marks a cut."""
    text = text.strip()
    if len(text) <= width:
        return text
    at = next((text.find(a) for a in anchors if a and a in text), 0)
    start = max(0, min(at - width // 3, len(text) - width))
    part = text[start:start + width]
    return ("…" if start else "") + part + ("…" if start + width < len(text) else "")


def _problem_facts(facts: HintFacts) -> str:
    """The diagnosis as short true statements (the same facts grounding later checks for)."""
    problem = facts.problem
    found = key_facts(problem, facts.rules_hint)
    parts = []
    lines = (facts.program or "").splitlines()
    if found.line and 0 < found.line <= len(lines):
        anchors = (found.wrong_name, found.symbol, *found.key_words)
        parts.append(f"Line {found.line}: {line_part(lines[found.line - 1], anchors)}")
    elif found.line:
        parts.append(f"Line: {found.line}")
    if found.wrong_name:
        parts.append(f"Name written: {found.wrong_name}")
    if found.right_name:
        parts.append(f"Name meant: {found.right_name}")
    if found.symbol:
        parts.append(f"Missing: {found.symbol}")
    if found.key_words:
        parts.append("Key words: " + ", ".join(found.key_words))
    return "\n".join(parts)


def hint_prompt(facts: HintFacts, lang: str, fmt: ChatFormat = CHATML, budget: Optional[int] = None) -> ChatPrompt:
    """Retell a hint: the rules' own words (no card), the problem line and the key facts, in a user part of
    about HINT_USER_BUDGET tokens (the whole prompt within PROMPT_BUDGET)."""
    system = hint_system(lang)
    if budget is None:
        budget = min(PROMPT_BUDGET, estimate_tokens(fmt.system_text(system)) + HINT_USER_BUDGET)
    head = "Hint: "
    tail = "\n" + _problem_facts(facts)
    tail += "\nYou may show the fixed line." if facts.level >= 3 else ""
    body = " ".join((facts.rules_words or facts.rules_hint).split())
    return ChatPrompt("hint", system, fit(system, head, body, tail, fmt, budget), fmt, ANSWER_TOKENS["hint"], lang)


def answer_prompt(facts: AnswerFacts, lang: str, fmt: ChatFormat = CHATML, budget: int = PROMPT_BUDGET) -> ChatPrompt:
    """Retell an answer: the question and the first words of the cards' answer (its title and key paragraph)."""
    system = _system(lang, ANSWER_SYSTEM)
    head = f"Question: {trim_to_tokens(' '.join(facts.question.split()), 40)}\nAnswer: "
    body = " ".join(facts.rules_answer.split("```")[0].split())
    return ChatPrompt("answer", system, fit(system, head, body, "", fmt, budget), fmt, ANSWER_TOKENS["answer"], lang)


BUILDERS = {"hint": hint_prompt, "answer": answer_prompt, **understand.BUILDERS}


def build_prompt(facts: Facts, fmt: ChatFormat = CHATML) -> ChatPrompt:
    """The prompt for one request, in the facts' language (English when it is not one we know)."""
    lang = facts.lang if facts.lang in LANGUAGE_NAMES else "en"
    return BUILDERS[facts.kind](facts, lang, fmt)
