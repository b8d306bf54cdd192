"""Hostile programs, one per attack of issue 18: each tries to hurt the laptop, the settings or the app.

Every program first tries to write outside its folder (the harness's "outside" folder and
KidCoder's settings file); then it does its own attack and, when the attack worked in a way
only the game itself can see, notes it in escapes.txt in its own folder (escaped(what)). An
Attack names the layers any one of which contains it (an empty tuple: the app itself does).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

PRELUDE = '''\
import os, sys, time, ctypes, signal
def _write_outside():
    for path in (os.path.join(os.environ["KC_OUTSIDE"], "escaped.txt"), os.environ["KC_SETTINGS"]):
        try:
            with open(path, "a") as handle:
                handle.write('{"network_allowed": true, "memory_limit_mb": 100000}')
        except OSError:
            pass
_write_outside()
libc = ctypes.CDLL(None, use_errno=True)
def msg_fds():
    """The game's message pipe, found the way a hostile program would: every pipe it may write."""
    found = []
    for fd in range(3, 64):
        try:
            if os.path.islink(f"/proc/self/fd/{fd}") and "pipe:" in os.readlink(f"/proc/self/fd/{fd}"):
                os.write(fd, b"")
                found.append(fd)
        except OSError:
            pass
    return found
def forge(line):
    for fd in msg_fds():
        try:
            os.write(fd, line.encode() + b"\\n")
        except OSError:
            pass
def escaped(what):
    with open("escapes.txt", "a") as handle:      # the game's own folder: always allowed
        handle.write(what + "\\n")
def ppid_of(pid):
    return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
'''

DRAW = '''\
import pygame
pygame.init()
screen = pygame.display.set_mode((64, 48))
for i in range(20):
    screen.fill((i, 0, 0))
    pygame.display.flip()
'''


@dataclass(frozen=True)
class Attack:
    name: str
    body: str
    needs: Tuple[str, ...] = ()      # any one of these layers contains it; () = the app always does
    seconds: float = 6.0
    command: str = "run"             # "run" or "hint": the CLI subcommand that runs the program
    memory_mb: int = 0               # 0: the default; otherwise written into the settings first
    exits: Tuple[str, ...] = ()      # the `exit` the run must report (what the app saw), if it matters


ATTACKS = [
    Attack("write_settings_and_outside", "print('tried')\n", ("landlock-files",)),
    Attack("symlink_to_settings", '''\
os.symlink(os.environ["KC_SETTINGS"], "link.json")
try:
    open("link.json", "a").write("{}")
    escaped("symlink write")
except OSError as exc:
    print("refused", exc)
''', ("landlock-files",)),
    Attack("hardlink_settings", '''\
try:
    os.link(os.environ["KC_SETTINGS"], "stolen.json")
    open("stolen.json", "a").write("{}")
    escaped("hard link")
except OSError as exc:
    print("refused", exc)
''', ("landlock-files",)),
    Attack("rename_settings_away", '''\
try:
    os.rename(os.environ["KC_SETTINGS"], "taken.json")
    escaped("rename")
except OSError as exc:
    print("refused", exc)
''', ("landlock-files",)),
    Attack("write_host_memory", '''\
me = int(open("/proc/self/stat").read().split()[0])
for pid in (ppid_of(me), ppid_of(ppid_of(me))):
    try:
        open(f"/proc/{pid}/mem", "r+b").close()
        escaped("opened /proc/%d/mem for writing" % pid)
    except OSError as exc:
        print("refused", exc)
''', ("landlock-files", "pid-namespace")),
    Attack("socket_module", '''\
import socket
try:
    socket.create_connection(("127.0.0.1", int(os.environ["KC_PORT"])), timeout=2)
    escaped("socket module")
except OSError as exc:
    print("refused:", exc)
'''),
    Attack("underscore_socket", '''\
import _socket
try:
    s = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(("127.0.0.1", int(os.environ["KC_PORT"])))
    escaped("_socket")
except OSError as exc:
    print("refused:", exc)
'''),
    Attack("raw_syscall_tcp", '''\
import struct
fd = libc.socket(2, 1, 0)
address = struct.pack("!HH4s8x", 2, int(os.environ["KC_PORT"]), bytes([127, 0, 0, 1]))
address = struct.pack("<H", 2) + address[2:]
if fd >= 0 and libc.connect(fd, address, len(address)) == 0:
    escaped("raw tcp")
else:
    print("refused, errno", ctypes.get_errno())
''', ("network-namespace", "landlock-tcp")),
    Attack("raw_syscall_udp", '''\
import struct
fd = libc.socket(2, 2, 0)
address = struct.pack("<H", 2) + struct.pack("!H4s8x", int(os.environ["KC_UDP_PORT"]), bytes([127, 0, 0, 1]))
sent = libc.sendto(fd, b"hello", 5, 0, address, len(address)) if fd >= 0 else -1
print("sent" if sent == 5 else "refused", ctypes.get_errno())
''', ("network-namespace",)),
    Attack("setsid_double_fork_daemon", '''\
pid = libc.fork()
if pid == 0:
    os.setsid()
    if libc.fork() == 0:
        time.sleep(120)
    os._exit(0)
time.sleep(0.5)
print("left a daemon")
''', ("pid-namespace", "cgroup-processes", "subreaper")),
    Attack("daemon_through_hint", '''\
if libc.fork() == 0:
    os.setsid()
    if libc.fork() == 0:
        time.sleep(120)
    os._exit(0)
time.sleep(0.3)
''', ("pid-namespace", "cgroup-processes", "subreaper"), command="hint"),
    Attack("runner_switch_back_on", '''\
try:
    from kidcoder.runner import limits
    limits.allow_subprocesses
    escaped("allow_subprocesses still there")
