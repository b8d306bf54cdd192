"""Shared bits for runner tests: where the tiny games live, and a check that nothing is left running."""
import os
import time
from pathlib import Path

GAMES = Path(__file__).resolve().parent.parent / "games"


def processes_in_group(pgid: int):
    """PIDs of live (not zombie) processes whose process group is pgid (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            found.append(int(entry))
    return found


def wait_until(condition, timeout=10.0, step=0.01):
    """Poll condition() until true or timeout; returns its last value."""
    deadline = time.monotonic() + timeout
    value = condition()
    while not value and time.monotonic() < deadline:
        time.sleep(step)
        value = condition()
    return value
