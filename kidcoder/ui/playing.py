"""Playing the child's game: Run, Stop, Pause, Step, input() answers, and what the game says.

Run saves first (on the file worker); the game starts when the save is done. Each
frame `follow()` keeps the preview, the console and the Stop / Pause / Step buttons
in step with the game (see game_control.GameControl for the process itself).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Optional

from kidcoder.i18n import tr
from kidcoder.ui.game_control import GameControl, GameState
from kidcoder.ui.game_words import ending_words
from kidcoder.ui.shell import Shell

NO_WINDOW_S = 1.5       # a program whose own code ran this long without a window only prints: say so over the
                        # preview (counted from its Ready: on a slow laptop starting Python and pygame takes longer)
FPS_EVERY_FRAMES = 15


class Playing:
    """The game commands and the game's messages; the panes are the ones the game shows in."""

    def __init__(self, games: GameControl, docs, assist, shell: Shell, toolbar, editor, preview, console, helper,
                 game_over: Callable[[], None] = lambda: None, shown_name: Callable[[], Optional[str]] = lambda: None):
        self.games, self.docs, self.assist, self.shell = games, docs, assist, shell
        self.toolbar, self.editor, self.preview, self.console, self.helper = toolbar, editor, preview, console, helper
        self.game_over = game_over          # the game ended or was stopped: its last frame is the thumbnail
        self.shown_name = shown_name        # the name to show for the program (it may run from a hidden copy)
        self._console_seen = (0, "")
        self._last_size: Optional[tuple] = None     # the last playing game's size (see laid_out_for)
        self._before_stall = None       # the helper's page before it said the game seems stuck (NoFrame)
        self._code_from: Optional[float] = None     # when the game's own code began (its Ready came)
        self._fps_at = 0                # the window's frame number when the fps shown was last asked for

    # ---- commands ---------------------------------------------------------------------------
    def run(self) -> None:
        self.editor.view.clear_error_marker()
        self.helper.forget_hint()
        self.assist.game_starting()
        self.console.clear()
        self.preview.clear()
        self.preview.state = GameState.RUNNING
        self.docs.save(self.editor.get_text(), self.editor.version, purpose="run")
        self.shell.say(tr("ui.status.starting"))

    def start(self, path: Path) -> None:
        """The program was saved for Run: start it."""
        try:
            self.games.start(path)
        except (OSError, ValueError) as exc:
            self.helper.show(tr("ui.helper.problem_title"), tr("ui.run.failed", reason=str(exc)))
            return
        self._console_seen, self._code_from = (0, ""), None
        self.shell.set_focus("preview")
        self.shell.say(tr("ui.status.running", name=self._name(path)))

    def _name(self, path) -> str:
        """The program's name as the child knows it (never the hidden copy a new program runs from)."""
        return self.shown_name() or Path(path).name

    def stop(self) -> None:
        if self.games.live:
            self.game_over()
        if self.games.stop():
            self.preview.message = tr("ui.preview.stopped")
            self.shell.set_focus("editor")
            self.shell.say(tr("ui.status.stopped"))

    def pause(self) -> None:
        self.games.toggle_pause()

    def step(self) -> None:
        self.games.step()

    def send_input(self) -> None:
        self.games.send_input(self.console.take_answer())

    # ---- the game ---------------------------------------------------------------------------
    def message(self, message) -> None:
        """One message from the running game (see kidcoder.runner.protocol and host)."""
        from kidcoder.runner.host import NoFrame, ProcessEnded     # loaded with the first game
        from kidcoder.runner.protocol import Caption, GameError, Ready
        from kidcoder.runner.containment import walls_key

        if isinstance(message, Ready) and self.games.game is not None:     # the game's walls (issue 18)
            game = self.games.game
            self.shell.say(tr(walls_key(game.contained, game.allow_network), name=self._name(game.program)))
        elif isinstance(message, GameError):
            self.assist.game_error(message)
        elif isinstance(message, NoFrame):
            self.preview.message = tr("ui.preview.no_frame")
            self._before_stall = self.helper.page
            self.helper.show(tr("ui.helper.no_frame_title"), tr("ui.helper.no_frame"))
        elif isinstance(message, Caption):
            self.preview.caption = message.text
        elif isinstance(message, ProcessEnded):
            game = self.games.game
            self.preview.refresh(game)
            finished = getattr(game, "finished", None)
            self.preview.message, said = ending_words(
                message.status, getattr(game, "error", None), self.preview.frames_drawn,
                has_window=getattr(game, "size", None) is not None,
                memory=message.status == "killed" and finished is not None and finished.reason == "memory")
            self._show_console(game, force=True)
            if self.shell.focus() == "preview":
                self.shell.set_focus("editor")
            self.shell.say(said)
            self.game_over()

    def follow(self, frame_number: int, before_frame: Callable[[], None] = lambda: None) -> None:
        """Once per frame: the game's messages, its newest frame, its console, and the buttons.
        before_frame() runs between the messages and the frame (the window lays out for the game's size)."""
        games, preview = self.games, self.preview
        for message in games.poll():
            self.message(message)
        before_frame()
        game = games.game if games.state != GameState.STOPPED else None
        if preview.refresh(game) and preview.message == tr("ui.preview.no_frame"):
            self._drawing_again()
        preview.state = games.state
        if self._code_from is None and getattr(game, "ready", None) is not None:
            self._code_from = time.monotonic()
        if (games.live and game.size is None and not preview.message and self._code_from is not None
                and time.monotonic() - self._code_from > NO_WINDOW_S):
            preview.message = tr("ui.preview.no_window")      # a program that only prints
        elif game is not None and game.size is not None and preview.message == tr("ui.preview.no_window"):
            preview.message = ""          # it was only slow to start (a busy or old laptop): its window came
        if game is not None:
            preview.caption = game.caption or preview.caption
            if abs(frame_number - self._fps_at) >= FPS_EVERY_FRAMES:     # (steps between follow()s may be
                self._fps_at, preview.fps = frame_number, game.fps()      # a game's frame alone: frame_only.py)
            self._show_console(game)
        self._follow_input(games.waiting_for_input)
        live = games.live
        self.assist.indexer.hold(live)      # the search index's check waits while the game plays
        self.toolbar.set_enabled("stop", live)
        preview.show_game_buttons(live)

    def _drawing_again(self) -> None:
        """A game said to be stuck draws again (it was only slow: a busy or old laptop's start): the words
        over its picture go (they would also make the window draw all of itself for each frame) and the
        helper's note about it gives way to what the helper said before."""
        self.preview.message = ""
        if self.helper.heading == tr("ui.helper.no_frame_title") and self._before_stall is not None:
            self.helper.show_page(self._before_stall)
        self._before_stall = None

    def laid_out_for(self) -> tuple:
        """(a game plays, its size) for the window's layout: the size the game's window said before its first
        frame, or the last game's while this one has not opened it yet (a game run again mostly keeps its
        size: the panes move once, not twice)."""
        game = self.games.game if self.games.live else None
        if game is None:
            return False, None
        if game.size is not None:
            self._last_size = game.size
        return True, self._last_size

    def frame_due(self) -> bool:
        """The playing game drew a frame the preview has not shown (the window's loop wakes for it)."""
        return self.games.live and self.preview.frame_waiting(self.games.game)

    def frame_bell(self) -> Optional[int]:
        """The playing game's doorbell (runner/frames.py): the loop sleeps on it; None: no game, or none."""
        return getattr(self.games.game, "frame_bell", None) if self.games.live else None

    def _show_console(self, game, force: bool = False) -> None:
        """What the game printed, when it changed (a traceback made short: console_text)."""
        console = getattr(game, "console", None)
        if console is None:
            return
        seen = (len(console), console[-1] if console else "")
        if seen != self._console_seen or force:
            self._console_seen = seen
            self.console.set_lines(console, program=getattr(game, "program", None), shown_name=self.shown_name())

    def _follow_input(self, waiting: bool) -> None:
        """The program waits in input(): the console's line appears and takes the keyboard."""
        if waiting == self.console.waiting:
            return
        self.console.set_waiting(waiting)
        if waiting:
            self.shell.set_focus("console")
        elif self.shell.focus() == "console":
            self.shell.set_focus("editor")
