"""The optional language model behind a tiny interface: HintModel, the GPT4All one, a fake, and finding a file.

This is the only module that imports gpt4all, and only inside Gpt4AllModel.load(),
which runs in the model's own worker process (model_worker.py): a native crash
there never reaches the window. The app is complete without any of this.
"""
from __future__ import annotations

import abc
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Union

from kidcoder import paths
from kidcoder.model import files as model_files
from kidcoder.model.prompts import CHATML, ChatFormat, ChatPrompt, clean_answer, format_for_template
from kidcoder.i18n import tr

log = logging.getLogger("kidcoder.model")
TokenCallback = Callable[[str], None]
DEFAULT_N_BATCH = 256        # gpt4all's default of 8 made a 700-token prompt wait ~70 s for its first token
DEFAULT_N_CTX = 2048
MAX_THREADS = 4              # llama.cpp threads spin: more than the free cores slows everything down


class ModelError(RuntimeError):
    """The model could not load or answer; reason is an i18n key (model.*)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


@dataclass
class Generation:
    """How one answer went. reason: "stop" (finished), "length", "cancelled", "timeout" or "error"."""

    text: str
    reason: str = "stop"
    tokens: int = 0
    first_token_s: Optional[float] = None
    seconds: float = 0.0
    error: str = ""


class HintModel(abc.ABC):
    """What the helper needs from a model: streamed generation that can be cancelled, a name, close."""

    name: str = "model"
    chat_format: ChatFormat = CHATML

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


def choose_threads(cpu_count: Optional[int], busy: int = 0) -> int:
    """Model threads from the cores left free: with one busy core of two, 1 thread kept 64 tokens/s
    where 2 threads fell to 0.8 (measured). A running game counts as busy."""
    free = (cpu_count or 1) - max(0, busy)
    return max(1, min(MAX_THREADS, free))


def busy_cores_now() -> int:
    """Cores other processes keep busy right now (the 1-minute load average, rounded down)."""
    try:
        return int(os.getloadavg()[0])
    except (AttributeError, OSError):
        return 0


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
        reply = self._replies[min(self._calls, len(self._replies) - 1)] if self._replies else ""
        return reply

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


class Gpt4AllModel(HintModel):
    """A GGUF file run by gpt4all on the CPU. Use it inside the worker process, not in the app's."""

    def __init__(self, path, *, threads: Optional[int] = None, chat_format: Optional[ChatFormat] = None,
                 n_ctx: int = DEFAULT_N_CTX, n_batch: int = DEFAULT_N_BATCH):
        self.path = Path(path)
        self.name = self.path.name
        self.threads = threads or choose_threads(os.cpu_count())
        self.chat_format = chat_format or CHATML
        self.n_ctx, self.n_batch = n_ctx, n_batch
        self._gpt = None
        self._cancel = threading.Event()
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load with allow_download=False on the CPU; ModelError with a reason key when it cannot."""
        try:
            from gpt4all import GPT4All  # noqa: the one import of gpt4all in KidCoder
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

    def generate(self, prompt, on_token=None, *, threads=None, first_token_timeout_s=None, timeout_s=None):
        """Stream an answer; the deadlines here stop generation between tokens (the worker's host also
        kills a worker that is stuck before its first token)."""
        if self._gpt is None:
            raise ModelError("model.off.load_failed", "not loaded")
        if threads:
            self.set_threads(threads)
        fmt = self.chat_format
        system, user = fmt.system_text(prompt.system), prompt.user
        if not fmt.system_block:
            user = f"{prompt.system}\n\n{user}"
        self._cancel.clear()
        start = time.monotonic()
        state = {"text": "", "tokens": 0, "first": None, "reason": "stop"}

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
            return True

        with self._lock, self._gpt.chat_session(system, fmt.user_template):
            self._gpt.generate(user, max_tokens=prompt.max_tokens, temp=0.3, top_k=40, top_p=0.9,
                               repeat_penalty=1.15, n_batch=self.n_batch, callback=on_piece)
        if state["reason"] == "stop" and state["tokens"] >= prompt.max_tokens:
            state["reason"] = "length"
        return Generation(clean_answer(state["text"], fmt), state["reason"], state["tokens"], state["first"],
                          time.monotonic() - start)

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        if self._gpt is not None:
            self._gpt.close()
            self._gpt = None


# --- finding a model file ----------------------------------------------------------------------------

_switched_off: Dict[str, str] = {}


def switch_off(path, reason: str, detail: str = "") -> None:
    """Stop using a model file until the app restarts, with a note for the teacher in the log."""
    _switched_off[str(path)] = reason
    teacher_note(tr("model.note.switched_off", file=Path(str(path)).name, reason=tr(reason))
                 + (f" ({detail})" if detail else ""))


def is_switched_off(path) -> bool:
    return str(path) in _switched_off


def teacher_note(text: str) -> None:
    """A line in the log a teacher can read (data folder, model-notes.log) and in the app's logging."""
    log.warning(text)
    try:
        with open(paths.data_dir() / "model-notes.log", "a", encoding="utf-8") as notes:
            notes.write(time.strftime("%Y-%m-%d %H:%M:%S ") + text + "\n")
    except OSError:
        pass


