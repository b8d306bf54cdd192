"""The model's own process: `python -m kidcoder.model.worker FILE` runs one gpt4all model until told to quit.

It keeps the protocol (model/worker_link.py) on a private copy of stdout and sends
everything the native backend prints (CUDA probing, llama.cpp warnings) to a log
file. The app side is model/process.py (ProcessModel).
"""
from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
from typing import Optional

from kidcoder.model.chat import CHATML, FORMATS, ChatPrompt
from kidcoder.model.gpt4all_engine import Gpt4AllModel
from kidcoder.model.interface import ModelError
from kidcoder.model.priority import step_aside
from kidcoder.model.worker_link import (PROTOCOL_VERSION, Cancel, Done, Failed, Generate, Quit, Ready, Token,
                                        decode, default_log_path, encode)


def _private_stdout(log_path: Optional[str]):
    """Keep the protocol on a copy of stdout; point file descriptors 1 and 2 (where C code prints) to a log."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    target = os.open(log_path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(target, 1)
    os.dup2(target, 2)
    os.close(target)
    sys.stdout = sys.stderr
    return protocol


def main(argv=None) -> int:
    """Run one model until told to quit or stdin closes (the app ended)."""
    parser = argparse.ArgumentParser(prog="kidcoder-model-worker")
    parser.add_argument("file")
    parser.add_argument("--format", default="chatml")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--log", default=None)
    parser.add_argument("--warm", default="", help="a system part to read before the first request")
    args = parser.parse_args(argv)
    protocol = _private_stdout(args.log or str(default_log_path()))
    sys.stdin.reconfigure(encoding="utf-8")
    lock = threading.Lock()

    def send(message) -> None:
        with lock:
            protocol.write(encode(message))
            protocol.flush()

    print(f"model worker {os.getpid()}: {step_aside()}")  # the window and the child's game come first
    started = time.monotonic()
    model = Gpt4AllModel(args.file, threads=args.threads or None, chat_format=FORMATS.get(args.format, CHATML))
    try:
        model.load()
    except ModelError as exc:
        send(Failed(None, exc.reason, exc.detail))
        return 3
    send(Ready(PROTOCOL_VERSION, model.name, round(time.monotonic() - started, 3), model.threads))

    requests: "queue.Queue" = queue.Queue()
    current = {"id": None}

    def read_stdin() -> None:
        for line in sys.stdin:
            try:
                message = decode(line)
            except ValueError:
                continue
            if isinstance(message, Cancel):
                if current["id"] == message.id:
                    model.cancel()
            else:
                requests.put(message)
        model.cancel()            # the app is gone (its own session no longer ends with ours): stop now
        requests.put(Quit())

    threading.Thread(target=read_stdin, daemon=True, name="model-worker-stdin").start()
    if args.warm:                  # the child's first hint then starts after the system part, as later ones do
        try:
            model.warm(args.warm)
        except Exception as exc:   # a warm start is a saving, never a reason to stop
            print(f"model worker: could not read the system part ahead: {exc}")
    while True:
        message = requests.get()
        if isinstance(message, Quit):
            break
        if not isinstance(message, Generate):
            continue
        current["id"] = message.id
        prompt = ChatPrompt(message.kind, message.system, message.user, model.chat_format, message.max_tokens,
                            prefill=message.prefill)
        try:
            result = model.generate(prompt, lambda text, rid=message.id: send(Token(rid, text)),
                                    threads=message.threads or None, timeout_s=message.timeout_s)
            send(Done(message.id, result.reason, result.tokens, result.first_token_s, round(result.seconds, 3),
                      result.text, result.prompt_tokens))
        except ModelError as exc:
            send(Failed(message.id, exc.reason, exc.detail))
        current["id"] = None
    model.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
