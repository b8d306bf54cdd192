"""KidCoder's own `pippy` module (assets/gamelib/pippy), tested in real game processes."""
import textwrap
import wave

import pygame

from kidcoder.runner import protocol
from kidcoder.runner.headless import run_program
from kidcoder.runner.host import GameProcess
from tests.runner.helpers import wait_until


def program(tmp_path, source, name="game.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def test_a_program_that_drew_once_still_shows_frames(tmp_path):
    # Pippy's tree draws once, then only waits in next_frame(): the preview still gets frames.
    result = run_program(program(tmp_path, """
        import pippy, pygame
        screen = pygame.display.set_mode((200, 100))
        screen.fill((0, 90, 0))
        pygame.display.flip()
        while pippy.pygame.next_frame(max_fps=200):
            pygame.event.get()
    """), frames=12, seconds=30)
    assert result.exit == "ok", result.error
    assert result.frames == 12


def test_a_program_that_flips_itself_is_not_shown_twice_a_frame(tmp_path):
    result = run_program(program(tmp_path, """
        import sys, pippy, pygame
        screen = pygame.display.set_mode((200, 100))
        for n in range(20):
            pippy.pygame.next_frame(max_fps=500)
            screen.fill((n * 10, 0, 0))
            pygame.display.flip()
        sys.exit()
    """), frames=None, seconds=30)
    assert result.exit == "ok", result.error
    assert result.frames == 20


def test_idle_pause_waits_for_a_key_that_the_game_then_gets(tmp_path):
    path = program(tmp_path, """
        import sys, pippy, pygame
        pygame.init()
        screen = pygame.display.set_mode((300, 200))
        while pippy.pygame.next_frame(max_fps=50, idle_timeout=0.3):
            for event in pygame.event.get():
                if event.type == pygame.KEYDOWN:
                    sys.exit()
            screen.fill((200, 0, 0))
            pygame.display.flip()
    """)
    with GameProcess(path, interactive=False) as game:
        game.start()

        def paused():
            game.poll()
            frame = game.latest_frame()
            return frame is not None and frame.to_surface().get_at((150, 100))[:3] == (255, 255, 255)

        assert wait_until(paused, 30), "no PAUSED box in the middle of the picture"
        corner = game.latest_frame().to_surface().get_at((5, 5))[:3]
        assert corner[0] < 200                                # the picture around it is dimmed
        game.send_event(protocol.KeyEvent(action="down", key=pygame.K_SPACE, unicode=" "))
        game.wait_ended(20)
        assert game.status() == "ok"                          # the key reached the game: it quit


def test_console_helpers_write_plain_text_in_kidcoders_console(tmp_path):
    result = run_program(program(tmp_path, """
        import pippy
        from pippy.console import *
        red()
        print("hot")
        pippy.console.clear()
        print("size", size(), getpos())
        reset()
        pippy.wait(0.01)
    """), frames=None, seconds=30)
    text = "".join(result.console)
    assert result.exit == "ok", result.error
    assert "\x1b" not in text
    assert "hot\n" + "\n" * 30 + "size (60, 20) (1, 1)" in text


def test_notes_are_mixed_into_a_wav_file(tmp_path):
    result = run_program(program(tmp_path, """
        import pippy
        s = pippy.sound
        s.playSine(440, 8000, 0.25)
        s.playPluck(220, 6000, 0.25, 0.25)
        s.playFrequencyModulation(300, 5000, 0.2, 0.5)
        shape = s.defAdsr(attack=0.1, decay=0.1, sustain=0.5, release=0.2)
        wave_number = s.defComplexWave([1, 0.5, 0.25])
        s.playComplex(330, 5000, 0.2, 0.7, amplitude_envelope=shape, wave=wave_number)
        s.playSquare(500, 4000, 0.1, 0.9, pitch_envelope=s.defLineSegments([1, 1, 2]))
        print(s.audioOut(file="tune"))
    """), frames=None, seconds=60)
    assert result.exit == "ok", result.error
    with wave.open(str(tmp_path / "tune.wav")) as tune:
        assert (tune.getnchannels(), tune.getsampwidth(), tune.getframerate()) == (1, 2, 16000)
        assert abs(tune.getnframes() - 16000) < 50             # the last note ends at 1.0 s
        samples = memoryview(tune.readframes(tune.getnframes())).cast("h")
    loudest = max(abs(v) for v in samples)
    assert 4000 < loudest <= 32767
    assert any(abs(v) > 1000 for v in samples[8000:11000])      # the FM note plays at 0.5-0.7 s


def test_physics_says_kidcoder_has_no_physics_engine(tmp_path):
    result = run_program(program(tmp_path, """
        import pippy
        from pippy import physics
    """), frames=None, seconds=30)
    assert result.error["type"] == "ImportError"
    assert result.error["line"] == 3
    assert "physics engine" in result.error["message"]


def test_the_games_own_pippy_wins(tmp_path):
    program(tmp_path, "WHO = 'mine'\n", name="pippy.py")
    result = run_program(program(tmp_path, "import pippy\nprint(pippy.WHO)\n"), frames=None, seconds=30)
    assert "".join(result.console).strip() == "mine"


FULL_SCREEN = """
    import pygame
    screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    for n in range(3):
        pygame.display.flip()
"""


def test_a_full_screen_game_fills_the_screen_size_the_host_gives(tmp_path):
    path = program(tmp_path, FULL_SCREEN)
    assert run_program(path, frames=None, seconds=30).size == (640, 480)
    with GameProcess(path, interactive=False, screen_size=(500, 300)) as game:
        game.start()
        game.wait_ended(30)
        assert game.size == (500, 300)
        assert game.status() == "ok"
