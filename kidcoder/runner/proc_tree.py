"""A game's processes as /proc shows them: the game runs under a launcher, so what it uses is the sum over
its process and its child processes (one walk, for the stall watch, the benchmark probes and the tests)."""
from __future__ import annotations

import os
from typing import List, Optional


def process_tree(pid: int) -> List[int]:
    """pid and its live descendants, parents first. Raises OSError when pid itself is gone (or there is no
    /proc); a child that ends during the walk is left out."""
    found = [pid]
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as children:
                named = children.read().split()
        except OSError:         # the thread ended meanwhile
            continue
        for child in named:
            try:
                found += process_tree(int(child))
            except OSError:     # the child ended meanwhile
                pass
    return found


def threads(pid: int) -> List[str]:
    """/proc folders of every thread of pid's process tree (raises OSError when pid itself is gone)."""
    return [f"/proc/{each}/task/{tid}" for each in process_tree(pid) for tid in _tids(each)]


def _tids(pid: int) -> List[str]:
    try:
        return os.listdir(f"/proc/{pid}/task")
    except OSError:             # it ended after the walk
        return []


def inner_process(pid: int, inner_pid: int) -> Optional[int]:
    """The process of pid's tree that calls itself inner_pid in its own pid namespace (the game's Ready
    says pid 1 when the launcher gave it one; its own pid when not), or None (gone, no /proc)."""
    try:
        tree = process_tree(pid)
    except OSError:
        return None
    for each in tree:
        try:
            with open(f"/proc/{each}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("NSpid:"):
                        if line.split()[-1] == str(inner_pid):
                            return each
                        break
        except OSError:         # it ended during the walk
            continue
    return None
