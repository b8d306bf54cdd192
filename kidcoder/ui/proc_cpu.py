"""Processor seconds of a running process and its children, read from /proc (the benchmark probes' figures).

A game runs under a launcher, so its own process and the children still running are counted together.
"""
from __future__ import annotations

import os
from typing import Optional


def process_cpu(pid: Optional[int]) -> float:
    """Processor seconds of a process and its children still running (0 when it is gone, or with no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        children = []
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as found:
                children += found.read().split()
    except (OSError, ValueError, IndexError, TypeError):
        return 0.0
    return own + sum(process_cpu(int(child)) for child in children)
