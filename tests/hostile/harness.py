"""Runs one hostile program through the real command line, as root or as an unprivileged user, and
judges the outcome from the outside: did the host survive with valid JSON, did anything outlive
the game, was anything written outside its folder, did a connection or a datagram arrive."""
from __future__ import annotations

import ctypes
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from tests.hostile.programs import PRELUDE, Attack

ROOT = Path(__file__).resolve().parent.parent.parent
UNPRIVILEGED = "kidtest"


def unprivileged_user() -> Optional[pwd.struct_passwd]:
    """The plain user the suite runs as too, when we are root and it exists (and setpriv is there)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    try:
        return pwd.getpwnam(UNPRIVILEGED)
    except KeyError:
        return None


def as_user(user, command: List[str]) -> List[str]:
    """command run as `user` with every capability dropped (None: as we are)."""
    if user is None:
        return command
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups",
            "--inh-caps=-all", "--bounding-set=-all"] + command


_PYTHONS: dict = {}


def python_for(user, modules: str = "pygame") -> Optional[str]:
    """A Python this user may run that has `modules` and can read this checkout's kidcoder (ours first; root's
    may be out of its reach, and a checkout in a private folder, like mktemp -d's, is out of the user's)."""
    key = (user.pw_name if user else None, modules)
    if key not in _PYTHONS:
        _PYTHONS[key] = None
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        for python in dict.fromkeys([sys.executable, "/usr/bin/python3", shutil.which("python3") or ""]):
            check = f"import sys, {modules}, kidcoder.cli; open(sys.executable, 'rb').close()"   # it can start itself
            if python and subprocess.run(as_user(user, [python, "-c", check]), cwd="/", env=env,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                _PYTHONS[key] = python
                break
    return _PYTHONS[key]


@dataclass
class Outcome:
    attack: str
    user: str
    host_code: Optional[int]
    stdout: str
    stderr: str
    result: Optional[dict] = None
    contained: List[str] = field(default_factory=list)
    escapes: List[str] = field(default_factory=list)
    host_problems: List[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def verdict(self) -> str:
        if self.host_problems:
            return "traceback" if "Traceback" in self.stderr else "host crash"
        return "escaped" if self.escapes else "contained"


class _Listeners:
    """A TCP server and a UDP socket on localhost: a game that reaches either has the network."""

    def __init__(self):
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(5)
        self.tcp.setblocking(False)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.setblocking(False)

    def ports(self):
        return self.tcp.getsockname()[1], self.udp.getsockname()[1]

    def reached(self) -> List[str]:
        found = []
        try:
            self.tcp.accept()[0].close()
            found.append("a TCP connection reached the host's machine")
        except BlockingIOError:
            pass
        try:
            self.udp.recv(100)
            found.append("a UDP datagram reached the host's machine")
        except BlockingIOError:
            pass
        return found

    def close(self):
        self.tcp.close()
        self.udp.close()


def _tagged_processes(tag: str) -> List[int]:
    """Live processes carrying the run's tag in their environment (the game's descendants)."""
    found = []
    needle = f"KC_TAG={tag}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as handle:
                if needle not in handle.read():
                    continue
            with open(f"/proc/{entry}/stat") as handle:
                if handle.read().rsplit(")", 1)[1].split()[0] == "Z":
                    continue
        except OSError:
            continue
        found.append(int(entry))
    return found


def _sysv_segment(key: int) -> Optional[int]:
    try:
        lines = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
    except OSError:
        return None
    for line in lines:
        parts = line.split()
        if parts and int(parts[0]) == key:
            return int(parts[1])
    return None


def _remove_segment(shm_id: int) -> None:
    ctypes.CDLL(None).shmctl(shm_id, 0, None)     # IPC_RMID


def _give(path: Path, user) -> None:
    if user is None:
        return
    for folder, _, files in os.walk(path):
        os.chown(folder, user.pw_uid, user.pw_gid)
        for name in files:
            os.chown(os.path.join(folder, name), user.pw_uid, user.pw_gid)


def run_attack(attack: Attack, user=None, layers_off: str = "", base: Optional[Path] = None,
               python: str = sys.executable) -> Outcome:
    """Run one attack through `kidcoder run|hint --json` and judge it from the outside."""
    base = Path(tempfile.mkdtemp(prefix="kc-hostile-", dir=base))
    os.chmod(base, 0o755)
    game_dir, home, outside = base / "game", base / "home", base / "outside"
    for folder in (game_dir, home / "config", outside):
        folder.mkdir(parents=True)
    os.chmod(outside, 0o777)                 # only the walls may stop a write here, not permissions
    settings = home / "config" / "settings.json"
    chosen = {"memory_limit_mb": attack.memory_mb} if attack.memory_mb else {}
    settings.write_text(json.dumps(chosen))
    before = settings.read_bytes()
    program = game_dir / f"{attack.name}.py"
    program.write_text(PRELUDE + attack.body, encoding="utf-8")
    _give(base, user)
    listeners = _Listeners()
    tcp_port, udp_port = listeners.ports()
    tag = uuid.uuid4().hex
    shm_key = 0x4B430000 + int(tag[:4], 16)
    body = attack.body.replace("0x4B43 + os.getpid() % 1000", str(shm_key))
    program.write_text(PRELUDE + body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIDCODER_")}
    env.update(KIDCODER_HOME=str(home), HOME=str(home), PYTHONPATH=str(ROOT), KC_TAG=tag, KC_OUTSIDE=str(outside),
               KC_SETTINGS=str(settings), KC_PORT=str(tcp_port), KC_UDP_PORT=str(udp_port),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    if layers_off:
        env["KIDCODER_LAYERS_OFF"] = layers_off
    command = [python, "-m", "kidcoder", attack.command, str(program), "--json"]
    if attack.command == "run":
        command += ["--headless", "--seconds", str(attack.seconds)]
    else:
        command += ["--no-model"]
    command = as_user(user, command)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=str(base), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    frozen = False
    try:
        stdout, stderr = process.communicate(timeout=attack.seconds + 60)
    except subprocess.TimeoutExpired:
        frozen = True
        os.killpg(process.pid, signal.SIGCONT)
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
    outcome = Outcome(attack.name, user.pw_name if user else "root", process.returncode,
                      stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
                      seconds=time.monotonic() - started)
    if frozen:
        outcome.escapes.append("the host was frozen (it never finished)")
    _judge_host(outcome)
    notes = game_dir / "escapes.txt"
    outcome.escapes += notes.read_text().splitlines() if notes.exists() else []
    outcome.escapes += [f"a program was started ({path.name})" for path in game_dir.glob("escaped-by-*")]
    outcome.escapes += listeners.reached()
    listeners.close()
    deadline = time.monotonic() + 5.0
    while _tagged_processes(tag) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _tagged_processes(tag)
    if left:
        outcome.escapes.append(f"{len(left)} processes outlived the game")
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    if list(outside.iterdir()):
        outcome.escapes.append("a file was written outside the game's folder")
    if not settings.exists() or settings.read_bytes() != before:
        outcome.escapes.append("KidCoder's settings were changed")
    segment = _sysv_segment(shm_key)
    if segment is not None:
        outcome.escapes.append("a shared-memory segment outlived the game")
        _remove_segment(segment)
    for leftover in Path("/dev/shm").glob("kc-bomb-*"):
        leftover.unlink()
    shutil.rmtree(base, ignore_errors=True)
    return outcome


def _judge_host(outcome: Outcome) -> None:
    """The host must end by itself, exit 0, print exactly one JSON object and no traceback."""
    if outcome.host_code != 0:
        outcome.host_problems.append(f"the host exited with {outcome.host_code}")
    if "Traceback" in outcome.stderr:
        outcome.host_problems.append("the host printed a traceback")
    lines = [line for line in outcome.stdout.splitlines() if line.strip()]
    try:
        outcome.result = json.loads(lines[-1], parse_constant=_no_constants) if lines else None
    except ValueError as exc:
        outcome.host_problems.append(f"the host's output is not valid JSON: {exc}")
        return
    if not isinstance(outcome.result, dict):
        outcome.host_problems.append("the host printed no JSON object")
        return
    outcome.contained = list(outcome.result.get("contained") or [])


def _no_constants(name):
    raise ValueError(f"{name} is not JSON")
