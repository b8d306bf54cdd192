"""ProcessModel: a GGUF model running in its own process (python -m kidcoder.model.worker), seen as a HintModel.

It starts the worker, streams its tokens back, cancels, and kills a worker that is
stuck or too slow, so a native crash or a hung backend never reaches the window.
"""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Optional

from kidcoder.model.chat import CHATML, ChatFormat, ChatPrompt
from kidcoder.model.interface import Generation, HintModel, ModelError
from kidcoder.model.worker_link import (PROTOCOL_VERSION, Cancel, Done, Failed, Generate, Quit, Ready, Token,
                                        decode, default_log_path, encode, open_log)

CANCEL_GRACE_S = 1.0     # a worker still reading the prompt cannot stop early: after this it is killed
LOAD_TIMEOUT_S = 120.0


class ProcessModel(HintModel):
    """A GGUF model running in its own process; the app talks to it through this object only."""

    def __init__(self, path, *, chat_format: ChatFormat = CHATML, threads: Optional[int] = None,
                 load_timeout_s: float = LOAD_TIMEOUT_S, log_path: Optional[Path] = None,
                 warm_system: str = ""):
        self.path = Path(path)
        self.name = self.path.name
        self.chat_format = chat_format
        self.threads = threads or 1          # each request says how many it may use (model/threads.py)
        self.load_timeout_s = load_timeout_s
        self.log_path = log_path
        self.warm_system = warm_system       # read by the worker as soon as it has loaded (prompts.hint_system)
        self.load_s: Optional[float] = None
        self._proc: Optional[subprocess.Popen] = None
        self._inbox: "queue.Queue" = queue.Queue()
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._current: Optional[int] = None
        self._cancelled = threading.Event()

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid if self._proc else None

    @property
    def pids(self) -> tuple:
        return (self._proc.pid,) if self._proc else ()

    def load(self) -> None:
        """Start the worker and wait for its ready message; ModelError with the worker's reason if it fails."""
        self.close()
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = package_root + os.pathsep + env.get("PYTHONPATH", "") if env.get("PYTHONPATH") \
            else package_root
        log_path = self.log_path or default_log_path()
        command = [sys.executable, "-m", "kidcoder.model.worker", str(self.path),
                   "--format", self.chat_format.name, "--threads", str(self.threads), "--log", str(log_path)]
        if self.warm_system:
            command += ["--warm", self.warm_system]
        self._inbox = queue.Queue()
        with open_log(log_path) as log:  # the worker's own errors, before it redirects its output there too
            self._proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                          env=env, text=True, encoding="utf-8", bufsize=1)
        threading.Thread(target=self._read, args=(self._proc, self._inbox), daemon=True,
                         name="model-worker-reader").start()
        message = self._next(time.monotonic() + self.load_timeout_s)
        if isinstance(message, Ready):
            if message.version != PROTOCOL_VERSION:
                self.kill()
                raise ModelError("model.off.load_failed", f"worker protocol {message.version}")
            self.load_s = message.load_s
            return
        self.kill()
        if isinstance(message, Failed):
            raise ModelError(message.reason, message.detail)
        if message == "timeout":
            raise ModelError("model.off.too_slow", "no ready message")
        raise ModelError("model.off.crashed", f"worker ended while loading (exit {self._exit_code()})")

    @staticmethod
    def _read(proc: subprocess.Popen, inbox: "queue.Queue") -> None:
        for line in proc.stdout:
            try:
                inbox.put(decode(line))
            except ValueError:
                continue  # not ours: ignored, like a game's stray output
        inbox.put("eof")

    def _next(self, deadline: Optional[float]):
        """The next message, "eof" when the worker ended, or "timeout" at the deadline."""
        try:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            return self._inbox.get(timeout=timeout)
        except queue.Empty:
            return "timeout"

    def _send(self, message) -> bool:
        with self._write_lock:
            try:
                self._proc.stdin.write(encode(message))
                self._proc.stdin.flush()
                return True
            except (OSError, ValueError, AttributeError):
                return False

    def _exit_code(self):
        if self._proc is None:
            return None
        try:
            return self._proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return None

    def generate(self, prompt: ChatPrompt, on_token=None, *, threads=None, first_token_timeout_s=None,
                 timeout_s=None) -> Generation:
        """Ask the worker; tokens stream to on_token. A worker that dies raises ModelError (model.off.crashed);
        one stuck past a deadline or a cancel is killed (the next call starts a new one)."""
        if not self.alive:
            self.load()
        self._next_id += 1
        request_id = self._current = self._next_id
        self._cancelled.clear()
        start = time.monotonic()
        self._send(Generate(request_id, prompt.system, prompt.user, prompt.max_tokens,
                            threads or self.threads, timeout_s, prompt.prefill, prompt.kind))
        parts, first = [], None
        cancel_sent_at = None
        while True:
            now = time.monotonic()
            deadline = now + 0.05
            if self._cancelled.is_set() and cancel_sent_at is None:
                self._send(Cancel(request_id))
                cancel_sent_at = now
            if cancel_sent_at is not None and now - cancel_sent_at > CANCEL_GRACE_S:
                self.kill()
                return Generation("".join(parts), "cancelled", len(parts), first, now - start)
            late_first = first is None and first_token_timeout_s is not None and now - start > first_token_timeout_s
            late_all = timeout_s is not None and now - start > timeout_s + CANCEL_GRACE_S
            if late_first or late_all:
                self.kill()  # stuck reading the prompt, or a hung backend: only a kill stops it
                return Generation("".join(parts), "timeout", len(parts), first, now - start)
            message = self._next(deadline)
            if message == "timeout":
                continue
            if message == "eof":
                code = self._exit_code()
                self._proc = None
                raise ModelError("model.off.crashed", f"worker ended (exit {code})")
            if isinstance(message, Token) and message.id == request_id:
                if first is None:
                    first = time.monotonic() - start
                parts.append(message.text)
                if on_token and not self._cancelled.is_set():
                    on_token(message.text)
            elif isinstance(message, Done) and message.id == request_id:
                self._current = None
                reason = "cancelled" if self._cancelled.is_set() and message.reason == "stop" else message.reason
                return Generation(message.text, reason, message.tokens, message.first_token_s, message.seconds,
                                  prompt_tokens=message.prompt_tokens)
            elif isinstance(message, Failed) and message.id == request_id:
                self._current = None
                return Generation("".join(parts), "error", len(parts), first, time.monotonic() - start,
                                  error=f"{message.reason}: {message.detail}")

    def cancel(self) -> None:
        self._cancelled.set()

    def kill(self) -> None:
        """End the worker now (a stuck or crashed one)."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if proc is not None:
            for stream in (proc.stdin, proc.stdout):
                try:
                    stream.close()
                except (OSError, AttributeError):
                    pass

    def close(self) -> None:
        """Ask the worker to quit, and kill it if it does not within a second."""
        if self.alive:
            self._send(Quit())
            try:
                self._proc.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                pass
        self.kill()
