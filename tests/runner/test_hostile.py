"""Programs that misbehave, on purpose or by accident, are contained and leave no process behind."""
import pytest

from kidcoder.runner.host import GameProcess, ProcessEnded
from kidcoder.runner.headless import run_program

from tests.runner.helpers import processes_in_group

HOSTILE = {
    "busy_loop": ("while True:\n    pass\n", {"timeout"}, None),
    "no_flip": ("import pygame\npygame.init()\ns = pygame.display.set_mode((40, 40))\n"
                "while True:\n    s.fill((0, 0, 0))\n", {"timeout"}, None),
    "memory_bomb": ("blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 1024 * 1024))\n",
                    {"killed"}, "MemoryError"),
    "fork": ("import os\nwhile True:\n    os.fork()\n", {"error"}, "NotAllowedInGames"),
    "subprocess": ("import subprocess\nsubprocess.Popen(['sleep', '60'])\n", {"error"}, "NotAllowedInGames"),
    "system": ("import os\nos.system('sleep 60 &')\n", {"error"}, "NotAllowedInGames"),
    "exit_3": ("import sys\nsys.exit(3)\n", {"error"}, "SystemExit"),
    "deep_recursion": ("def down(n):\n    return down(n + 1)\ndown(0)\n", {"error"}, "RecursionError"),
    "socket": ("import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 9))\n", {"error"}, "NotAllowedInGames"),
    "flood_output": ("line = 'x' * 99\nfor i in range(105000):\n    print(line)\n", {"ok"}, None),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_program_is_contained(tmp_path, name):
    source, exits, error_type = HOSTILE[name]
    program = tmp_path / f"{name}.py"
    program.write_text(source)
    game = GameProcess(program, interactive=False, memory_mb=256)
    game.start()
    pid = game.process.pid
    seen = game.wait_ended(1.5 if exits == {"timeout"} else 30.0)
    if not any(isinstance(m, ProcessEnded) for m in seen):
        game.stop(reason="timeout")
    game.close()
    assert game.process.poll() is not None
    assert processes_in_group(pid) == [], "a process was left behind"
    status = game.status()
    assert status in exits, (status, game.error)
    if error_type:
        assert game.error is not None and game.error.type == error_type
    if name == "flood_output":
        text = "".join(game.console)
        assert len(text) <= 300 * 1024
        assert "too much output" in text


def test_network_can_be_allowed_by_a_teacher(tmp_path):
    program = tmp_path / "net.py"
    program.write_text("import socket\ns = socket.socket()\nprint('made a socket')\n")
    result = run_program(program, seconds=20, allow_network=True)
    assert result.exit == "ok", result.error
    assert "made a socket" in "".join(result.console)
