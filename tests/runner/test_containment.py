"""The walls around a game: which folders it may write, which layers are up, and that KidCoder still
runs (and says so) when the kernel offers none of them."""
import os
import signal
import time

import pytest

from kidcoder.runner import confine, landlock, protocol
from kidcoder.runner.containment import walls_key, writable_folders
from kidcoder.runner.game_input import scale_input
from kidcoder.runner.game_pipes import MAX_PER_POLL, GamePipes
from kidcoder.runner.headless import run_program
from kidcoder.runner.host import GameProcess
from kidcoder.runner.limits import sane_memory_mb

from tests.runner.helpers import wait_until

TINY_GAME = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((32, 24))\n"
             "for i in range(5):\n    screen.fill((i, 0, 0))\n    pygame.display.flip()\n")
KERNEL_LAYERS = {"landlock": "landlock-", "namespaces": "-namespace", "cgroup": "cgroup-", "seccomp": "seccomp-"}


def test_a_game_writes_in_its_own_folder_but_never_in_one_that_holds_kidcoders(tmp_path):
    home, temp = tmp_path / "home", tmp_path / "temp"
    settings = home / ".config" / "kidcoder"
    assert writable_folders(home / "projects" / "cat.py", temp, [settings]) == \
        [str(home / "projects"), str(temp)]
    assert writable_folders(home / "cat.py", temp, [settings]) == [str(temp)]      # ~/cat.py: not ~ itself
    assert writable_folders(settings / "cat.py", None, [settings]) == []


def test_the_line_the_child_reads_says_how_safe_the_box_is():
    full = ["landlock-files", "landlock-programs", "network-namespace", "rlimit-memory"]
    assert walls_key(full) == "runner.walls.full"
    assert walls_key(["landlock-files", "landlock-programs"]) == "runner.walls.part"      # the network is open
    assert walls_key(["landlock-files", "landlock-programs"], allow_network=True) == "runner.walls.full"
    assert walls_key(["rlimit-memory", "rlimit-processes"]) == "runner.walls.none"


def test_layers_to_leave_off_are_read_from_a_list():
    assert confine.parse_off("landlock, Namespaces,unknown") == ["namespaces", "landlock"]
    assert confine.parse_off("all") == list(confine.SWITCHABLE) and confine.parse_off("") == []


def test_a_memory_limit_out_of_range_is_brought_into_range():
    assert sane_memory_mb(2 ** 43) == 2048 and sane_memory_mb(1) == 64 and sane_memory_mb("x") == 512


@pytest.mark.parametrize("off", list(KERNEL_LAYERS) + ["all"])
def test_with_a_layer_switched_off_games_still_run_and_say_which_walls_are_up(tmp_path, off):
    program = tmp_path / "tiny.py"
    program.write_text(TINY_GAME)
    with GameProcess(program, frames=5, interactive=False, layers_off=[off], memory_mb=2 ** 43) as game:
        game.start()
        game.wait_ended(30)
        assert game.status() == "ok", (game.error, "".join(game.console))
        contained = game.contained
    names = list(KERNEL_LAYERS.values()) if off == "all" else [KERNEL_LAYERS[off]]
    assert not [layer for layer in contained for name in names if name in layer], contained
    assert "rlimit-memory" in contained


def test_every_layer_this_kernel_offers_is_up_and_reported(tmp_path):
    program = tmp_path / "tiny.py"
    program.write_text(TINY_GAME)
    result = run_program(program, frames=5, seconds=30)
    assert result.exit == "ok" and result.as_contract()["contained"] == result.contained
    if landlock.abi_version() >= 1:
        assert {"landlock-files", "landlock-programs"} <= set(result.contained)
    if landlock.abi_version() >= 4:
        assert "landlock-tcp" in result.contained
    assert set(result.contained) <= set(confine.LAYERS)


