"""A classroom server as a HintModel: an OpenAI-compatible /v1/chat/completions endpoint, streamed (urllib only).

Off by default; a teacher sets its address (settings.model_server_url) when one
stronger machine serves the class, for example llama-cpp-python's server. Answers go
through the same cancel, timeouts, grounding, safety filter and fallback as a
local model's; the server applies its own chat template. A JSON request carries its
schema as `response_format` (llama.cpp's servers turn it into a grammar, so the form
of the answer is always right); a server that refuses it is asked without it. A
server that cannot be reached is a ModelError the service turns into a note for the
teacher; it is tried again after RETRY_AFTER_S.
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Optional

from kidcoder.model.chat import ChatPrompt, clean_answer
from kidcoder.model.interface import Generation, HintModel, ModelError

CONNECT_TIMEOUT_S = 3.0
RETRY_AFTER_S = 60.0


def endpoint(url: str, path: str = "chat/completions") -> str:
    """The full endpoint URL from what a teacher typed: "http://10.0.0.5:8080" or ".../v1" or the full path."""
    url = url.strip().rstrip("/")
    if url.endswith("/chat/completions"):
        url = url[: -len("/chat/completions")]
    if not url.endswith("/v1"):
        url += "/v1"
    return f"{url}/{path}"


class RemoteModel(HintModel):
    """Streams chat completions from a server on the local network."""

    def __init__(self, url: str, *, model: Optional[str] = None, api_key: Optional[str] = None):
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError("the classroom server address must start with http:// or https://")
        self.url = url
        self.model = model
        self.api_key = api_key
        self.name = f"server:{model}" if model else "server"
        self.retry_after_s = RETRY_AFTER_S
        self.schemas = True               # False once the server refused a response_format
        self._cancel = threading.Event()
        self._response = None

    def _request(self, path: str, body: Optional[dict] = None) -> urllib.request.Request:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream, application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        data = json.dumps(body).encode("utf-8") if body is not None else None
        return urllib.request.Request(endpoint(self.url, path), data=data, headers=headers,
                                      method="POST" if data is not None else "GET")

    def load(self) -> None:
        """Ask the server which model it serves; ModelError (server_unreachable) when it does not answer."""
        found = served_model(self.url, self.api_key)
        if isinstance(found, Exception):
            raise ModelError("model.off.server_unreachable", f"{self.url}: {found}")
        if not self.model and found:
            self.model = found
            self.name = f"server:{self.model}"

    def _body(self, prompt: ChatPrompt) -> dict:
        body = {"model": self.model or "default", "messages": prompt.messages(), "stream": True,
                "max_tokens": prompt.max_tokens, "temperature": 0.3 if prompt.schema is None else 0.0}
        if prompt.schema is not None and self.schemas:
            body["response_format"] = {"type": "json_object", "schema": dict(prompt.schema)}
        return body

    def _open(self, prompt: ChatPrompt, read_timeout: float):
        try:
            return urllib.request.urlopen(self._request("chat/completions", self._body(prompt)), timeout=read_timeout)
        except urllib.error.HTTPError as exc:
            if exc.code in (400, 422) and prompt.schema is not None and self.schemas:
                self.schemas = False     # an OpenAI-compatible server without JSON schemas: check and retry
                try:
                    return self._open(prompt, read_timeout)
                except ModelError:
                    self.schemas = True  # refused without the schema too: the schema was not the reason
                    raise
            raise ModelError("model.off.server_lost", f"{self.url}: HTTP {exc.code} {_error_text(exc)}") from None

    def generate(self, prompt: ChatPrompt, on_token=None, *, threads=None, first_token_timeout_s=None,
                 timeout_s=None) -> Generation:
        self._cancel.clear()
        start = time.monotonic()
        parts, first, reason = [], None, "stop"
        read_timeout = first_token_timeout_s or timeout_s or 30.0
        try:
            response = self._open(prompt, read_timeout)
        except socket.timeout:
            return Generation("", "timeout", 0, None, time.monotonic() - start)
        except (urllib.error.URLError, OSError) as exc:
            if isinstance(getattr(exc, "reason", None), socket.timeout):
                return Generation("", "timeout", 0, None, time.monotonic() - start)
            raise ModelError("model.off.server_lost", f"{self.url}: {exc}") from None
        self._response = response
        try:
            for raw in response:
                if self._cancel.is_set():
                    reason = "cancelled"
                    break
                if timeout_s is not None and time.monotonic() - start > timeout_s:
                    reason = "timeout"
                    break
                piece, finished = _parse_event(raw.decode("utf-8", errors="replace"))
                if piece:
                    if first is None:
                        first = time.monotonic() - start
                    parts.append(piece)
                    if on_token:
                        on_token(piece)
                if finished:
                    # "[DONE]" before a finish_reason: the server cut this answer off (llama-cpp-python's
                    # server does that to every answer in flight when another request comes, unless it runs
                    # with --interrupt_requests False)
                    reason = {"length": "length", "done": "error"}.get(finished, "stop")
                    break
        except socket.timeout:
            reason = "timeout"
        except (OSError, ValueError, AttributeError):
            reason = "cancelled" if self._cancel.is_set() else "error"
        finally:
            self._response = None
            response.close()
        return Generation(clean_answer("".join(parts)), reason, len(parts), first, time.monotonic() - start)

    @property
    def identity(self) -> str:
        return self.url

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        self.cancel()


def served_model(url: str, api_key: Optional[str] = None, timeout: float = CONNECT_TIMEOUT_S):
    """The id of the model a server serves ("" when it does not say), or the exception that stopped the asking."""
    headers = {"Accept": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    try:
        request = urllib.request.Request(endpoint(url, "models"), headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            listing = json.loads(response.read().decode("utf-8") or "{}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return exc
    models = listing.get("data") if isinstance(listing, dict) else None
    if models and isinstance(models[0], dict) and models[0].get("id"):
        return str(models[0]["id"])
    return ""


def _error_text(exc: urllib.error.HTTPError) -> str:
    """The server's own words on a refused request (llama-server: {"error": {"message": ...}}), shortened."""
    try:
        body = exc.read(2000).decode("utf-8", errors="replace")
        error = json.loads(body).get("error", body)
        return str(error.get("message", error) if isinstance(error, dict) else error)[:200]
    except (OSError, ValueError, AttributeError):
        return ""


def _parse_event(line: str):
    """(text, finish) from one server-sent-events line: finish is None, "stop", "length" or "done"."""
    line = line.strip()
    if not line.startswith("data:"):
        return "", None
    payload = line[5:].strip()
    if payload == "[DONE]":
        return "", "done"
    try:
        event = json.loads(payload)
        choice = event["choices"][0]
    except (ValueError, KeyError, IndexError, TypeError):
        return "", None
    delta = choice.get("delta") or {}
    text = delta.get("content") or ""
    return str(text), choice.get("finish_reason")
