"""The model service: one owner of the model; requests queue, tokens stream, edits cancel.

Two kinds of request. A retelling (HintFacts, AnswerFacts): the rules' answer is shown
at once by the caller, and the model's checked words stream in after it as events the
UI drains each frame (never blocking), a sentence at a time once they pass review
(model/review.py); a "dropped" event means only the rules' answer stays. An
understanding request (ChangeFacts, DescriptionFacts, SearchFacts): the model answers
in JSON, which model/understand.py checks; a wrong answer is asked for once more with
what was wrong, then None (the caller keeps the rules' reading).

A model that crashes is restarted once; one that crashes again or cannot load is
switched off (a classroom server is tried again after a while). A model too slow for
its first word twice in a row is switched off too. Each time, a note for the teacher
goes to model-notes.log and a "note" event to the window's status line. The command
line and background jobs use the same path, blocking, through answer_now() and OneShot.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from kidcoder.background import Worker
from kidcoder.config import Settings
from kidcoder.model.catalog import switch_off, teacher_note
from kidcoder.model.chat import ChatFormat, ChatPrompt
from kidcoder.model.choose import open_model
from kidcoder.model.facts import UNDERSTANDING, Facts, ModelReply
from kidcoder.model.interface import Generation, HintModel, ModelError
from kidcoder.model.prompts import build_prompt
from kidcoder.model.review import StreamGate, finished_text, review
from kidcoder.model.threads import LoadMeter, threads_now
from kidcoder.model.understand import read_reply, retry_prompt
from kidcoder.i18n import tr

log = logging.getLogger("kidcoder.model")
TIMEOUTS_S = {"hint": 60.0, "answer": 60.0, "change": 30.0, "describe": 30.0, "search": 20.0}
SLOW_IN_A_ROW = 2        # first-token timeouts in a row before the model is switched off
TRIES = 2                # an understanding request is asked at most twice (once more with what was wrong)


@dataclass(frozen=True)
class ModelEvent:
    """Something for the window. kind: "status" (text is an i18n key), "token" (safe text to append),
    "final" (the whole accepted answer), "dropped" (only the rules' answer stays), "off" (no model) or
    "note" (text is an i18n key: a line for the teacher in the status bar)."""

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
        self._serving = threading.Lock()                   # one request at a time talks to the model
        self._latest = 0
        self._busy_cores = 0
        self._meter = LoadMeter()
        self._model: Optional[HintModel] = None
        self._off = False
        self._retry_at: Optional[float] = None
        self._crashes = 0
        self._slow = 0
        self._overflow = ""
        self.last_prompt_tokens: Optional[int] = None      # the last prompt's length in the model's tokens
        self.last_tries = 0                                 # the tries the last reading job took (0: no reply)
        self.last_threads = 0
        # when (time.perf_counter) the model wrote the last retelling's first word, shown or held back by the
        # checks: the window's benchmark times the model by it, whatever the checks then do with the words
        self.first_token_at: Optional[float] = None

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
        """Up to limit events, without waiting (call once per frame). Keeps a load reading a few seconds
        old, so the next question's threads are chosen from how busy the machine was before it."""
        model = self._model
        self._meter.mark(model.pids if model is not None else ())
        return self._worker.poll(limit)

    def available(self) -> bool:
        """False once the model is known to be missing or switched off (a server: until it is tried again)."""
        return not self._off or (self._retry_at is not None and time.monotonic() >= self._retry_at)

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
        fails its checks). Blocks the calling thread (never the UI thread); a child's own request goes before
        a retelling in flight, which it cancels."""
        request_id = self._next_id()
        self._cancel_model()
        with self._serving:
            return self._serve(request_id, facts, _no_events)

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
        with self._serving:
            if self._ready_model(0, self._emit) is not None:
                self._emit(0, "status", "model.status.ready")

    def _serve_queued(self, request_id: int, facts: Facts) -> None:
        with self._serving:
            if self._stale(request_id):
                return
            try:
                self._serve(request_id, facts, self._emit)
            except Exception:  # the helper pane must never lose the rules' answer to a bug here
                log.exception("model request failed")
                self._emit(request_id, "dropped")

    def _ready_model(self, request_id: int, emit: Emit) -> Optional[HintModel]:
        if self._off and not self.available():
            return None
        if self._model is None:
            model = self._factory()
            if model is None:
                self._off, self._retry_at = True, None
                return None
            emit(request_id, "status", "model.status.waking")
            try:
                model.load()
            except ModelError as exc:
                self._switch_off(model, exc.reason, exc.detail, request_id, emit)
                return None
            self._off, self._retry_at = False, None
            self._model = model
        return self._model

    def _switch_off(self, model: HintModel, reason: str, detail: str = "", request_id: int = 0,
                    emit: Emit = _no_events) -> None:
        """Stop using the model (a server: until retry_after_s has passed), with a note for the teacher."""
        self._off = True
        self._retry_at = time.monotonic() + model.retry_after_s if model.retry_after_s else None
        switch_off(model.identity, reason, detail, model.retry_after_s)
        emit(request_id, "note", reason)
        model.close()
        if self._model is model:
            self._model = None
        self._crashes = self._slow = 0

    def _generate(self, request_id: int, kind: str, make_prompt: Callable[[ChatFormat], ChatPrompt],
                  on_token, emit: Emit) -> Optional[Tuple[HintModel, ChatPrompt, Generation]]:
        """One generation, with the rules for crashes (restart once) and slowness (off after SLOW_IN_A_ROW);
        None when there is no answer to look at."""
        model = self._ready_model(request_id, emit)
        if model is None:
            emit(request_id, "off")
            return None
        if on_token is not None:
            emit(request_id, "status", "model.status.thinking")
        prompt = make_prompt(model.chat_format)
        self.last_threads = threads_now(self._busy_cores > 0, self._meter, model.pids)
        try:
            result = model.generate(prompt, on_token, threads=self.last_threads,
                                    first_token_timeout_s=self.first_token_limit_s, timeout_s=self.timeouts_s[kind])
        except ModelError as exc:
            self._model = None
            model.close()
            self._crashes += 1
            if self._crashes > 1:
                self._switch_off(model, exc.reason, exc.detail, request_id, emit)
                emit(request_id, "dropped")
                return None
            log.warning("model worker stopped (%s); starting it again once", exc.detail)
            return None if self._stale(request_id) else self._generate(request_id, kind, make_prompt, on_token, emit)
        self._crashes = 0
        self.last_prompt_tokens = result.prompt_tokens
        if result.reason == "timeout" and result.first_token_s is None:
            self._slow += 1
            detail = f"no first word in {self.first_token_limit_s:.0f} s"
            if self._slow >= SLOW_IN_A_ROW:
                self._switch_off(model, "model.off.too_slow", detail, request_id, emit)
            else:
                teacher_note(tr("model.note.slow", file=model.identity, detail=detail))
                emit(request_id, "note", "model.off.too_slow")
            emit(request_id, "dropped")
            return None
        if result.first_token_s is not None:
            self._slow = 0
        return model, prompt, result

    def _serve(self, request_id: int, facts: Facts, emit: Emit) -> Optional[ModelReply]:
        """One request, start to end: the one path both the window's and the command line's requests take."""
        if facts.kind in UNDERSTANDING:
            return self._understand(request_id, facts, emit)
        gate = StreamGate(facts.lang, facts)
        holder: Dict[str, HintModel] = {}
        self.first_token_at = None

        def on_token(piece: str) -> None:
            if self.first_token_at is None:
                self.first_token_at = time.perf_counter()
            released = gate.feed(piece)
            if gate.unsafe or self._stale(request_id):
                holder["model"].cancel()  # a contradiction, unsafe text or a newer request: stop listening
            elif released:
                emit(request_id, "token", released, holder["model"].name)

        def make_prompt(fmt: ChatFormat) -> ChatPrompt:
            holder["model"] = self._model
            return build_prompt(facts, fmt)

        done = self._generate(request_id, facts.kind, make_prompt, on_token, emit)
        if done is None:
            return None
        model, _prompt, result = done
        if self._stale(request_id) or result.reason == "cancelled" and not gate.unsafe:
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

    def _understand(self, request_id: int, facts: Facts, emit: Emit) -> Optional[ModelReply]:
        """A JSON reading: checked, asked once more with what was wrong, else None (the rules' reading stays)."""
        make_prompt: Callable[[ChatFormat], ChatPrompt] = lambda fmt: build_prompt(facts, fmt)
        self.last_tries = 0
        for attempt in range(TRIES):
            done = self._generate(request_id, facts.kind, make_prompt, None, emit)
            if done is None or self._stale(request_id):
                return None
            model, prompt, result = done
            if result.reason in ("cancelled", "error"):
                return None
            data, error = read_reply(result.text, facts, prompt.prefill)
            if data is not None:
                self.last_tries = attempt + 1
                return ModelReply(json.dumps(data, ensure_ascii=False), model.name, data)
            log.info("model %s reply refused (%s): %r", facts.kind, error, result.text[:160])
            make_prompt = lambda _fmt, asked=prompt, said=result.text, wrong=error: retry_prompt(asked, said, wrong)
        return None


class OneShot:
    """The model as the helper's `enrich` callable for callers without a window (the command line,
    benchmarks, background jobs): blocking, one model per use, loaded on the first request; a context
    manager that closes it."""

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
