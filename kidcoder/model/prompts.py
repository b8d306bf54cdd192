"""Pure prompt builders for the optional model: explain a diagnosis, answer a question, vary a game.

A small model is only trusted to retell what the rules and the cards already
found, so every prompt carries those facts, the child's lines around the
problem (never the whole file) and the retrieved cards, trimmed to a token
budget that keeps the first token quick on a classroom laptop. Each prompt is
laid out in the chat format the model file declares (ChatML by default).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
DEFAULT_PROMPT_BUDGET = 700     # tokens of prompt: the lines, the facts and the cards
DEFAULT_ANSWER_TOKENS = {"hint": 160, "answer": 200, "game": 700}
EXCERPT_RADIUS = 4              # lines shown either side of the problem line


@dataclass(frozen=True)
class ChatFormat:
    """How one model family lays out a chat. `user_template` uses {0} for the user text (gpt4all style)."""

    name: str
    system_block: str            # uses {system}; empty when the family has no system role
    user_template: str
    stops: Tuple[str, ...]

    def system_text(self, system: str) -> str:
        return self.system_block.replace("{system}", system) if self.system_block else ""

    def full_prompt(self, system: str, user: str) -> str:
        """The whole prompt as one string (for token counting and plain completion backends)."""
        if not self.system_block:
            user = f"{system}\n\n{user}"
        return self.system_text(system) + self.user_template.replace("{0}", user)


CHATML = ChatFormat("chatml", "<|im_start|>system\n{system}<|im_end|>\n",
                    "<|im_start|>user\n{0}<|im_end|>\n<|im_start|>assistant\n", ("<|im_end|>", "<|im_start|>"))
LLAMA3 = ChatFormat("llama3", "<|start_header_id|>system<|end_header_id|>\n\n{system}<|eot_id|>",
                    "<|start_header_id|>user<|end_header_id|>\n\n{0}<|eot_id|>"
                    "<|start_header_id|>assistant<|end_header_id|>\n\n", ("<|eot_id|>", "<|start_header_id|>"))
PHI3 = ChatFormat("phi3", "<|system|>\n{system}<|end|>\n", "<|user|>\n{0}<|end|>\n<|assistant|>\n",
                  ("<|end|>", "<|user|>"))
GEMMA = ChatFormat("gemma", "", "<start_of_turn>user\n{0}<end_of_turn>\n<start_of_turn>model\n",
                   ("<end_of_turn>", "<start_of_turn>"))
MISTRAL = ChatFormat("mistral", "", "[INST] {0} [/INST]", ("[INST]", "</s>"))
FORMATS = {f.name: f for f in (CHATML, LLAMA3, PHI3, GEMMA, MISTRAL)}


def format_for_template(chat_template: Optional[str]) -> ChatFormat:
    """The chat format a model file declares in its tokenizer.chat_template (ChatML when unknown)."""
    text = chat_template or ""
    if "<|im_start|>" in text:
        return CHATML
    if "<|start_header_id|>" in text:
        return LLAMA3
    if "<start_of_turn>" in text:
        return GEMMA
    if "<|assistant|>" in text and "<|end|>" in text:
        return PHI3
    if "[INST]" in text:
        return MISTRAL
    return CHATML


@dataclass(frozen=True)
class ChatPrompt:
    """One request for a model: what to say, in which format, and how long the answer may be."""

    kind: str                    # "hint" | "answer" | "game"
    system: str
    user: str
    format: ChatFormat = CHATML
    max_tokens: int = 200
    lang: str = "en"

    def full_text(self) -> str:
        return self.format.full_prompt(self.system, self.user)

    def messages(self) -> List[dict]:
        """OpenAI-style messages (for a classroom server that applies its own template)."""
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


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


def _field(item, name: str, default=""):
    if isinstance(item, Mapping):
        return item.get(name, default)
    return getattr(item, name, default)


def cards_text(cards: Optional[Iterable], budget: int) -> str:
    """The retrieved knowledge cards (dicts or Card objects), best first, within budget tokens."""
    parts: List[str] = []
    left = budget
    for card in cards or ():
        title = str(_field(card, "title")).strip()
        body = str(_field(card, "body")).strip()
        code = str(_field(card, "code")).strip()
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
        f"Answer in {LANGUAGE_NAMES.get(lang, 'English')}.",
        "Use only the facts given; never invent errors, line numbers or functions. No links, no personal questions.",
    ]
    return " ".join(rules + [rule for rule in extra if rule])


def _problem_facts(finding: Mapping, rules_hint: str) -> str:
    """The diagnosis as short true statements (the same facts grounding later checks for)."""
    from kidcoder.model.grounding import key_facts

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


def _left(budget: int, fmt: ChatFormat, system: str, user: str) -> int:
    """Tokens left for the cards once the rest of the prompt is laid out (with room for headings)."""
    return max(0, budget - estimate_tokens(fmt.full_prompt(system, user)) - 10)


def hint_prompt(facts: Mapping, lang: str = "en", fmt: ChatFormat = CHATML,
                budget: int = DEFAULT_PROMPT_BUDGET) -> ChatPrompt:
    """Explain a diagnosis (level 2): the facts, the lines around the problem and the cards.

    facts: source_excerpt (or source), finding (dict with line, kind, message, maybe wrong/right),
    rules_hint, level, cards.
    """
    from kidcoder.model.grounding import key_facts

    finding = dict(facts.get("finding") or {})
    level = int(facts.get("level") or 2)
    rules_hint = str(facts.get("rules_hint") or "")
    finding_line = key_facts(finding, rules_hint).line
    excerpt = facts.get("source_excerpt")
    if not excerpt and facts.get("source"):
        excerpt = excerpt_around(str(facts["source"]), finding_line)
    known = _problem_facts(finding, rules_hint)
    code = trim_to_tokens(str(excerpt or ""), max(60, budget // 3))
    level_rule = "You may show the fixed line." if level >= 3 else "Give a clue, not the fixed code."
    system = _system(lang, [level_rule])
    user = (f"My program has a problem.\n\nWhat we know:\n{known}\n\n"
            f"My code near the problem:\n```python\n{code}\n```\n")
    where = f" on line {finding_line}" if finding_line else ""
    ask = f"\nPlease explain to me what is wrong{where}, in two or three short sentences. Say the line number."
    if not finding_line:
        ask = "\nPlease explain to me what is wrong, in two or three short sentences."
    cards = cards_text(facts.get("cards"), _left(budget, fmt, system, user + ask))
    if cards:
        user += f"\nNotes:\n{cards}\n"
    user += ask
    return ChatPrompt("hint", system, user, fmt, DEFAULT_ANSWER_TOKENS["hint"], lang)


def answer_prompt(facts: Mapping, lang: str = "en", fmt: ChatFormat = CHATML,
                  budget: int = DEFAULT_PROMPT_BUDGET) -> ChatPrompt:
    """Answer a child's question from the cards; the rules' answer is the backbone. facts: question, cards, rules_answer."""
    question = trim_to_tokens(str(facts.get("question") or "").strip(), 120)
    rules_answer = trim_to_tokens(str(facts.get("rules_answer") or "").strip(), 200)
    system = _system(lang, ["If the facts do not answer the question, say you are not sure.",
                            "Keep any code example under 12 lines."])
    user = f"My question: {question}\n"
    if rules_answer:
        user += f"\nA true answer to start from:\n{rules_answer}\n"
    ask = "\nPlease answer my question in a few short sentences, using only these facts."
    cards = cards_text(facts.get("cards"), _left(budget, fmt, system, user + ask))
    if cards:
        user += f"\nNotes:\n{cards}\n"
    user += ask
    return ChatPrompt("answer", system, user, fmt, DEFAULT_ANSWER_TOKENS["answer"], lang)


def game_prompt(facts: Mapping, lang: str = "en", fmt: ChatFormat = CHATML,
                budget: int = 1400) -> ChatPrompt:
    """Write a variation of a template game. facts: description, template_id, template_source, slots."""
    description = trim_to_tokens(str(facts.get("description") or "").strip(), 120)
    template = str(facts.get("template_source") or "")
    slots = facts.get("slots") or {}
    slot_text = "\n".join(f"- {name}: {value}" for name, value in dict(slots).items())
    system = _system(lang, [
        "Write one complete Python program in a single ```python code block, then one sentence about it.",
        "Start from the template and change only what the child asked for.",
        "Import only pygame, random and math. Keep the game loop, the QUIT event, clock.tick(60) and "
        "pygame.display.flip().",
        f"Write comments and on-screen text in {LANGUAGE_NAMES.get(lang, 'English')}.",
    ])
    user = f"I want a game: {description}\n"
    if slot_text:
        user += f"\nChoices already made:\n{slot_text}\n"
    user += (f"\nTemplate game ({facts.get('template_id') or 'template'}):\n```python\n"
             f"{trim_to_tokens(template, max(200, budget - 200))}\n```\n\nWrite the new game.")
    return ChatPrompt("game", system, user, fmt, DEFAULT_ANSWER_TOKENS["game"], lang)


BUILDERS = {"hint": hint_prompt, "answer": answer_prompt, "game": game_prompt}


def build_prompt(kind: str, facts: Mapping, lang: str = "en", fmt: ChatFormat = CHATML) -> ChatPrompt:
    """The prompt for one kind of request ("hint", "answer" or "game")."""
    try:
        builder = BUILDERS[kind]
    except KeyError:
        raise ValueError(f"unknown request kind: {kind!r}") from None
    return builder(facts, lang if lang in LANGUAGE_NAMES else "en", fmt)


_FENCE = re.compile(r"```(?:python|py)?[ \t]*\n(.*?)```", re.S)


def code_blocks(text: str) -> List[str]:
    """The fenced code blocks of a model answer (an unclosed last block counts too)."""
    blocks = [m.group(1) for m in _FENCE.finditer(text)]
    tail = text[text.rfind("```"):] if text.count("```") % 2 == 1 else ""
    if tail:
        newline = tail.find("\n")
        if newline != -1:
            blocks.append(tail[newline + 1:])
    return blocks


def clean_answer(text: str, fmt: ChatFormat = CHATML) -> str:
    """The answer without chat markers the model may echo, and without trailing blank space."""
    for stop in fmt.stops + CHATML.stops:
        cut = text.find(stop)
        if cut != -1:
            text = text[:cut]
    return text.strip()
