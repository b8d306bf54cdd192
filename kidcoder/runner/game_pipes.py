"""In the app: the game's message pipe and console pipe, read on two threads into a bounded queue.

A game can write a million tiny messages; the app must stay free for the child. So the queue
holds at most MAX_QUEUED items (when it is full the readers wait, the pipe fills, and the game
waits), and drain() hands on at most MAX_PER_POLL at a time. Text fields are cut to size here:
nothing a game says is believed at any length.
"""
from __future__ import annotations

import dataclasses
import os
import queue
import threading
from typing import List, Set

from kidcoder.runner import protocol
from kidcoder.runner.console_reader import read_console
from kidcoder.runner.reports import ConsoleText, PipeClosed

MAX_QUEUED = 512
MAX_PER_POLL = 256
# the longest text the app keeps from each field of a game's messages
TEXT_LIMITS = {"text": 200, "prompt": 1024, "type": 200, "message": 4096, "traceback": 64 * 1024}


def trimmed(message):
    """A game's message with each text field cut to TEXT_LIMITS (a 1 MB caption is not believed). Pure."""
    if not dataclasses.is_dataclass(message) or isinstance(message, ConsoleText):
        return message
    changes = {}
    for f in dataclasses.fields(message):
        value = getattr(message, f.name)
        limit = TEXT_LIMITS.get(f.name)
        if limit and isinstance(value, str) and len(value) > limit:
            changes[f.name] = value[:limit]
    return dataclasses.replace(message, **changes) if changes else message


class GamePipes:
    """Reads both pipes until they close; drain() gives what arrived, a bounded number at a time."""

    def __init__(self, message_fd: int, output_fd: int):
        self._queue: "queue.Queue" = queue.Queue(maxsize=MAX_QUEUED)
        self._closing = threading.Event()
        self._closed: Set[str] = set()
        self._threads = [self._spawn(self._read_messages, message_fd), self._spawn(self._read_output, output_fd)]

    def _spawn(self, target, fd: int) -> threading.Thread:
        thread = threading.Thread(target=target, args=(fd,), daemon=True, name="kidcoder-game-reader")
        thread.start()
        return thread

    def _put(self, item) -> bool:
        """Queue one item, waiting while the queue is full; False once the game is being closed."""
        while not self._closing.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _read_messages(self, fd: int) -> None:
        try:
            for message in protocol.read_messages(fd, protocol.FROM_GAME):
                if not self._put(message):
                    break
        finally:
            os.close(fd)
            self._put(PipeClosed("messages"))

    def _read_output(self, fd: int) -> None:
        read_console(fd, lambda text: self._put(ConsoleText(text)))
        self._put(PipeClosed("output"))

    def waiting(self) -> bool:
        """Something arrived that drain() has not given yet (cheap: the window asks between game frames)."""
        return not self._queue.empty()

    def drain(self, limit: int = MAX_PER_POLL) -> List[object]:
        """Up to `limit` waiting messages (protocol messages and ConsoleText), oldest first."""
        out: List[object] = []
        for _ in range(limit):
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, PipeClosed):
                self._closed.add(item.which)
            else:
                out.append(trimmed(item))
        return out

    @property
    def finished(self) -> bool:
        """Both pipes closed and everything drained: no more messages will come."""
        return len(self._closed) == 2 and self._queue.empty()

    def close(self) -> None:
        """Stop waiting on a full queue and let the reader threads end."""
        self._closing.set()
        for thread in self._threads:
            thread.join(timeout=1.0)
