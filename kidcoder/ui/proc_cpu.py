"""Processor seconds of a running process and its children, read from /proc (the benchmark probes' figures).

A game runs under a launcher, so its own process and the children still running are counted together.
"""
from __future__ import annotations

import os
from typing import Optional

from kidcoder.runner.proc_tree import process_tree


def process_cpu(pid: Optional[int]) -> float:
    """Processor seconds of a process and its children still running (0 when it is gone, or with no /proc)."""
    try:
        tree = process_tree(pid)
    except (OSError, TypeError):
        return 0.0
    total = 0.0
    for each in tree:
        try:
            with open(f"/proc/{each}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            continue            # it ended after the walk
    return total
