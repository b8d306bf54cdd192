"""Pure prompt builders for the optional model: explain a diagnosis, answer a question, vary a game.

A small model is only trusted to retell what the rules and the cards already
found, so every prompt carries those facts, the child's lines around the
problem (never the whole file) and the retrieved cards, trimmed to a token
budget that keeps the first token quick on a classroom laptop. Each prompt is
laid out in the chat format the model file declares (ChatML by default).
"""
from __future__ import annotations

import math
from typing import Iterable, List, Mapping, Optional, Sequence

from kidcoder.knowledge.cards import Card
from kidcoder.model.chat import CHATML, ChatFormat, ChatPrompt
from kidcoder.model.facts import AnswerFacts, Facts, GameFacts, HintFacts
from kidcoder.model.grounding import key_facts

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
DEFAULT_PROMPT_BUDGET = 700     # tokens of prompt: the lines, the facts and the cards
DEFAULT_ANSWER_TOKENS = {"hint": 160, "answer": 200, "game": 700}
EXCERPT_RADIUS = 4              # lines shown either side of the problem line


def estimate_tokens(text: str) -> int:
    """A safe over-estimate for code and short English or Spanish: about 3 characters per token."""
    return math.ceil(len(text) / 3)


def trim_to_tokens(text: str, budget: int) -> str:
    """Cut text to about budget tokens at a line (or word) boundary."""
    if estimate_tokens(text) <= budget:
        return text
    limit = max(0, budget * 3)
    cut = text[:limit]
    newline = cut.rfind("\n")
    if newline > limit // 2:
        return cut[:newline].rstrip()
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + " …"


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


def cards_text(cards: Iterable[Card], budget: int) -> str:
    """The retrieved knowledge cards, best first, within budget tokens."""
    parts: List[str] = []
    left = budget
    for card in cards:
        title, body, code = card.title.strip(), card.body.strip(), card.code.strip()
        text = f"## {title}\n{body}" + (f"\n```python\n{code}\n```" if code else "")
        cost = estimate_tokens(text)
        if cost > left:
            if left > 40:
                parts.append(trim_to_tokens(f"## {title}\n{body}", left))
            break
        parts.append(text)
        left -= cost
    return "\n\n".join(parts)


def _system(lang: str, extra: Sequence[str] = ()) -> str:
    """The standing rules, kept short: every token here delays the first word of the answer."""
    rules = [
        "You are KidCoder, a kind coding tutor for a child (8 to 14) who makes games with pygame-ce.",
        "Talk to the child as \"you\", in short, simple sentences. Never blame.",
        f"Answer in {LANGUAGE_NAMES[lang]}.",
        "Use only the facts given; never invent errors, line numbers or functions. No links, no personal questions.",
    ]
    return " ".join(rules + [rule for rule in extra if rule])


def _problem_facts(finding: Mapping, rules_hint: str) -> str:
    """The diagnosis as short true statements (the same facts grounding later checks for)."""
    facts = key_facts(finding, rules_hint)
    lines = []
    if facts.line:
        lines.append(f"Line: {facts.line}")
    if finding.get("kind"):
        lines.append(f"Kind of problem: {finding['kind']}")
    if finding.get("message"):
        lines.append(f"What Python said: {finding['message']}")
    if facts.wrong_name:
        lines.append(f"Name written: {facts.wrong_name}")
    if facts.right_name:
        lines.append(f"Name meant: {facts.right_name}")
    if facts.symbol:
        lines.append(f"Missing symbol: {facts.symbol}")
    if rules_hint:
        lines.append(f"Hint: {trim_to_tokens(rules_hint, 150)}")
    return "\n".join(lines)


