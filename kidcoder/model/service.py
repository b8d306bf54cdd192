"""The model service: one worker thread owns the model; requests queue, tokens stream, edits cancel.

The rules' answer is shown at once by the caller; the model's answer streams in
after it as events the UI drains each frame (never blocking). Text is released
a sentence at a time, and only once it passes the safety filter; the whole
answer must also keep the diagnosis' facts (grounding), or a "dropped" event
sends the pane back to the rules' answer. A model that crashes is restarted
once; one that crashes again, cannot load, or is too slow is switched off
until the app restarts. `enrich_once` is the blocking one-shot form for the CLI.
"""
from __future__ import annotations

import atexit
import logging
import os
import queue
import re
import threading
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional

from kidcoder.model import grounding
from kidcoder.model import prompts
from kidcoder.model.engine import (Generation, HintModel, ModelError, busy_cores_now, choose_threads,
                                      open_model, switch_off)
from kidcoder.making.safety import filter_model_text, model_text_problems

log = logging.getLogger("kidcoder.model")
TIMEOUTS_S = {"hint": 60.0, "answer": 60.0, "game": 180.0}
KINDS = tuple(TIMEOUTS_S)
_SENTENCE_END = re.compile(r"[.!?¡¿:;]\s|\n")


@dataclass(frozen=True)
class ModelEvent:
    """Something for the helper pane. kind: "status" (text is an i18n key), "token" (safe text to append),
    "final" (the whole accepted answer), "dropped" (show the rules' answer again) or "off" (no model)."""

    request_id: int
    kind: str
    text: str = ""
    model: Optional[str] = None


class StreamGate:
    """Lets streamed text through a sentence at a time, once the text so far passes the safety filter
    and contradicts none of the facts; the first failure rejects the whole answer (and stops the model)."""

    def __init__(self, lang: str, kind: str = "hint", facts: Optional[Mapping] = None):
        self.lang, self.kind, self.facts = lang, kind, facts
        self.text = ""
        self.released = 0
        self.rejected = ""

    @property
    def unsafe(self) -> bool:
        return bool(self.rejected)

    def feed(self, piece: str) -> str:
        """Add a piece; return the newly releasable text ("" while a sentence or code block is open)."""
        if self.rejected:
            return ""
        self.text += piece
        end = self._safe_end()
        if end <= self.released:
            return ""
        candidate = self.text[:end]
        problems = model_text_problems(candidate, self.lang)
        if not problems and self.facts is not None and self.kind in ("hint", "answer"):
            problems = grounding.check(self.kind, candidate, self.facts, self.lang).contradictions
        if problems:
            self.rejected = problems[0]
            return ""
        new, self.released = self.text[self.released:end], end
        return new

    def _safe_end(self) -> int:
        """End of the last whole sentence, not inside an unclosed ``` block."""
        text = self.text
        fences = [m.start() for m in re.finditer("```", text)]
        limit = fences[-1] if len(fences) % 2 == 1 else len(text)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
        return ends[-1] if ends else 0


def with_cards(facts: Mapping, lang: str) -> dict:
    """facts with any card given by its id ("game-loop") replaced by the card itself (title, body, code)."""
    cards = list(facts.get("cards") or ())
    if not any(isinstance(card, str) for card in cards):
        return dict(facts)
    try:
        from kidcoder.knowledge.cards import cards_by_id

        known = cards_by_id(lang)
    except Exception:  # no cards is a smaller prompt, not an error
        known = {}
    resolved = [known.get(card) if isinstance(card, str) else card for card in cards]
    return {**facts, "cards": [card for card in resolved if card is not None]}


def review(kind: str, text: str, facts: Mapping, lang: str) -> Optional[str]:
    """The model's whole answer if it is grounded and safe, else None (the rules' answer stays)."""
    text = prompts.clean_answer(text)
    if kind == "game":
        return program_from_answer(text, lang)
    verdict = grounding.check(kind, text, facts, lang)
    if not verdict.ok:
        log.info("model answer dropped (grounding): %s", "; ".join(grounding.describe(verdict)))
        return None
    safe = filter_model_text(text, lang)
    if safe is None:
        log.info("model answer dropped (safety): %s", model_text_problems(text, lang))
    return safe


def finished_text(result: Generation) -> str:
    """The answer, without the half sentence an answer cut at its token limit ends with (code kept whole)."""
    text = result.text
    if result.reason != "length" or "```" in text:
        return text
    if text.rstrip().endswith((".", "!", "?")):
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[:ends[-1]].rstrip() if ends else text


def program_from_answer(text: str, lang: str) -> Optional[str]:
    """The program in a "game" answer (its first python block, or the whole text when it is bare code),
    if its words and links are acceptable; the caller compiles, checks and runs it."""
    blocks = prompts.code_blocks(text)
    code = (max(blocks, key=len) if blocks else text).strip("\n")
    if not code.strip() or model_text_problems(f"```python\n{code}\n```", lang, check_code=False):
        return None
    return code + "\n"


