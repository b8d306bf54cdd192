"""A program behaves in KidCoder as it does in plain Python: files, exit, input, fonts, keys, errors.

Each case here was a real problem found in review, reproduced first, then fixed.
"""
import pygame

from kidcoder.runner import protocol
from kidcoder.runner.headless import run_program
from kidcoder.runner.host import GameProcess, NoFrame

from tests.runner.helpers import wait_until


def _write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_files_threads_and_atexit_finish_like_plain_python(tmp_path):
    program = _write(tmp_path, "game.py",
                     "import atexit, threading, time\n"
                     "f = open('scores.txt', 'w')\nf.write('high score: 42')\n"
                     "atexit.register(lambda: print('atexit ran'))\n"
                     "threading.Thread(target=lambda: (time.sleep(0.2), print('thread finished'))).start()\n"
                     "print('main done')\n")
    result = run_program(program, seconds=20)
    assert result.exit == "ok"
    console = "".join(result.console)
    assert "main done" in console and "thread finished" in console and "atexit ran" in console
    assert (tmp_path / "scores.txt").read_text() == "high score: 42"


def test_a_program_named_like_a_library_module_still_runs(tmp_path):
    program = _write(tmp_path, "secrets.py",
                     "import pygame\npygame.init()\nscreen = pygame.display.set_mode((30, 30))\n"
                     "for i in range(3):\n    pygame.display.flip()\nprint('found all the treasure')\n")
    _write(tmp_path, "base64.py", "print('base64 beside the game was imported')\n")
    result = run_program(program, frames=50, seconds=20)
    assert result.exit == "ok", result.error
    console = "".join(result.console)
    assert "found all the treasure" in console and "base64 beside" not in console


def test_input_at_end_of_input_is_an_eof_error_programs_can_catch(tmp_path):
    program = _write(tmp_path, "names.py",
                     "names = []\nwhile True:\n    try:\n        names.append(input())\n"
                     "    except EOFError:\n        break\nprint('got', names)\n")
    result = run_program(program, seconds=20, stdin_lines=["Ann", "Bob"])
    assert result.exit == "ok", result.error
    assert "got ['Ann', 'Bob']" in "".join(result.console)


def test_stdin_read_reads_everything(tmp_path):
    program = _write(tmp_path, "total.py", "import sys\nprint('sum', sum(int(x) for x in sys.stdin.read().split()))\n"
                                           "sys.stdout.buffer.write('ñ ok\\n'.encode())\n")
    result = run_program(program, seconds=20, stdin_lines=["3", "4", "5"])
    assert result.exit == "ok", result.error
    assert "sum 12" in "".join(result.console) and "ñ ok" in "".join(result.console)


def test_typed_input_shows_once_in_the_console(tmp_path):
    program = _write(tmp_path, "hello.py", "name = input('Your name? ')\nprint('Hello', name)\n")
    with GameProcess(program, interactive=True) as game:
        game.start()
        assert wait_until(lambda: game.poll() is not None and game.waiting_for_input)
        game.send_input("Zoë")
        game.wait_ended(20)
        text = "".join(game.console)
    assert text.count("Zoë") == 2 and "Your name? Zoë\n" in text and "Hello Zoë" in text


def test_watchdog_stays_quiet_for_plain_programs_and_turn_based_games(tmp_path):
    plain = _write(tmp_path, "countdown.py", "import time\nfor i in range(3):\n    time.sleep(0.4)\n")
    turns = _write(tmp_path, "turns.py",
                   "import pygame\npygame.init()\nscreen = pygame.display.set_mode((40, 40))\n"
                   "while True:\n    screen.fill((1, 2, 3))\n    pygame.display.flip()\n"
                   "    event = pygame.event.wait()\n    if event.type == pygame.QUIT:\n        break\n")
    for program in (plain, turns):
        # a watchdog of 1 s leaves the game's "waiting for events" message time to arrive on a busy machine
        with GameProcess(program, interactive=False, no_frame_seconds=1.0) as game:
            game.start()
            seen = game.wait_ended(3.0)
            assert not any(isinstance(m, NoFrame) for m in seen), program.name


def test_watchdog_still_works_after_an_answered_input(tmp_path):
    program = _write(tmp_path, "noflip.py",
                     "level = input('level? ')\nimport pygame\npygame.init()\n"
                     "screen = pygame.display.set_mode((40, 40))\nwhile True:\n    screen.fill((0, 0, 0))\n")
    with GameProcess(program, interactive=False, stdin_lines=["3"], no_frame_seconds=0.5) as game:
        game.start()
        seen = []
        assert wait_until(lambda: seen.extend(game.poll()) or any(isinstance(m, NoFrame) for m in seen))


