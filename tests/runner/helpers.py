"""Shared bits for runner tests: where the tiny games live, and a check that nothing is left running."""
import os
import time
from contextlib import contextmanager
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


@contextmanager
def reported_stuck(program: Path, source: str):
    """A game running `source` (written to program) that the runner has reported as making no new frame
    (the watchdog at 0.5 s); fails if no report came."""
    from kidcoder.runner.host import GameProcess, NoFrame

    program.write_text(source)
    with GameProcess(program, interactive=False, no_frame_seconds=0.5) as game:
        game.start()
        seen = []
        assert wait_until(lambda: seen.extend(game.poll()) or any(isinstance(m, NoFrame) for m in seen))
        yield game
