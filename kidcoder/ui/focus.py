"""Keyboard focus order of the window (pure): which target Tab and Ctrl+Tab move to.

Targets are names: "tb:<action>" for toolbar buttons, "editor", "preview",
"console", "question", "ask", "more", "fix", "tab:helper" and "tab:console" (the
dock's tabs). Panes are groups of targets;
Tab walks targets, Ctrl+Tab jumps to the first target of the next pane.
"""
from __future__ import annotations

from typing import List, Sequence


def focus_order(toolbar_actions: Sequence[str], console_waiting: bool, more_shown: bool,
                fix_shown: bool, view_actions: Sequence[str] = (), tabs: Sequence[str] = (),
                helper_shown: bool = True, change_box: bool = False) -> List[str]:
    """All targets that can have focus now, in Tab order (left to right, top to bottom).

    tabs are the dock's tab buttons that are there; helper_shown: the helper's tab (with its
    question line) shows, not the console's. view_actions are the small buttons in the status
    bar (zoom, contrast, language): last. change_box: the "Change my game" line, right after the game.
    """
    order = [f"tb:{action}" for action in toolbar_actions]
    order += ["editor"]
    order += [target for target, shown in (("more", more_shown), ("fix", fix_shown)) if shown]
    if helper_shown:
        order += ["question", "ask"]
    order += list(tabs)
    order += ["preview"] + (["change"] if change_box else [])
    if console_waiting:
        order.append("console")
    order += [f"vw:{action}" for action in view_actions]
    return order


def pane_of(target: str) -> str:
    if target.startswith("tb:"):
        return "toolbar"
    if target.startswith("vw:"):
        return "status"
    if target in ("question", "ask", "more", "fix") or target.startswith("tab:"):
        return "helper"
    return target


def next_target(order: Sequence[str], current: str, step: int = 1) -> str:
    """The target after (or before, step=-1) current; current not in order starts from the editor."""
    if not order:
        return current
    if current not in order:
        return "editor" if "editor" in order else order[0]
    return order[(order.index(current) + step) % len(order)]


def next_pane(order: Sequence[str], current: str, step: int = 1) -> str:
    """The first target of the next (or previous) pane in the order."""
    panes: List[str] = []
    firsts = {}
    for target in order:
        pane = pane_of(target)
        if pane not in firsts:
            panes.append(pane)
            firsts[pane] = target
    if not panes:
        return current
    here = pane_of(current) if pane_of(current) in firsts else "editor"
    if here not in firsts:
        return firsts[panes[0]]
    return firsts[panes[(panes.index(here) + step) % len(panes)]]