except (ImportError, AttributeError) as exc:
    print("no switch:", type(exc).__name__)
import subprocess
try:
    subprocess.Popen(["/bin/touch", "escaped-by-popen"])
except PermissionError as exc:
    print("refused:", exc)
pid = libc.fork()
if pid == 0:
    argv = (ctypes.c_char_p * 3)(b"/bin/touch", b"escaped-by-execve", None)
    libc.execv(b"/bin/touch", argv)
    os._exit(7)
os.waitpid(pid, 0)
time.sleep(0.2)
''', ("landlock-programs",)),
    Attack("stop_and_kill_the_host", '''\
me = int(open("/proc/self/stat").read().split()[0])
outside = ppid_of(me)
host = ppid_of(outside)
for pid in (outside, host):
    for sig in (signal.SIGSTOP, signal.SIGTERM):
        try:
            os.kill(pid, sig)
            escaped(f"signalled {pid}")
        except OSError as exc:
            print("refused", exc)
''' + DRAW, ("pid-namespace", "landlock-signals")),
    Attack("truncate_the_frame_buffer", DRAW + '''\
for fd in range(3, 64):
    try:
        if "kidcoder-frames" in os.readlink(f"/proc/self/fd/{fd}"):
            os.ftruncate(fd, 0)
            escaped("truncated")
    except OSError as exc:
        pass
for i in range(20):
    pygame.display.flip()
''', exits=('ok',)),
    Attack("bad_frame_header", DRAW + '''\
import gc, struct
from kidcoder.runner import frames as _frames_module
for thing in gc.get_objects():
    if type(thing).__name__ == "FrameWriter":
        struct.pack_into("<i", thing._map, 16, 12345)
        struct.pack_into("<QQdII", thing._map, 64, 2, 2 ** 62, float("nan"), 99999, 99999)
pygame.display.flip = lambda: None
time.sleep(0.5)
''', exits=('ok',)),
    Attack("nan_and_forged_messages", '''\
forge('{"@": "Finished", "reason": "frames", "frames": NaN}')
forge('{"@": "Finished", "reason": "quit", "frames": 1e999, "exit_code": 0}')
forge('{"@": "DisplayOpened", "width": 100000000, "height": -5}')
forge('{"@": "Caption", "text": "' + "x" * 900000 + '"}')
forge('{"@": "Ready", "version": 1, "pid": 1, "contained": []}')
forge('{"@": "Finished", "reason": "quit", "frames": 60, "exit_code": 0}')
raise ValueError("the real ending")
''', exits=('error',)),
    Attack("forged_frames_ok", '''\
forge('{"@": "Finished", "reason": "frames", "frames": 60, "exit_code": 0}')
os._exit(0)
''', exits=('killed',)),
    Attack("a_million_tiny_messages", '''\
line = b'{"@": "WaitingForEvents", "frame": 1}\\n' * 1000
fds = msg_fds()
for i in range(1000):
    for fd in fds:
        os.write(fd, line)
print("sent a million")
''', seconds=5.0),
    Attack("memfd_bomb", '''\
chunk = b"x" * (1 << 20)
held = []
for n in range(12):
    fd = os.memfd_create("bomb")
    for i in range(60):
        os.write(fd, chunk)
    held.append(fd)
escaped("held 720 MB in memory files")
''', ("cgroup-memory", "seccomp-memfd"), memory_mb=128, exits=('killed', 'error')),
    Attack("memfd_by_raw_syscall", '''\
libc.syscall.restype = ctypes.c_long
fd = libc.syscall(319, b"bomb", 0)
if fd < 0:
    print("refused, errno", ctypes.get_errno())
else:
    chunk = b"x" * (1 << 20)
    for n in range(10):
        extra = libc.syscall(319, b"bomb", 0)
        for i in range(60):
            os.write(extra, chunk)
    escaped("held 600 MB by raw memfd_create")
''', ("cgroup-memory", "seccomp-memfd"), memory_mb=128),
    Attack("dev_shm_bomb", '''\
chunk = b"x" * (1 << 20)
try:
    for n in range(10):
        with open(f"/dev/shm/kc-bomb-{os.getpid()}-{n}", "wb") as handle:
            for i in range(60):
                handle.write(chunk)
    escaped("600 MB in /dev/shm")
except OSError as exc:
    print("refused", exc)
''', ("landlock-files", "cgroup-memory"), memory_mb=128),
    Attack("sysv_shared_memory_outlives", '''\
libc.shmget.restype = ctypes.c_int
shm_id = libc.shmget(0x4B43 + os.getpid() % 1000, 1 << 20, 0o1666)
print("made segment", shm_id)
''', ("ipc-namespace",)),
    Attack("fork_bomb", '''\
made = 0
for i in range(300):
    pid = libc.fork()
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    if pid < 0:
        break
    made += 1
print("forked", made)
if made >= 300:
    escaped("300 processes")
''', ("cgroup-processes", "rlimit-processes")),
    Attack("huge_window", '''\
import pygame
pygame.init()
try:
    screen = pygame.display.set_mode((3000, 3000))
    for i in range(5):
        screen.fill((0, i, 0))
        pygame.display.flip()
    print("big window ok")
except Exception as exc:
    print("said:", type(exc).__name__, exc)
''', exits=('ok',)),
    Attack("flood_output", "line = 'x' * 99\nfor i in range(105000):\n    print(line)\n", exits=('ok',)),
    Attack("forge_through_runner_objects", '''\
import gc
for thing in gc.get_objects():
    if type(thing).__name__ == "Channel":
        from kidcoder.runner import protocol
        try:
            thing.send(protocol.Finished(reason="frames", frames=float("nan")))
        except Exception as exc:
            print("send failed", type(exc).__name__)
print("done")
'''),
]
