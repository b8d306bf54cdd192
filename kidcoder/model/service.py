"""The model service: one owner of the model; requests queue, tokens stream, edits cancel.

The rules' answer is shown at once by the caller; the model's answer streams in
after it as events the UI drains each frame (never blocking). Text is released
a sentence at a time, and only once it passes review (model/review.py); a
"dropped" event sends the pane back to the rules' answer. A model that crashes
is restarted once; one that crashes again, cannot load, or is too slow is
switched off until the app restarts. The command line uses the same path,
blocking, through OneShot.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional

from kidcoder.background import Worker
from kidcoder.config import Settings
from kidcoder.model.catalog import switch_off
from kidcoder.model.choose import open_model
from kidcoder.model.facts import Facts, ModelReply
from kidcoder.model.interface import Generation, HintModel, ModelError
from kidcoder.model.prompts import build_prompt
from kidcoder.model.review import StreamGate, finished_text, review
from kidcoder.model.threads import threads_now

log = logging.getLogger("kidcoder.model")
TIMEOUTS_S = {"hint": 60.0, "answer": 60.0, "game": 180.0}


@dataclass(frozen=True)
class ModelEvent:
    """Something for the helper pane. kind: "status" (text is an i18n key), "token" (safe text to append),
    "final" (the whole accepted answer), "dropped" (show the rules' answer again) or "off" (no model)."""

    request_id: int
    kind: str
    text: str = ""
    model: Optional[str] = None


Emit = Callable[..., None]


def _no_events(request_id: int, kind: str, text: str = "", model: Optional[str] = None) -> None:
    """Where a blocking request's events go: nobody is drawing them."""


class ModelService:
    """The one owner of the model (and so of its process). The UI calls request() and cancel() and drains
    poll() each frame, and a worker thread does the work; answer_now() is the blocking form."""

    def __init__(self, settings: Settings, model_factory: Optional[Callable[[], Optional[HintModel]]] = None,
                 *, max_events: int = 512, timeouts_s: Optional[Dict[str, float]] = None):
        self._factory = model_factory or (lambda: open_model(settings))
        self.first_token_limit_s = float(settings.model_first_token_limit_s)
        self.timeouts_s = dict(TIMEOUTS_S, **(timeouts_s or {}))
        self._worker = Worker(max_results=max_events)      # lane "model": one thread owns the model
        self._lock = threading.Lock()
        self._latest = 0
        self._busy_cores = 0
        self._model: Optional[HintModel] = None
        self._off = False
        self._crashes = 0
        self._overflow = ""

    # --- called from the UI thread ---

    def request(self, facts: Facts) -> int:
        """Queue a request (it cancels the one in flight); returns its id for matching events."""
        request_id = self._next_id()
        self._cancel_model()
        self._worker.submit("request", self._serve_queued, request_id, facts, lane="model", report=False)
        return request_id

    def warm_up(self) -> None:
        """Load the model now, in the background, so the first hint does not wait for it (events have id 0)."""
        self._worker.submit("warm", self._warm, lane="model", report=False)

    def cancel(self) -> None:
        """The child edited the program (or moved on): stop the answer in flight at its next token."""
        self._next_id()
        self._cancel_model()

    def set_busy_cores(self, busy: int) -> None:
        """How many cores something else needs (a game running in the preview needs one)."""
        self._busy_cores = max(0, int(busy))

    def poll(self, limit: int = 64) -> List[ModelEvent]:
        """Up to limit events, without waiting (call once per frame)."""
        return self._worker.poll(limit)

    def available(self) -> bool:
        """False once the model is known to be missing or switched off."""
        return not self._off

    @property
    def loaded_model(self) -> Optional[HintModel]:
        """The model once it has loaded (None before, and after it was switched off)."""
        return self._model

    def close(self) -> None:
        self._cancel_model()
        self._worker.close(timeout=5)
        if self._model is not None:
            self._model.close()
            self._model = None

    # --- the blocking form ---

    def answer_now(self, facts: Facts) -> Optional[ModelReply]:
        """The model's checked reply, or None (no model, switched off, too slow, crashed, or an answer that
        fails review). Blocks the calling thread; for callers without a window, never the UI thread."""
        return self._serve(self._next_id(), facts, _no_events)

    # --- the worker thread ---

    def _next_id(self) -> int:
        with self._lock:
            self._latest += 1
            return self._latest

    def _cancel_model(self) -> None:
        model = self._model
        if model is not None:
            model.cancel()

    def _stale(self, request_id: int) -> bool:
        return request_id != self._latest

    def _emit(self, request_id: int, kind: str, text: str = "", model: Optional[str] = None) -> None:
        if kind == "token":
            text, self._overflow = self._overflow + text, ""
        event = ModelEvent(request_id, kind, text, model)
        if not self._worker.post(event, timeout=0 if kind == "token" else 1.0) and kind == "token":
            self._overflow = text  # merged into the next token event

    def _warm(self) -> None:
        if self._ready_model(0, self._emit) is not None:
            self._emit(0, "status", "model.status.ready")

    def _serve_queued(self, request_id: int, facts: Facts) -> None:
        if self._stale(request_id):
            return
        try:
            self._serve(request_id, facts, self._emit)
        except Exception:  # the helper pane must never lose the rules' answer to a bug here
            log.exception("model request failed")
            self._emit(request_id, "dropped")

    def _ready_model(self, request_id: int, emit: Emit) -> Optional[HintModel]:
        if self._off:
            return None
        if self._model is None:
            model = self._factory()
            if model is None:
                self._off = True
                return None
            emit(request_id, "status", "model.status.waking")
            try:
                model.load()
            except ModelError as exc:
                self._switch_off(model, exc.reason, exc.detail)
                return None
            self._model = model
        return self._model

    def _switch_off(self, model: HintModel, reason: str, detail: str = "") -> None:
        self._off = True
        switch_off(model.identity, reason, detail)
        model.close()
        if self._model is model:
            self._model = None

    def _serve(self, request_id: int, facts: Facts, emit: Emit) -> Optional[ModelReply]:
        """One request, start to end: the one path both the window's and the command line's requests take."""
        model = self._ready_model(request_id, emit)
        if model is None:
            emit(request_id, "off")
            return None
        prompt = build_prompt(facts, model.chat_format)
        gate = StreamGate(facts.lang, facts)

        def on_token(piece: str) -> None:
            released = gate.feed(piece)
            if gate.unsafe or self._stale(request_id):
                model.cancel()  # a contradiction, unsafe text or a newer request: no need to hear the rest
            elif released and facts.kind != "game":
                emit(request_id, "token", released, model.name)

        emit(request_id, "status", "model.status.thinking")
        try:
            result = model.generate(prompt, on_token, threads=threads_now(self._busy_cores),
                                    first_token_timeout_s=self.first_token_limit_s,
                                    timeout_s=self.timeouts_s[facts.kind])
        except ModelError as exc:
            self._model = None
            model.close()
            self._crashes += 1
            if self._crashes > 1:
                self._switch_off(model, exc.reason, exc.detail)
                emit(request_id, "dropped")
                return None
            log.warning("model worker stopped (%s); starting it again once", exc.detail)
            return None if self._stale(request_id) else self._serve(request_id, facts, emit)
        return self._finish(request_id, facts, model, result, gate, emit)

    def _finish(self, request_id: int, facts: Facts, model: HintModel, result: Generation, gate: StreamGate,
                emit: Emit) -> Optional[ModelReply]:
        if self._stale(request_id) or result.reason == "cancelled" and not gate.unsafe:
            return None
        if result.reason == "timeout" and result.first_token_s is None:
            self._switch_off(model, "model.off.too_slow", f"no first token in {self.first_token_limit_s:.0f} s")
            emit(request_id, "dropped")
            return None
        if gate.unsafe:
            log.info("model answer dropped early: %s", gate.rejected)
        cut_off = result.reason in ("error", "timeout")
        accepted = None if gate.unsafe or cut_off else review(finished_text(result), facts)
        if accepted is None:
            emit(request_id, "dropped")
            return None
        emit(request_id, "final", accepted, model.name)
        return ModelReply(accepted, model.name)


class OneShot:
    """The model as the helper's `enrich` callable for callers without a window (the command line,
    benchmarks): blocking, one model per use, loaded on the first request; a context manager that closes it."""

    def __init__(self, settings: Settings, model_factory: Optional[Callable[[], Optional[HintModel]]] = None):
        self.service = ModelService(settings, model_factory)

    def __call__(self, facts: Facts) -> Optional[ModelReply]:
        return self.service.answer_now(facts)

    def close(self) -> None:
        self.service.close()

    def __enter__(self) -> "OneShot":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
