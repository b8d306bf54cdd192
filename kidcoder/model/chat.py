"""How model families lay out a chat (ChatML, Llama 3, Phi-3, Gemma, Mistral), one request, and cleaning an answer.

Pure data and text: shared by the prompt builders, every engine and the worker process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple


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