class ModelService:
    """One worker thread that owns the model (and so its process). The UI calls request() and cancel()
    and drains poll() each frame; nothing here blocks the caller."""

    def __init__(self, settings=None, model_factory: Optional[Callable[[], Optional[HintModel]]] = None,
                 *, max_events: int = 512, timeouts_s: Optional[Dict[str, float]] = None):
        self.settings = settings
        self._factory = model_factory or (lambda: open_model(settings))
        self.first_token_limit_s = float(getattr(settings, "model_first_token_limit_s", 10.0) or 10.0)
        self.timeouts_s = dict(TIMEOUTS_S, **(timeouts_s or {}))
        self.events: "queue.Queue[ModelEvent]" = queue.Queue(maxsize=max_events)
        self._requests: "queue.Queue" = queue.Queue()
        self._lock = threading.Lock()
        self._latest = 0
        self._busy_cores = 0
        self._model: Optional[HintModel] = None
        self._off = False
        self._crashes = 0
        self._thread: Optional[threading.Thread] = None
        self._overflow = ""

    # --- called from the UI thread ---

    def request(self, kind: str, facts: Mapping, lang: str = "en") -> int:
        """Queue a request (it cancels the one in flight); returns its id for matching events."""
        if kind not in KINDS:
            raise ValueError(f"unknown request kind: {kind!r}")
        with self._lock:
            self._latest += 1
            request_id = self._latest
        self._cancel_model()
        self._ensure_thread()
        self._requests.put((request_id, kind, facts, lang))
        return request_id

    def warm_up(self) -> None:
        """Load the model now, in the background, so the first hint does not wait for it (events have id 0)."""
        self._ensure_thread()
        self._requests.put((0, "warm", {}, "en"))

    def cancel(self) -> None:
        """The child edited the program (or moved on): stop the answer in flight at its next token."""
        with self._lock:
            self._latest += 1
        self._cancel_model()

    def set_busy_cores(self, busy: int) -> None:
        """How many cores something else needs (a game running in the preview needs one)."""
        self._busy_cores = max(0, int(busy))

    def poll(self, limit: int = 64) -> List[ModelEvent]:
        """Up to limit events, without waiting (call once per frame)."""
        out: List[ModelEvent] = []
        while len(out) < limit:
            try:
                out.append(self.events.get_nowait())
            except queue.Empty:
                break
        return out

    def available(self) -> bool:
        """False once the model is known to be missing or switched off."""
        return not self._off

    def close(self) -> None:
        self._cancel_model()
        self._requests.put(None)
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._model is not None:
            self._model.close()
            self._model = None

    # --- the worker thread ---

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="kidcoder-model", daemon=True)
            self._thread.start()

    def _cancel_model(self) -> None:
        model = self._model
        if model is not None:
            model.cancel()

    def _stale(self, request_id: int) -> bool:
        return request_id != self._latest

    def _emit(self, request_id: int, kind: str, text: str = "", model: Optional[str] = None) -> None:
        if kind == "token":
            text, self._overflow = self._overflow + text, ""
        try:
            self.events.put_nowait(ModelEvent(request_id, kind, text, model))
        except queue.Full:
            if kind == "token":
                self._overflow = text  # merged into the next token event
            else:
                self.events.put(ModelEvent(request_id, kind, text, model), timeout=1.0)

    def _run(self) -> None:
        while True:
            item = self._requests.get()
            if item is None:
                return
            request_id, kind, facts, lang = item
            if kind == "warm":
                if self._ready_model(0) is not None:
                    self._emit(0, "status", "model.status.ready")
                continue
            if self._stale(request_id):
                continue
            try:
                facts = with_cards(facts, lang)
                self._serve(request_id, kind, facts, lang)
            except Exception:  # the helper pane must never lose the rules' answer to a bug here
                log.exception("model request failed")
                self._emit(request_id, "dropped")

    def _ready_model(self, request_id: int) -> Optional[HintModel]:
        if self._off:
            return None
        if self._model is None:
            model = self._factory()
            if model is None:
                self._off = True
                return None
            self._emit(request_id, "status", "model.status.waking")
            try:
                model.load()
            except ModelError as exc:
                self._switch_off(model, exc.reason, exc.detail)
                return None
            self._model = model
        return self._model

    def _switch_off(self, model: HintModel, reason: str, detail: str = "") -> None:
        self._off = True
        switch_off(getattr(model, "path", model.name), reason, detail)
        model.close()
        if self._model is model:
            self._model = None

    def _serve(self, request_id: int, kind: str, facts: Mapping, lang: str) -> None:
        model = self._ready_model(request_id)
        if model is None:
            self._emit(request_id, "off")
            return
        prompt = prompts.build_prompt(kind, facts, lang, model.chat_format)
        gate = StreamGate(lang, kind, facts)

        def on_token(piece: str) -> None:
            released = gate.feed(piece)
            if gate.unsafe or self._stale(request_id):
                model.cancel()
            elif released and kind != "game":
                self._emit(request_id, "token", released, model.name)

        self._emit(request_id, "status", "model.status.thinking")
        threads = choose_threads(os.cpu_count(), max(self._busy_cores, busy_cores_now()))
        try:
            result = model.generate(prompt, on_token, threads=threads,
                                    first_token_timeout_s=self.first_token_limit_s, timeout_s=self.timeouts_s[kind])
        except ModelError as exc:
            self._model = None
            model.close()
            self._crashes += 1
            if self._crashes > 1:
                self._switch_off(model, exc.reason, exc.detail)
                self._emit(request_id, "dropped")
                return
            log.warning("model worker stopped (%s); starting it again once", exc.detail)
            return self._serve(request_id, kind, facts, lang) if not self._stale(request_id) else None
        self._finish(request_id, kind, facts, lang, model, result, gate)

    def _finish(self, request_id, kind, facts, lang, model: HintModel, result: Generation, gate: StreamGate):
        if self._stale(request_id) or result.reason == "cancelled" and not gate.unsafe:
            return
        if result.reason == "timeout" and result.first_token_s is None:
            self._switch_off(model, "model.off.too_slow", f"no first token in {self.first_token_limit_s:.0f} s")
            self._emit(request_id, "dropped")
            return
        cut_off = result.reason in ("error", "timeout")
        accepted = None if gate.unsafe or cut_off else review(kind, finished_text(result), facts, lang)
        if accepted is None:
            self._emit(request_id, "dropped")
        else:
            self._emit(request_id, "final", accepted, model.name)


