"""Starting and ending a game's process: the command line, the environment, killing its process group."""
from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

# Started with -c rather than -m so that the program's folder (the working directory) is taken off
# sys.path before anything is imported: a child's file named socket.py or queue.py must not
# replace the runner's own modules.
CHILD_BOOTSTRAP = ("import os, sys; sys.path[:] = [p for p in sys.path if p not in ('', '.', os.getcwd())]; "
                   "from kidcoder.runner.child import main; main()")


def child_command(python: str, program: Path, *, msg_fd: int, cmd_fd: int, frames_args: Sequence[str],
                  frames: int, memory_mb: int, allow_network: bool, fast_clock: bool,
                  screen_size: Optional[Tuple[int, int]] = None, walls: Sequence[str] = ()) -> List[str]:
    """The command line of kidcoder.runner.child for one program (see child.parse_args).
    walls: more arguments from runner/containment.py (cgroup, writable folders, layers off)."""
    args = [python, "-X", "utf8", "-c", CHILD_BOOTSTRAP, str(program),
            "--msg-fd", str(msg_fd), "--cmd-fd", str(cmd_fd), *frames_args,
            "--frames", str(frames or 0), "--memory-mb", str(memory_mb), "--host-pid", str(os.getpid()), *walls]
    if screen_size and min(screen_size) >= 32:
        args += ["--screen-size", "%dx%d" % (int(screen_size[0]), int(screen_size[1]))]
    flags = {"--allow-network": allow_network, "--fast-clock": fast_clock}
    return args + [flag for flag, wanted in flags.items() if wanted]


# what a game has no use for: the display and the desktop's message bus (it draws off-screen)
DROPPED_ENV = ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "PYTHONSTARTUP",
               "PYTHONINSPECT")


def child_env(environ: Mapping[str, str]) -> Dict[str, str]:
    """The game's environment: this copy of kidcoder importable, UTF-8 output, no window of its own."""
    env = {name: value for name, value in environ.items() if name not in DROPPED_ENV}
    env["PYTHONPATH"] = os.pathsep.join(p for p in [package_root(), env.get("PYTHONPATH", "")] if p)
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["SDL_VIDEODRIVER"] = "dummy"
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    return env


def package_root() -> str:
    """The folder that holds the kidcoder package, so the child imports this same copy."""
    return str(Path(__file__).resolve().parent.parent.parent)


def kill_group(process: subprocess.Popen) -> None:
    """Kill the game and everything it started (its own process group), and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        process.wait(timeout=2.0)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def process_state(pid: int) -> str:
    """The state letter of a process in /proc (R, S, T, Z, ...), or "" when it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read(4096).decode("ascii", "replace")
    except OSError:
        return ""
    fields = text.rsplit(")", 1)[-1].split()
    return fields[0] if fields else ""


