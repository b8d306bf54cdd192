"""Undo and redo history for the text buffer: steps of edits, typing bursts merged into one step.

A child expects Ctrl+Z to take back "what I just typed", not one letter, so
typing (or Backspace) that continues where the last edit ended, without a
pause of BURST_GAP_S or a cursor move in between, joins the same step.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Tuple

Pos = Tuple[int, int]
BURST_GAP_S = 1.0
MERGING_KINDS = ("type", "delete", "delete_forward")


@dataclass
class Edit:
    """One replacement: at start, the text removed was replaced by the text inserted."""
    start: Pos
    removed: str
    inserted: str


@dataclass
class UndoStep:
    """What one Ctrl+Z takes back: one or more edits and where the cursor was around them."""
    kind: str
    cursor_before: Pos
    anchor_before: Optional[Pos]
    edits: List[Edit] = field(default_factory=list)
    cursor_after: Pos = (0, 0)
    anchor_after: Optional[Pos] = None
    at: float = 0.0
    ident: int = 0


def end_of(start: Pos, text: str) -> Pos:
    """Where text ends when written at start."""
    parts = text.split("\n")
    if len(parts) == 1:
        return start[0], start[1] + len(text)
    return start[0] + len(parts) - 1, len(parts[-1])


class UndoHistory:
    """The undo and redo stacks, the save point, and the rules for merging a typing burst."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self.undo_steps: List[UndoStep] = []
        self.redo_steps: List[UndoStep] = []
        self._group: Optional[UndoStep] = None
        self._next_id = 1
        self._saved_id = 0
        self._burst_open = False

    def record(self, edit: Edit, kind: str, cursor: Pos, anchor: Optional[Pos]) -> Optional[UndoStep]:
        """Add an edit made with the cursor at cursor/anchor; returns its step (None inside a group)."""
        self.redo_steps.clear()
        if self._group is not None:
            self._group.edits.append(edit)
            return None
        step = self._mergeable(kind, edit)
        if step is None:
            step = self._new(kind, cursor, anchor)
            self.undo_steps.append(step)
        step.edits.append(edit)
        self._burst_open = kind in MERGING_KINDS
        return step

    def finish(self, step: Optional[UndoStep], cursor: Pos, anchor: Optional[Pos]) -> None:
        """Note where the cursor ended up after the edit of step."""
        if step is not None:
            step.cursor_after, step.anchor_after, step.at = cursor, anchor, self._clock()

    def begin_group(self, kind: str, cursor: Pos, anchor: Optional[Pos]) -> bool:
        """Start collecting edits into one step; False if a group is already open (nested commands)."""
        if self._group is not None:
            return False
        self._group = self._new(kind, cursor, anchor)
        self._burst_open = False
        return True

    def end_group(self, cursor: Pos, anchor: Optional[Pos]) -> None:
        step, self._group = self._group, None
        if step is not None and step.edits:
            self.finish(step, cursor, anchor)
            self.undo_steps.append(step)

    def break_burst(self) -> None:
        """The cursor moved or the file was saved: the next letter starts a new step."""
        self._burst_open = False

    def pop_undo(self) -> Optional[UndoStep]:
        """The step to undo now (it moves to the redo list), or None."""
        return self._move_step(self.undo_steps, self.redo_steps)

    def pop_redo(self) -> Optional[UndoStep]:
        """The step to redo now (it moves back to the undo list), or None."""
        return self._move_step(self.redo_steps, self.undo_steps)

    def _move_step(self, source: List[UndoStep], target: List[UndoStep]) -> Optional[UndoStep]:
        self._burst_open = False
        if not source:
            return None
        target.append(source.pop())
        return target[-1]

    @property
    def modified(self) -> bool:
        return self._current_id() != self._saved_id

    def mark_saved(self) -> None:
        self._saved_id = self._current_id()
        self._burst_open = False

    def mark_unsaved(self) -> None:
        """The text differs from the file even with nothing to undo (recovered work)."""
        self._saved_id = -1

    def _current_id(self) -> int:
        return self.undo_steps[-1].ident if self.undo_steps else 0

    def _new(self, kind: str, cursor: Pos, anchor: Optional[Pos]) -> UndoStep:
        step = UndoStep(kind, cursor, anchor, ident=self._next_id)
        self._next_id += 1
        return step

    def _mergeable(self, kind: str, edit: Edit) -> Optional[UndoStep]:
        if not (self._burst_open and self.undo_steps) or kind not in MERGING_KINDS:
            return None
        last = self.undo_steps[-1]
        if last.kind != kind or self._clock() - last.at >= BURST_GAP_S:
            return None
        prev = last.edits[-1]
        if kind == "type":
            joins = edit.start == end_of(prev.start, prev.inserted) and not edit.removed
        elif kind == "delete":
            joins = end_of(edit.start, edit.removed) == prev.start and not edit.inserted
        else:
            joins = edit.start == prev.start and not edit.inserted
        return last if joins else None
