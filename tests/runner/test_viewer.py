"""`kidcoder run FILE`'s plain window (runner/viewer.py): it shows the game's frames and ends with the game."""
import pygame

from kidcoder.runner import frames
from kidcoder.runner.viewer import run_in_window

GAME = """import pygame
pygame.init()
screen = pygame.display.set_mode((120, 80))
clock = pygame.time.Clock()
while True:
    pygame.event.get()
    screen.fill((0, 200, 0))
    pygame.display.flip()
    clock.tick(60)
"""


def test_the_viewer_shows_the_games_frames_woken_by_its_doorbell(tmp_path, monkeypatch):
    program = tmp_path / "green.py"
    program.write_text(GAME, encoding="utf-8")
    rung = []
    real_rang = frames.rang
    monkeypatch.setattr("kidcoder.runner.viewer.rang", lambda fd, timeout: rung.append(real_rang(fd, timeout)) or rung[-1])
    seen = []
    real_flip = pygame.display.flip
    monkeypatch.setattr(pygame.display, "flip",
                        lambda: (seen.append(tuple(pygame.display.get_surface().get_at((60, 40)))[:3]), real_flip()))
    result = run_in_window(program, frames=40, screenshot=str(tmp_path / "last.png"), stdin_lines=[])
    assert result["exit"] == "ok" and result["frames"] >= 40
    assert seen and set(seen) == {(0, 200, 0)}           # every frame shown is the game's own picture
    assert any(rung)                                      # the loop slept on the doorbell and woke when it rang
    assert (tmp_path / "last.png").is_file()
