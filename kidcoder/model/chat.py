"""How model families lay out a chat (ChatML, Llama 3, Phi-3, Gemma, Mistral), one request, its size in tokens,
and cleaning an answer.

Pure data and text: shared by the prompt builders, every engine and the worker process.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Tuple


PROMPT_BUDGET = 195             # tokens of a whole prompt (the goal is 200, measured with each model's tokenizer)
CHARS_PER_TOKEN = 3.3           # Qwen2.5 and SmolLM2 read our prompts at 3.4-4.9 characters a token (measured)


NON_ASCII_TOKENS = 1.5          # a letter outside ASCII (á, ñ, an emoji) may be one token or more on its own (measured)
_MARKER = re.compile(r"<\|[a-z_]+\|>|<(?:start|end)_of_turn>")   # a chat marker is one token in its model


def estimate_tokens(text: str) -> int:
    """A safe over-estimate of a prompt's tokens for code and short English or Spanish (a chat marker
    such as <|im_start|> counts as the one token it is, a letter outside ASCII as 1.5)."""
    markers = _MARKER.findall(text)
    wide = sum(1 for char in text if ord(char) > 127)
    plain = len(text) - sum(map(len, markers)) - wide
    return len(markers) + math.ceil(plain / CHARS_PER_TOKEN + wide * NON_ASCII_TOKENS)


def trim_to_tokens(text: str, budget: int) -> str:
    """Cut text to about budget tokens at a line (or word) boundary."""
    if estimate_tokens(text) <= budget:
        return text
    limit = max(0, int(budget * CHARS_PER_TOKEN) - 2)
    while limit > 0 and estimate_tokens(text[:limit]) + 2 > budget:    # text outside ASCII costs more
        limit -= max(1, limit // 8)
    cut = text[:limit]
    newline = cut.rfind("\n")
    if newline > limit // 2:
        return cut[:newline].rstrip()
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + " …"


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
    """One request for a model: what to say, in which format, and how long the answer may be.

    schema: for a JSON answer, the JSON schema a server that offers one holds the answer to;
    prefill: the first characters of the answer, written for the model by engines that can."""

    kind: str                    # "hint" | "answer" | "change" | "describe" | "search"
    system: str
    user: str
    format: ChatFormat = CHATML
    max_tokens: int = 200
    lang: str = "en"
    schema: Optional[Mapping[str, Any]] = None
    prefill: str = ""

    def full_text(self) -> str:
        return self.format.full_prompt(self.system, self.user)

    def messages(self) -> List[dict]:
        """OpenAI-style messages (for a classroom server that applies its own template)."""
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


def fit(system: str, head: str, body: str, tail: str, fmt: "ChatFormat", budget: int = PROMPT_BUDGET) -> str:
    """head + body + tail, with body trimmed so the whole prompt stays within budget tokens."""
    fixed = estimate_tokens(fmt.full_prompt(system, head + tail))
    return head + trim_to_tokens(body, max(12, budget - fixed)) + tail


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
