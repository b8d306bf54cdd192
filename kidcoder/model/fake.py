"""FakeModel: a HintModel for tests that streams scripted replies word by word and honours cancel and timeouts."""
from __future__ import annotations

import threading
import time
from typing import Callable, List, Optional, Sequence, Union

from kidcoder.model.chat import ChatPrompt
from kidcoder.model.interface import Generation, HintModel, ModelError


class FakeModel(HintModel):
    """A model for tests: streams scripted replies word by word, honours cancel and timeouts."""

    def __init__(self, replies: Union[str, Sequence[str], Callable[[ChatPrompt], str]] = "",
                 *, name: str = "fake", token_delay_s: float = 0.0, first_token_delay_s: float = 0.0,
                 fail_load: Optional[str] = None, crash_on: Optional[str] = None):
        self.name = name
        self._replies = replies
        self._calls = 0
        self.token_delay_s, self.first_token_delay_s = token_delay_s, first_token_delay_s
        self.fail_load, self.crash_on = fail_load, crash_on
        self.prompts: List[ChatPrompt] = []
        self.results: List[Generation] = []
        self.loaded = self.closed = False
        self._cancel = threading.Event()

    def load(self) -> None:
        if self.fail_load:
            raise ModelError(self.fail_load, "fake load failure")
        self.loaded = True

    def _reply(self, prompt: ChatPrompt) -> str:
        if callable(self._replies):
            return self._replies(prompt)
        if isinstance(self._replies, str):
            return self._replies
        return self._replies[min(self._calls, len(self._replies) - 1)] if self._replies else ""

    def generate(self, prompt, on_token=None, *, threads=None, first_token_timeout_s=None, timeout_s=None):
        result = self._generate(prompt, on_token, first_token_timeout_s, timeout_s)
        self.results.append(result)
        return result

    def _generate(self, prompt, on_token, first_token_timeout_s, timeout_s) -> Generation:
        self._cancel.clear()
        self.prompts.append(prompt)
        reply = self._reply(prompt)
        self._calls += 1
        if self.crash_on and self.crash_on in prompt.user:
            raise ModelError("model.off.crashed", "fake crash")
        start = time.monotonic()
        pieces = [w + " " for w in reply.split(" ")] if reply else []
        if pieces:
            pieces[-1] = pieces[-1][:-1]
        out: List[str] = []
        first: Optional[float] = None
        for index, piece in enumerate(pieces):
            delay = self.first_token_delay_s if index == 0 else self.token_delay_s
            limits = [limit for limit in (first_token_timeout_s if index == 0 else None, timeout_s)
                      if limit is not None]
            left = min(limits) - (time.monotonic() - start) if limits else None
            if left is not None and delay > left:
                cancelled = self._cancel.wait(max(0.0, left))
                return Generation("".join(out), "cancelled" if cancelled else "timeout", index, first,
                                  time.monotonic() - start)
            if self._cancel.wait(delay) if delay else self._cancel.is_set():
                return Generation("".join(out), "cancelled", index, first, time.monotonic() - start)
            if first is None:
                first = time.monotonic() - start
            out.append(piece)
            if on_token:
                on_token(piece)
        return Generation("".join(out), "stop", len(pieces), first, time.monotonic() - start)

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        self.closed = True
