"""Is a process still there? One answer for the runner (games, cgroups, frame buffers) and the editor's
save files (a temp file whose writer still runs is not litter)."""
from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """Is there a process with this id (ours or someone else's)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