# --- the blocking one-shot form ---------------------------------------------------------------------

_shared: Dict[str, HintModel] = {}
_shared_lock = threading.Lock()


def _shared_model(settings) -> Optional[HintModel]:
    """One loaded model per process for one-shot calls (the CLI, benchmarks), closed at exit."""
    model = open_model(settings)
    if model is None:
        return None
    key = str(getattr(model, "path", "") or getattr(model, "url", "") or model.name)
    with _shared_lock:
        if key not in _shared:
            model.load()
            _shared[key] = model
            if len(_shared) == 1:
                atexit.register(close_shared_models)
        return _shared[key]


def close_shared_models() -> None:
    with _shared_lock:
        for model in _shared.values():
            model.close()
        _shared.clear()


def enrich_once(kind: str, facts: Mapping, lang: str = "en", settings=None) -> Optional[dict]:
    """{"text", "model"} from the model for one request, or None: no model, switched off, too slow, crashed,
    or an answer that fails grounding or safety. Blocks; returns at once when there is no model.

    kind "hint": facts source_excerpt, finding, rules_hint, level, cards;
    "answer": question, cards, rules_answer; "game": description, template_id, template_source, slots
    (for "game", text is the program: the caller compiles, checks and runs it).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown request kind: {kind!r}")
    if settings is None:
        from kidcoder.config import load_settings

        settings = load_settings()
    if not getattr(settings, "model_enabled", True):
        return None
    limit = float(getattr(settings, "model_first_token_limit_s", 10.0) or 10.0)
    facts = with_cards(facts, lang)
    for attempt in (1, 2):
        try:
            model = _shared_model(settings)
        except ModelError as exc:
            log.info("no model answer: %s %s", exc.reason, exc.detail)
            return None
        if model is None:
            return None
        prompt = prompts.build_prompt(kind, facts, lang, model.chat_format)
        gate = StreamGate(lang, kind, facts)

        def on_token(piece: str, model=model, gate=gate) -> None:
            gate.feed(piece)
            if gate.rejected:
                model.cancel()  # a contradiction or unsafe text: no need to hear the rest

        try:
            result = model.generate(prompt, on_token, threads=choose_threads(os.cpu_count(), busy_cores_now()),
                                    first_token_timeout_s=limit, timeout_s=TIMEOUTS_S[kind])
        except ModelError as exc:
            with _shared_lock:
                for key in [k for k, v in _shared.items() if v is model]:
                    del _shared[key]
            model.close()
            if attempt == 2:
                switch_off(getattr(model, "path", model.name), exc.reason, exc.detail)
            continue
        if result.reason == "timeout" and result.first_token_s is None:
            switch_off(getattr(model, "path", model.name), "model.off.too_slow")
            return None
        if gate.rejected:
            log.info("model answer dropped early: %s", gate.rejected)
            return None
        if result.reason not in ("stop", "length"):
            return None
        text = review(kind, finished_text(result), facts, lang)
        return {"text": text, "model": model.name} if text else None
    return None
