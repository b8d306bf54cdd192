"""What the helper needs from a language model: HintModel (streamed, cancellable generation), its result and its error.

Every engine (the gpt4all one in its worker process, the classroom server, the
fake for tests) implements HintModel; everything else in KidCoder talks to this
interface only, so no engine module is imported by another.
"""
from __future__ import annotations

import abc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from kidcoder.model.chat import CHATML, ChatFormat, ChatPrompt

TokenCallback = Callable[[str], None]


class ModelError(RuntimeError):
    """The model could not load or answer; reason is an i18n key (model.*)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


@dataclass
class Generation:
    """How one answer went. reason: "stop" (finished), "length", "cancelled", "timeout" or "error";
    prompt_tokens: the prompt's length in the model's own tokens, when the engine can tell."""

    text: str
    reason: str = "stop"
    tokens: int = 0
    first_token_s: Optional[float] = None
    seconds: float = 0.0
    error: str = ""
    prompt_tokens: Optional[int] = None


class HintModel(abc.ABC):
    """What the helper needs from a model: streamed generation that can be cancelled, a name, close."""

    name: str = "model"
    path: Optional[Path] = None          # the model file, for engines that run one
    chat_format: ChatFormat = CHATML
    retry_after_s: Optional[float] = None   # a model switched off may be tried again after this (a server)

    def load(self) -> None:
        """Get ready (may take a while; the service calls it in its worker). Raise ModelError on failure."""

    @abc.abstractmethod
    def generate(self, prompt: ChatPrompt, on_token: Optional[TokenCallback] = None, *,
                 threads: Optional[int] = None, first_token_timeout_s: Optional[float] = None,
                 timeout_s: Optional[float] = None) -> Generation:
        """Answer prompt, calling on_token with each piece of text as it comes; blocks until done."""

    def cancel(self) -> None:
        """Stop the generation in flight at the next token (callable from any thread)."""

    def close(self) -> None:
        """Free the model (and its process, if it has one)."""

    @property
    def pids(self) -> tuple:
        """The processes this model runs in on this machine (its own CPU time is not "other load")."""
        return ()

    @property
    def identity(self) -> str:
        """What the model is known by in the teacher's notes: its file, else its name."""
        return str(self.path or self.name)
