"""A step for a game's frame alone: while only the game's picture changes, the window shows the new frame
without the rest of a frame's work.

A whole step (App.step) polls every part of the window: the game's messages, files, the worker, the
helper, the panes, pygame-gui's time, the layout. On one slow core that polling cost the window about
twice what blitting the frame does, for each of the game's 60 frames a second, and the game got less.
When the loop woke only for the game's doorbell (no event waits, no message from the game waits,
nothing goes on in the background, no dialog) and the Pacer would show the picture alone anyway
(redraw.Pacer.picture_now), the frame is blitted into its place and only that rectangle is sent. The
whole step still runs at least every FULL_EVERY_S, and is given the time of the steps it skipped
(the caret's blink, pygame-gui's tool tips and carets count time).
"""
from __future__ import annotations

from typing import Callable, List, Optional

import pygame

from kidcoder.ui.game_control import GameState
from kidcoder.ui.redraw import LOOK_EVERY_S

FULL_EVERY_S = LOOK_EVERY_S     # the whole step runs at least this often while a game plays (the autosave's
                                # clock, the benchmarks' demo hook); a game's messages, background results and
                                # the child's keys have it run at once


class FrameOnly:
    """Decides whether a step may be the game's frame alone, and shows it; `owed()` hands the whole step
    the time of the steps it skipped."""

    def __init__(self, pacer, preview, games, quiet: Callable[[], bool], gui_due: Callable[[float], bool]):
        self.pacer, self.preview, self.games = pacer, preview, games
        self.quiet = quiet              # nothing but the game goes on (no dialog, no background work)
        self.gui_due = gui_due          # pygame-gui's update is due after this many more seconds (GuiTicker.due)
        self.full_at = -1e9             # when the last whole step ran
        self.skipped = 0.0              # seconds of steps since then that were the game's frame alone
        self.steps = 0                  # steps that were a frame alone (tests and benchmarks read it)

    def owed(self, now: float) -> float:
        """A whole step runs now: the seconds of the steps it skipped, handed over once."""
        skipped, self.skipped, self.full_at = self.skipped, 0.0, now
        return skipped

    def ready(self, now: float, dt: float) -> bool:
        """Only a new game frame wants the window: a whole step ran lately, pygame-gui's update is not due
        (with the time skipped and dt), the game plays and has nothing to say, nothing else goes on, and no
        event waits."""
        games = self.games
        return (now - self.full_at < FULL_EVERY_S and not self.gui_due(self.skipped + dt)
                and games.state == GameState.RUNNING and games.game is not None and not games.news()
                and self.quiet() and self.preview.frame_waiting(games.game) and not pygame.event.peek())

    def show(self, screen, dt: float, now: float) -> Optional[List[pygame.Rect]]:
        """The new frame alone, blitted into its place in screen (the caller sends the rects returned: none
        when the frame was torn while it was read); None: a whole step is needed."""
        if not self.ready(now, dt):
            return None
        place = self.pacer.picture_now(now)
        if place is None:
            return None
        shown = take_frame(self.preview, self.games.game, self.pacer, screen, place)
        if shown is None:
            return None
        self.skipped += dt
        self.steps += 1
        return shown


def take_frame(preview, game, pacer, screen, place: pygame.Rect) -> Optional[List[pygame.Rect]]:
    """The game's waiting frame taken and blitted into place (a frame alone, or beside typed keys:
    key_alone.py): the rects to send, [] when it was torn while it was read; None when the game's picture
    moved (a new size): the Pacer forgets, so the next whole step draws all of the window."""
    taken = preview.refresh(game)
    if taken and preview.picture_only() != place:
        pacer.forget()
        return None
    if not taken:
        return []
    preview.show_picture(screen)
    return [place]