def test_pygame_imported_by_a_package_of_the_program_is_hooked(tmp_path):
    _write(tmp_path, "engine/__init__.py",
           "import pygame\n\ndef run():\n    pygame.init()\n    screen = pygame.display.set_mode((30, 20))\n"
           "    font = pygame.font.SysFont('arial', 12)\n    while True:\n        pygame.event.get()\n"
           "        screen.fill((9, 9, 9))\n        pygame.display.flip()\n")
    program = _write(tmp_path, "main.py", "from engine import run\nrun()\n")
    result = run_program(program, frames=15, seconds=20)
    assert result.exit == "ok", result.error
    assert result.frames == 15 and result.size == (30, 20)


def test_just_pressed_keys_and_buttons_see_the_apps_input(tmp_path):
    program = _write(tmp_path, "just.py",
                     "import pygame\npygame.init()\nscreen = pygame.display.set_mode((20, 20))\n"
                     "clock = pygame.time.Clock()\nwhile True:\n    pygame.event.get()\n"
                     "    if pygame.key.get_just_pressed()[pygame.K_a]:\n        print('just pressed a')\n"
                     "    if pygame.mouse.get_just_pressed()[0]:\n        print('just clicked')\n"
                     "    if any(pygame.key.get_pressed()):\n        print('something held')\n"
                     "    pygame.display.flip()\n    clock.tick(60)\n")
    with GameProcess(program, interactive=False) as game:
        game.start()
        assert wait_until(lambda: game.poll() is not None and game.latest_number() >= 2)
        game.send_event(protocol.KeyEvent(action="down", key=pygame.K_a, unicode="a"))
        game.send_event(protocol.MouseButton(action="down", pos=[3, 3], button=1))
        assert wait_until(lambda: game.poll() is not None and "just clicked" in "".join(game.console))
        text = "".join(game.console)
    assert text.count("just pressed a") == 1 and text.count("just clicked") == 1
    assert "something held" in text


def test_pygame_mistakes_get_pygames_own_messages(tmp_path):
    for line, expected in (("pygame.display.set_caption()", "argument"),
                           ("pygame.display.flip(1)", "argument"),
                           ("pygame.display.set_mode('big')", "")):
        program = _write(tmp_path, "oops.py", f"import pygame\npygame.init()\n{line}\n")
        result = run_program(program, seconds=20)
        assert result.exit == "error" and result.error["line"] == 3, (line, result.error)
        assert "GameHooks" not in result.error["message"] and "locals" not in result.error["message"]
        assert expected in result.error["message"]


def test_huge_error_messages_are_cut_not_lost(tmp_path):
    program = _write(tmp_path, "big.py", "data = {i: 'x' * 100 for i in range(20000)}\nraise ValueError(data)\n")
    result = run_program(program, seconds=20)
    assert result.exit == "error"
    assert result.error is not None and result.error["type"] == "ValueError" and result.error["line"] == 2
    assert len(result.error["message"]) < 10000


def test_letters_are_not_broken_between_reads(tmp_path):
    program = _write(tmp_path, "spanish.py", "print('a' + 'ñ' * 100000)\n")
    result = run_program(program, seconds=20)
    assert "\ufffd" not in "".join(result.console)


def test_set_mode_in_the_loop_changes_the_frame_size_in_one_buffer(tmp_path):
    program = _write(tmp_path, "resize.py",
                     "import pygame\npygame.init()\nsize = 40\nwhile True:\n"
                     "    screen = pygame.display.set_mode((size, size))\n    size = 40 + (size + 1) % 30\n"
                     "    pygame.event.get()\n    pygame.display.flip()\n")
    sizes = set()
    with GameProcess(program, interactive=False) as game:
        game.start()
        assert wait_until(lambda: sizes.add(getattr(game.latest_frame(), "width", 0)) or len(sizes) >= 4)
    assert game.latest_frame() is None           # closed: the buffer is gone with the game


def test_pause_is_reported_once(tmp_path):
    program = _write(tmp_path, "spin.py", "import pygame\npygame.init()\ns = pygame.display.set_mode((9, 9))\n"
                                          "while True:\n    pygame.event.get()\n    pygame.display.flip()\n")
    with GameProcess(program, interactive=False) as game:
        game.start()
        assert wait_until(lambda: game.poll() is not None and game.latest_number() >= 2)
        game.pause()
        seen = []
        assert wait_until(lambda: seen.extend(game.poll()) or any(isinstance(m, protocol.Paused) for m in seen))
        seen.extend(game.wait_ended(0.3))
        assert sum(isinstance(m, protocol.Paused) for m in seen) == 1
