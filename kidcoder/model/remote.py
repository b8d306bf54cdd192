"""A classroom server as a HintModel: an OpenAI-compatible /v1/chat/completions endpoint, streamed (urllib only).

Off by default; a teacher sets its address (settings.model_server_url) when one
stronger machine serves the class, for example llama.cpp's server. Answers go
through the same cancel, timeouts, grounding, safety filter and fallback as a
local model's; the server applies its own chat template.
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
        """Ask the server which model it serves; ModelError when it cannot be reached."""
        try:
            with urllib.request.urlopen(self._request("models"), timeout=CONNECT_TIMEOUT_S) as response:
                listing = json.loads(response.read().decode("utf-8") or "{}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ModelError("model.off.load_failed", f"classroom server: {exc}") from None
        models = listing.get("data") if isinstance(listing, dict) else None
        if not self.model and models and isinstance(models[0], dict) and models[0].get("id"):
            self.model = str(models[0]["id"])
            self.name = f"server:{self.model}"

    def generate(self, prompt: ChatPrompt, on_token=None, *, threads=None, first_token_timeout_s=None,
                 timeout_s=None) -> Generation:
        self._cancel.clear()
        body = {"model": self.model or "default", "messages": prompt.messages(), "stream": True,
                "max_tokens": prompt.max_tokens, "temperature": 0.3}
        start = time.monotonic()
        parts, first, reason = [], None, "stop"
        read_timeout = first_token_timeout_s or timeout_s or 30.0
        try:
            response = urllib.request.urlopen(self._request("chat/completions", body), timeout=read_timeout)
        except socket.timeout:
            return Generation("", "timeout", 0, None, time.monotonic() - start)
        except (urllib.error.URLError, OSError) as exc:
            raise ModelError("model.off.crashed", f"classroom server: {exc}") from None
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
                    reason = "length" if finished == "length" else "stop"
                    break
        except socket.timeout:
            reason = "timeout"
        except (OSError, ValueError, AttributeError):
            reason = "cancelled" if self._cancel.is_set() else "error"
        finally:
            self._response = None
            response.close()
        return Generation(clean_answer("".join(parts)), reason, len(parts), first, time.monotonic() - start)

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        self.cancel()


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
