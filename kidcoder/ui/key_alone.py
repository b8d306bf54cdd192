"""A step for keys typed in the editor alone: the letters go in, and only the editor's changed rows (and a
game's new frame, if one waits) are drawn and sent.

A whole step (App.step) polls every part of the window (update()), takes the screen's key over every pane
and pygame-gui element (redraw.screen_key) and only then draws what changed. At 12.5% of one core, with a
game sharing the quota, that cost a typed letter most of its time to the screen, for a change the editor
already knows to the row (editor/damage.py). When the only events are keys for the editor (the keyboard is
in it, no pygame-gui element has the keys, no dialog, nothing waits: App._quiet), none of them is a window
command, and a whole step ran lately (within frame_only.FULL_EVERY_S), the keys are handled, the editor's
title and rows that changed are drawn (all of the editor when it scrolled or its rows moved: Enter, a paste,
the first key after the cursor was put out of sight), sent before a waiting game frame is taken, and the
Pacer notes the editor's new part of the screen's key. Any other change (the editor's place, the keyboard
leaving the editor, the game's picture moving or covered by the editor's drawing) makes the step a whole
step, with the keys already handled. The whole step still runs at least every FULL_EVERY_S and is given the time of the
steps it skipped (frame_only.FrameOnly.owed).
"""
from __future__ import annotations

from typing import Callable, List, Optional

import pygame

from kidcoder.ui import frame_only as frames_alone
from kidcoder.ui.keys import action_for_key
from kidcoder.ui.redraw import pane_key

TYPED_EVENTS = frozenset((pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT))


class KeyAlone:
    """Decides whether a step may be the editor's keys alone, and draws it (`ready()` before the keys are
    handled, `show()` after)."""

    def __init__(self, pacer, frame_only, editor, preview, games, keyboard, manager, fix_shown: Callable[[], bool],
                 quiet: Callable[[], bool], draw: Callable[[pygame.Rect], None], presenter,
                 told: Callable[[list], None]):
        self.pacer, self.frame_only, self.editor, self.preview, self.games = pacer, frame_only, editor, preview, games
        self.keyboard, self.manager = keyboard, manager
        self.fix_shown = fix_shown      # the helper's fix button shows (a typed letter hides it: pygame-gui changes)
        self.quiet = quiet              # nothing but a game wants the window (App._quiet)
        self.draw = draw                # App.draw(part): the window inside part, clipped
        self.presenter, self.told = presenter, told     # rows sent before a game frame is taken: who waits is told
        self.index = None               # the editor's place among the screen key's panes
        self.steps = 0                  # steps that were keys alone (tests and benchmarks read it)

    def ready(self, events: list, now: float, dt: float) -> bool:
        """The events are keys for the editor alone and nothing else wants a whole step now."""
        if not events or self.keyboard.target != "editor" or self.manager.get_focus_set():
            return False
        for event in events:        # (a window command may change anything)
            if event.type not in TYPED_EVENTS or event.type == pygame.KEYDOWN and action_for_key(event.key, event.mod):
                return False
        frame_only, games = self.frame_only, self.games
        return (now - frame_only.full_at < frames_alone.FULL_EVERY_S and not frame_only.gui_due(frame_only.skipped + dt)
                and self.pacer.looked_lately() and not self.fix_shown() and self.quiet() and not games.news())

    def show(self, screen, dt: float, now: float, follow_edits: Callable[[], None] = lambda: None
             ) -> Optional[List[pygame.Rect]]:
        """After the keys were handled: what a whole step does about an edit (follow_edits), then the editor's
        changed rows (its title too, when its words changed) drawn into screen and, when a game's frame waits,
        sent at once, before the frame is taken and blitted; the rects left to send, or None: a whole step
        is needed (it follows the edit itself)."""
        editor, pacer = self.editor, self.pacer
        editor.modified = editor.view.buffer.modified       # as EditorPane.update(): commands read it (Ctrl+N)
        follow_edits()
        if self.keyboard.target != "editor" or self.manager.get_focus_set():
            return None
        index, before = self._entry()
        if before is None:
            return None
        now_key = pane_key(editor)
        if now_key[0] != before[0]:
            return None
        rects = editor.changed_parts(now_key[1][0] != before[1][0]) if now_key[1] != before[1] else []
        if rects is None:               # it scrolled, or its rows moved (Enter, a paste): all of it, still alone
            rects = [pygame.Rect(part) for part in now_key[0]]
        place = self._place(now, rects)
        if place is False:
            return None
        for rect in rects:
            self.draw(rect)
        self.frame_only.skipped += dt
        pacer.typed(index, now_key, now, self.frame_only.skipped)
        self.steps += 1
        if place is None:
            return rects
        if rects:                       # the letters go out first: taking the frame costs as much as drawing them
            self._send(rects)
        return self._frame(screen, place)

    def _send(self, rects: List[pygame.Rect]) -> None:
        for rect in rects:
            self.presenter.touched(rect)
        pygame.display.update(rects)
        self.told(rects)

    def _entry(self):
        """Where the editor is in the Pacer's last screen key, and its part of it (None: no key yet)."""
        key = self.pacer.last_key()
        if key is None:
            return None, None
        if self.index is None or self.index >= len(key[1]) or key[1][self.index][2] != self.editor.changed_parts:
            self.index = next((n for n, entry in enumerate(key[1]) if entry[2] == self.editor.changed_parts), None)
        return self.index, key[1][self.index] if self.index is not None else None

    def _place(self, now: float, rects: List[pygame.Rect]):
        """Where a game's waiting frame goes (None: none waits; False: a whole step must show it: the last
        look is too old, or something covers it)."""
        games, preview = self.games, self.preview
        if games.game is None or not preview.frame_waiting(games.game):
            return None
        place = self.pacer.picture_now(now, uncover=True)
        return False if place is None or place.collidelist(rects) >= 0 else place

    def _frame(self, screen, place: pygame.Rect) -> List[pygame.Rect]:
        """The waiting frame taken and blitted into place; the rects to send (none when it was torn, or the
        game's picture moved: the next step draws all of the window)."""
        return frames_alone.take_frame(self.preview, self.games.game, self.pacer, screen, place) or []