def test_system_fonts_work_behind_the_walls(tmp_path):
    import shutil

    if shutil.which("fc-list") is None:
        pytest.skip("no fc-list here: pygame has no system fonts to find")
    program = tmp_path / "fonts.py"
    program.write_text("import pygame\npygame.init()\nprint('found', pygame.font.match_font('sans'))\n"
                       "text = pygame.font.SysFont('sans', 20).render('hi', True, (255, 255, 255))\n"
                       "print('width', text.get_width())\n")
    result = run_program(program, seconds=30)
    console = "".join(result.console)
    assert result.exit == "ok", (result.error, console)
    assert "found None" not in console and "found /" in console, console


def test_the_socket_module_and_the_one_below_it_say_kindly_there_is_no_network(tmp_path):
    for line in ("import socket\nsocket.socket()\n", "import _socket\n_socket.socket()\n"):
        program = tmp_path / "net.py"
        program.write_text(line)
        result = run_program(program, seconds=30)
        assert result.error["type"] == "NotAllowedInGames", result.error
        assert result.error["message"] == "Games in KidCoder can't use the network."


def test_a_stopped_outside_process_is_noticed_and_the_game_ended(tmp_path):
    program = tmp_path / "stopper.py"
    program.write_text("import os, signal, time\ntime.sleep(0.3)\nos.kill(os.getppid(), signal.SIGSTOP)\n"
                       "time.sleep(60)\n")
    with GameProcess(program, interactive=False, layers_off=["namespaces", "landlock"]) as game:
        game.start()
        started = time.monotonic()
        game.wait_ended(30)
        assert game.status() == "killed" and time.monotonic() - started < 30


def test_a_mouse_in_a_scaled_down_frame_lands_where_the_game_drew():
    click = protocol.MouseButton(action="down", pos=[100, 50], button=1)
    assert scale_input(click, (2.0, 2.0)).pos == [200, 100]
    assert scale_input(click, (1.0, 1.0)) is click
    key = protocol.KeyEvent(action="down", key=32)
    assert scale_input(key, (2.0, 2.0)) is key


def test_a_flood_of_messages_is_handed_on_a_bounded_number_at_a_time():
    message_read, message_write = os.pipe()
    output_read, output_write = os.pipe()
    pipes = GamePipes(message_read, output_read)
    line = protocol.encode(protocol.WaitingForEvents(frame=1))
    os.write(message_write, line * 2000)
    assert wait_until(lambda: pipes._queue.qsize() >= MAX_PER_POLL)
    assert len(pipes.drain()) == MAX_PER_POLL
    os.close(message_write)
    os.close(output_write)
    total = MAX_PER_POLL
    while not pipes.finished:
        total += len(pipes.drain())
        time.sleep(0.001)
    assert total == 2000
    pipes.close()


def test_the_outside_process_mirrors_how_the_game_died(tmp_path):
    program = tmp_path / "die.py"
    program.write_text("import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\n")
    with GameProcess(program, interactive=False, layers_off=["namespaces"]) as game:
        game.start()
        game.wait_ended(30)
        assert game.process.returncode == -signal.SIGTERM and game.status() == "killed"


def test_a_game_has_a_private_temporary_folder_that_goes_away_with_it(tmp_path):
    program = tmp_path / "temp.py"
    program.write_text("import tempfile, os\nwith tempfile.NamedTemporaryFile(delete=False) as f:\n"
                       "    f.write(b'scratch')\nprint('TEMP', os.path.dirname(f.name))\n")
    result = run_program(program, seconds=30)
    assert result.exit == "ok", result.error
    folder = "".join(result.console).split("TEMP ", 1)[1].split()[0]
    assert "kidcoder-game-" in folder and not os.path.exists(folder)


def test_temporary_folders_of_a_killed_app_are_removed(tmp_path):
    from kidcoder.runner.containment import remove_stale_temp

    (tmp_path / "kidcoder-game-999999999-abc").mkdir()
    (tmp_path / f"kidcoder-game-{os.getpid()}-def").mkdir()
    assert remove_stale_temp(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"kidcoder-game-{os.getpid()}-def"]
