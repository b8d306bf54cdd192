"""The gpt4all engine: a GGUF file run on the CPU. The only module in KidCoder that imports gpt4all.

gpt4all is imported inside Gpt4AllModel.load(), not at the top: it is an optional
package, its native libraries are slow to load, and load() runs only in the
model's own worker process (model/worker.py), so a native crash never reaches the window.

The system part of a prompt is read once and its state kept: the next request with the
same system text starts from just after it (the context's n_past is set back there), so
only the short user part is read again. gpt4all's own chat_session would instead grow
the history with every answer.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Optional

from kidcoder.model.chat import CHATML, ChatFormat, clean_answer
from kidcoder.model.facts import UNDERSTANDING
from kidcoder.model.interface import Generation, HintModel, ModelError
from kidcoder.model.threads import choose_threads, usable_cores

DEFAULT_N_BATCH = 256        # gpt4all's default of 8 made a 700-token prompt wait ~70 s for its first token
DEFAULT_N_CTX = 2048


class Gpt4AllModel(HintModel):
    """A GGUF file run by gpt4all on the CPU. Use it inside the worker process, not in the app's."""

    def __init__(self, path, *, threads: Optional[int] = None, chat_format: Optional[ChatFormat] = None,
                 n_ctx: int = DEFAULT_N_CTX, n_batch: int = DEFAULT_N_BATCH):
        self.path = Path(path)
        self.name = self.path.name
        self.threads = threads or choose_threads(usable_cores())
        self.chat_format = chat_format or CHATML
        self.n_ctx, self.n_batch = n_ctx, n_batch
        self._gpt = None
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._system: Optional[str] = None     # the system text whose state the context holds
        self._system_past = 0

    def load(self) -> None:
        """Load with allow_download=False on the CPU; ModelError with a reason key when it cannot."""
        try:
            from gpt4all import GPT4All  # lazy: optional package, native libraries (see the module docstring)
        except ImportError as exc:
            raise ModelError("model.off.no_backend", str(exc)) from None
        try:
            self._gpt = GPT4All(self.path.name, model_path=str(self.path.parent), allow_download=False,
                                device="cpu", n_threads=self.threads, n_ctx=self.n_ctx)
        except Exception as exc:  # gpt4all raises plain Exception("Model not loaded") and others
            raise ModelError("model.off.load_failed", f"{type(exc).__name__}: {exc}") from None

    def set_threads(self, threads: int) -> None:
        if self._gpt is not None and threads != self.threads:
            self._gpt.model.set_thread_count(threads)
            self.threads = threads

    def _keep_system(self, system: str) -> int:
        """Read the system text into the context (once per distinct text); returns the context length
        after it, where every request with the same system text starts."""
        model = self._gpt.model
        if not system:                       # a chat format without a system role: start afresh
            self._system = None
            return 0
        if system != self._system or model.context is None:
            self._system = None
            model.prompt_model(system, "%1%2", lambda *_: True, n_predict=0, reset_context=True, special=True,
                               n_batch=self.n_batch)
            self._system, self._system_past = system, int(model.context.n_past)
        model.context.n_past = self._system_past
        return self._system_past

    def warm(self, system: str) -> None:
        """Read a system part now, before any request needs it (the state is kept for the next request
        with the same system part; a different one simply replaces it)."""
        if self._gpt is None or not self.chat_format.system_block:
            return
        with self._lock:
            try:
                self._keep_system(self.chat_format.system_text(system))
            except Exception:
                self._system = None
                raise

    def generate(self, prompt, on_token=None, *, threads=None, first_token_timeout_s=None, timeout_s=None):
        """Stream an answer; the deadlines here stop generation between tokens (the worker's host also
        kills a worker that is stuck before its first token). Generation.prompt_tokens is the prompt's
        length in the model's own tokens (system part included)."""
        if self._gpt is None:
            raise ModelError("model.off.load_failed", "not loaded")
        if threads:
            self.set_threads(threads)
        fmt = self.chat_format
        system, user = fmt.system_text(prompt.system), prompt.user
        if not fmt.system_block:
            user = f"{prompt.system}\n\n{user}"
        template = fmt.user_template.replace("{0}", "%1") + prompt.prefill + "%2"
        self._cancel.clear()
        start = time.monotonic()
        state = {"text": "", "tokens": 0, "kept": 0, "first": None, "reason": "stop"}

        def on_piece(_token_id: int, piece: str) -> bool:
            now = time.monotonic() - start
            if state["first"] is None:
                state["first"] = now
            state["tokens"] += 1
            state["text"] += piece
            if self._cancel.is_set():
                state["reason"] = "cancelled"
                return False
            if timeout_s is not None and now > timeout_s:
                state["reason"] = "timeout"
                return False
            if any(stop in state["text"] for stop in fmt.stops):
                return False
            if on_token and piece:
                on_token(piece)
            state["kept"] += 1
            return True

        with self._lock:
            try:
                self._keep_system(system)
                reading = prompt.kind in UNDERSTANDING       # a reading job takes the likeliest word (top_k 1)
                self._gpt.model.prompt_model(user, template, on_piece, n_predict=prompt.max_tokens, temp=0.3,
                                             top_k=1 if reading else 40, top_p=0.9, repeat_penalty=1.15, n_batch=self.n_batch,
                                             reset_context=not system, special=False)
            except Exception:
                self._system = None          # the context is in an unknown state: read the system part again
                raise
            prompt_tokens = max(0, int(self._gpt.model.context.n_past) - state["kept"])
        if state["reason"] == "stop" and state["tokens"] >= prompt.max_tokens:
            state["reason"] = "length"
        return Generation(clean_answer(state["text"], fmt), state["reason"], state["tokens"], state["first"],
                          time.monotonic() - start, prompt_tokens=prompt_tokens)

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        if self._gpt is not None:
            self._gpt.close()
            self._gpt = None
        self._system = None