def _with_cards(kind: str, lang: str, fmt: ChatFormat, budget: int, system: str, user: str, ask: str,
                cards: Sequence[Card]) -> ChatPrompt:
    """The prompt with as much of the cards as fits the budget between the facts and the request."""
    left = max(0, budget - estimate_tokens(fmt.full_prompt(system, user + ask)) - 10)  # room for headings
    notes = cards_text(cards, left)
    if notes:
        user += f"\nNotes:\n{notes}\n"
    return ChatPrompt(kind, system, user + ask, fmt, DEFAULT_ANSWER_TOKENS[kind], lang)


def hint_prompt(facts: HintFacts, lang: str, fmt: ChatFormat = CHATML,
                budget: int = DEFAULT_PROMPT_BUDGET) -> ChatPrompt:
    """Explain a diagnosis: the facts, the lines around the problem and the cards."""
    problem = facts.problem
    finding_line = key_facts(problem, facts.rules_hint).line
    known = _problem_facts(problem, facts.rules_hint)
    code = trim_to_tokens(facts.source_excerpt, max(60, budget // 3))
    level_rule = "You may show the fixed line." if facts.level >= 3 else "Give a clue, not the fixed code."
    system = _system(lang, [level_rule])
    user = (f"My program has a problem.\n\nWhat we know:\n{known}\n\n"
            f"My code near the problem:\n```python\n{code}\n```\n")
    where = f" on line {finding_line}" if finding_line else ""
    ask = f"\nPlease explain to me what is wrong{where}, in two or three short sentences. Say the line number."
    if not finding_line:
        ask = "\nPlease explain to me what is wrong, in two or three short sentences."
    return _with_cards("hint", lang, fmt, budget, system, user, ask, facts.cards)


def answer_prompt(facts: AnswerFacts, lang: str, fmt: ChatFormat = CHATML,
                  budget: int = DEFAULT_PROMPT_BUDGET) -> ChatPrompt:
    """Answer a child's question from the cards; the rules' answer is the backbone."""
    question = trim_to_tokens(facts.question.strip(), 120)
    rules_answer = trim_to_tokens(facts.rules_answer.strip(), 200)
    system = _system(lang, ["If the facts do not answer the question, say you are not sure.",
                            "Keep any code example under 12 lines."])
    user = f"My question: {question}\n"
    if rules_answer:
        user += f"\nA true answer to start from:\n{rules_answer}\n"
    ask = "\nPlease answer my question in a few short sentences, using only these facts."
    return _with_cards("answer", lang, fmt, budget, system, user, ask, facts.cards)


def game_prompt(facts: GameFacts, lang: str, fmt: ChatFormat = CHATML, budget: int = 1400) -> ChatPrompt:
    """Write a variation of a template game."""
    description = trim_to_tokens(facts.description.strip(), 120)
    slot_text = "\n".join(f"- {name}: {value}" for name, value in dict(facts.slots).items())
    system = _system(lang, [
        "Write one complete Python program in a single ```python code block, then one sentence about it.",
        "Start from the template and change only what the child asked for.",
        "Import only pygame, random and math. Keep the game loop, the QUIT event, clock.tick(60) and "
        "pygame.display.flip().",
        f"Write comments and on-screen text in {LANGUAGE_NAMES[lang]}.",
    ])
    user = f"I want a game: {description}\n"
    if slot_text:
        user += f"\nChoices already made:\n{slot_text}\n"
    user += (f"\nTemplate game ({facts.template_id or 'template'}):\n```python\n"
             f"{trim_to_tokens(facts.template_source, max(200, budget - 200))}\n```\n\nWrite the new game.")
    return ChatPrompt("game", system, user, fmt, DEFAULT_ANSWER_TOKENS["game"], lang)


BUILDERS = {"hint": hint_prompt, "answer": answer_prompt, "game": game_prompt}


def build_prompt(facts: Facts, fmt: ChatFormat = CHATML) -> ChatPrompt:
    """The prompt for one request, in the facts' language (English when it is not one we know)."""
    lang = facts.lang if facts.lang in LANGUAGE_NAMES else "en"
    return BUILDERS[facts.kind](facts, lang, fmt)
