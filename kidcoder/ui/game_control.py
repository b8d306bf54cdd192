"""GameControl: the window's one owner of the running game (start, stop, pause, input, messages).

Starting a game only spawns a process (a few ms). Stopping can take up to a
second, so an old game is handed to a worker lane to stop and close; the UI
forgets it at once, and `close_all()` at quit waits until every game is gone.
"""
from __future__ import annotations

import threading
import time
from enum import Enum
from typing import Callable, List, Optional

from kidcoder.background import Worker
from kidcoder.config import Settings

QUIT_GRACE_S = 0.5   # a stopped game first gets its window-close event, so its own quit code can run


class GameState(str, Enum):
    """Where the game in the preview is (a str, so "running" == GameState.RUNNING)."""
    IDLE = "idle"            # nothing ran yet
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"          # the program ended by itself (or crashed)
    STOPPED = "stopped"      # the child pressed Stop

    def __str__(self) -> str:
        return self.value


class GameControl:
    """Start/stop the game shown in the preview; poll() returns its messages each frame."""

    def __init__(self, settings: Settings, worker: Worker, factory: Optional[Callable] = None):
        self.settings = settings
        self.worker = worker
        self._factory = factory
        self.screen_size = None      # (w, h) a full-screen game gets: the preview pane's size
        self.game = None
        self.path = None
        self.state = GameState.IDLE
        self.end_status: Optional[str] = None
        self._retired: List[object] = []
        self._lock = threading.Lock()

    def _make(self, path):
        if self._factory is not None:
            return self._factory(path)
        from kidcoder.runner.host import GameProcess     # loaded with the first game, not at start-up

        return GameProcess(path, interactive=True, memory_mb=self.settings.memory_limit_mb,
                           allow_network=self.settings.network_allowed, screen_size=self.screen_size)

    # ---- life cycle -----------------------------------------------------------------------
    def start(self, path) -> None:
        """Run the program at path; a game already running is stopped first (in the background)."""
        self._retire_current()
        game = self._make(path)
        game.start()
        self.game, self.path = game, path
        self.state, self.end_status = GameState.RUNNING, None

    def stop(self) -> bool:
        """Stop the game now (the process ends in the background); False when nothing ran."""
        if not self.live:
            return False
        self._retire_current(keep_for_display=True)
        self.state = GameState.STOPPED
        return True

    def _retire_current(self, keep_for_display: bool = False) -> None:
        game = self.game
        if game is None:
            return
        with self._lock:
            self._retired.append(game)
        self.worker.submit("game-close", self._close, game, lane="game-close")
        if not keep_for_display:
            self.game = None

    def _close(self, game) -> None:
        try:
            _ask_to_quit(game)
            game.close()
        finally:
            with self._lock:
                if game in self._retired:
                    self._retired.remove(game)

    def close_all(self, timeout: float = 5.0) -> None:
        """At quit: stop every game and wait until all are gone (nothing is left running)."""
        if self.game is not None:
            with self._lock:
                if self.game not in self._retired:
                    self._retired.append(self.game)
        self.game = None
        with self._lock:
            games = list(self._retired)
        for game in games:
            try:
                game.close()
            except Exception:
                pass
        with self._lock:
            self._retired.clear()

    @property
    def stopping(self) -> int:
        """Games still being stopped in the background."""
        with self._lock:
            return len(self._retired)

    @property
    def live(self) -> bool:
        """A game is running (or paused) in the preview."""
        return self.game is not None and self.state in (GameState.RUNNING, GameState.PAUSED)

    # ---- talking to the game ----------------------------------------------------------------
    def poll(self) -> list:
        """Messages from the current game (a stopped game's are dropped)."""
        if self.game is None or self.state == GameState.STOPPED:
            return []
        from kidcoder.runner.host import ProcessEnded

        messages = self.game.poll()
        for message in messages:
            if isinstance(message, ProcessEnded):
                self.state = GameState.ENDED
                self.end_status = message.status
        return messages

    def news(self) -> bool:
        """The current game has messages for poll() (a game without news_waiting() always may)."""
        news_waiting = getattr(self.game, "news_waiting", None)
        return self.game is not None and (news_waiting is None or news_waiting())

    def send_event(self, message) -> None:
        if self.live and message is not None:
            self.game.send_event(message)

    def send_input(self, text: str) -> bool:
        if self.live and self.game.waiting_for_input:
            return self.game.send_input(text)
        return False

    @property
    def waiting_for_input(self) -> bool:
        return self.live and bool(self.game.waiting_for_input)

    def toggle_pause(self) -> None:
        if not self.live:
            return
        if self.state == GameState.PAUSED:
            self.game.resume()
            self.state = GameState.RUNNING
        else:
            self.game.pause()
            self.state = GameState.PAUSED

    def step(self) -> None:
        if self.live:
            self.game.step()
            self.state = GameState.PAUSED


def _ask_to_quit(game, grace: float = QUIT_GRACE_S) -> None:
    """Send the game pygame.QUIT (as if its window were closed) and give it a moment to end by itself."""
    process = getattr(game, "process", None)
    if process is None or process.poll() is not None:
        return
    try:
        from kidcoder.runner.protocol import QuitEvent

        game.send_event(QuitEvent())
    except Exception:
        return
    deadline = time.monotonic() + grace
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