def candidate_files(settings=None, environ=None) -> List[Path]:
    """Where a model may be, in order: the teacher's setting, KIDCODER_MODEL, the models folder."""
    environ = os.environ if environ is None else environ
    found: List[Path] = []
    if settings is not None and getattr(settings, "model_path", None):
        found.append(Path(settings.model_path).expanduser())
    if environ.get("KIDCODER_MODEL"):
        found.append(Path(environ["KIDCODER_MODEL"]).expanduser())
    found += model_files.model_files_in(paths.models_dir())
    return found


def find_model(settings=None, environ=None) -> Optional[model_files.ModelCheck]:
    """The first model file that can be used here (corrected if needed), or None: then the helper
    simply works without a model, and the child is never told about it."""
    if settings is not None and not getattr(settings, "model_enabled", True):
        return None
    seen = set()
    for path in candidate_files(settings, environ):
        key = str(path.resolve()) if path.exists() else str(path)
        if key in seen:
            continue
        seen.add(key)
        check = model_files.usable_model(path, paths.models_dir())
        if check.ok and not is_switched_off(check.path):
            return check
        if not check.ok and check.reason != "model.check.missing":
            log.info("model file %s not used: %s %s", path, check.reason, check.values)
    return None


def open_model(settings=None, environ=None) -> Optional[HintModel]:
    """The model the helper should use (classroom server, else a local file in its own process), or None."""
    if settings is not None and not getattr(settings, "model_enabled", True):
        return None
    url = getattr(settings, "model_server_url", None) if settings is not None else None
    if url:
        from kidcoder.model.remote import RemoteModel

        return RemoteModel(url)
    check = find_model(settings, environ)
    if check is None:
        return None
    from kidcoder.model.worker import ProcessModel

    return ProcessModel(check.path, chat_format=format_for_template(check.chat_template))


# --- the `kidcoder model` commands -------------------------------------------------------------------

def _message(check: model_files.ModelCheck, lang: str) -> str:
    values = {"file": Path(check.path).name, **check.values}
    return tr(check.reason, lang=lang, **values)


def add_model(path, lang: Optional[str] = None) -> dict:
    """`kidcoder model add FILE`: check a file, copy it (corrected if needed) into the models folder.

    {"ok", "path", "message", "reason", "fixed", "model"}; ok is False with the reason when it cannot be used.
    """
    from kidcoder.config import load_settings

    lang = lang or load_settings().language
    source = Path(path).expanduser()
    folder = paths.models_dir()
    check = model_files.check_model_file(source)
    fixed = False
    if check.reason == "model.check.needs_fix":
        check = model_files.usable_model(source, folder)
        fixed = check.ok
    elif check.ok and source.resolve().parent != folder.resolve():
        import shutil

        target = folder / source.name
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(source, partial)
        os.replace(partial, target)
        check = model_files.check_model_file(target)
    reason = "model.add.fixed" if fixed else ("model.add.ok" if check.ok else check.reason)
    message = tr(reason, lang=lang, file=Path(check.path).name, **check.values)
    return {"ok": check.ok, "path": check.path, "message": message, "reason": reason.rsplit(".", 1)[-1],
            "fixed": fixed, "model": check.as_dict()}


def list_models(settings=None, lang: Optional[str] = None) -> dict:
    """`kidcoder model list`: every file KidCoder can see, whether it can be used, and which one it uses."""
    from kidcoder.config import load_settings

    settings = settings or load_settings()
    lang = lang or settings.language
    rows = []
    for path in candidate_files(settings):
        check = model_files.check_model_file(path)
        row = check.as_dict()
        row["message"] = _message(check, lang)
        rows.append(row)
    chosen = find_model(settings)
    return {"models": rows, "active": chosen.path if chosen else None, "folder": str(paths.models_dir()),
            "server": getattr(settings, "model_server_url", None)}
