"""pygame-gui's full rebuilds of resized elements, one per update, and none while the helper lays out text.

An element that changes size (the window's layout changes when a game starts) gets a quick picture at once
and its full one from pygame-gui 0.35 s later, in whichever update comes then: a rounded text line (the
question box, the change box) costs 10-20 ms to draw again at 1200x900, and the two came in the same
frame, often one of the frames in which the helper lays out an answer (text_feed.py). `pace()` lets one
such rebuild happen per update and puts the others off to the next, and puts all of them off while
`calm` is false. The elements keep their quick picture meanwhile (a few frames more).
"""
from __future__ import annotations

from typing import Iterable, Tuple

WAIT_S = 0.001             # a put-off rebuild's countdown after this update: due at the next one


def _due(thing, dt: float) -> bool:
    """An element (or its drawable shape) whose full rebuild pygame-gui would do in an update of dt."""
    return (getattr(thing, "should_trigger_full_rebuild", False) is True
            and getattr(thing, "full_rebuild_countdown", 1.0) - dt <= 0.0)


def rebuilds_due(elements: Iterable, dt: float) -> list:
    """The elements and shapes (in drawing order) an update of dt would rebuild in full."""
    due = []
    for element in elements:
        for thing in (element, getattr(element, "drawable_shape", None)):
            if thing is not None and _due(thing, dt):
                due.append(thing)
    return due


def pace(elements: Iterable, dt: float, calm: bool) -> int:
    """Before manager.update(dt): at most one full rebuild is left due (none unless calm); the others wait
    one more update. How many were put off."""
    return paced(elements, dt, calm)[0]


def paced(elements: Iterable, dt: float, calm: bool) -> Tuple[int, bool]:
    """pace(), and whether the update will rebuild an element in full (its quick picture then goes)."""
    due = rebuilds_due(elements, dt)
    waiting = due[1:] if calm else due
    for thing in waiting:
        thing.full_rebuild_countdown = dt + WAIT_S
    return len(waiting), len(due) > len(waiting)
