"""The helper plays a copy of the program with the files it needs: modules its modules import too,
and a program that imports pygame in any spelling is played (its tip or problem depends on it)."""
from kidcoder.diagnosis.checkrun import named_neighbours
from kidcoder.helper.hints import hint_for_program

MAIN = """import pygame
from player import Player
pygame.init()
screen = pygame.display.set_mode((200, 150))
clock = pygame.time.Clock()
hero = Player()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    hero.shoot()
    screen.fill((0, 0, 0))
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
"""
PLAYER = "from bullet import Bullet\n\nclass Player:\n    def shoot(self):\n        return Bullet()\n"
BULLET = "class Bullet:\n    speed = 5\n"

ANIMATES_NO_CLOCK = """import sys, pygame
pygame.init()
screen = pygame.display.set_mode((200, 150))
x = 0
while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
    x = (x + 1) % 200
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, (255, 200, 0), (x, 75), 10)
    pygame.display.flip()
"""


def test_modules_imported_by_imported_modules_come_along(tmp_path):
    for name, text in (("main.py", MAIN), ("player.py", PLAYER), ("bullet.py", BULLET), ("notes.txt", "x")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    names = {path.name for path in named_neighbours(tmp_path, "main.py", MAIN)}
    assert names == {"player.py", "bullet.py"}
    result = hint_for_program(MAIN, str(tmp_path / "main.py"))
    assert result["ok"] is True, result


def test_import_sys_comma_pygame_is_played_and_its_missing_clock_is_a_problem(tmp_path):
    game = tmp_path / "bouncy.py"
    game.write_text(ANIMATES_NO_CLOCK, encoding="utf-8")
    result = hint_for_program(ANIMATES_NO_CLOCK, str(game))
    assert result["ok"] is False and result["tip"] is None
    assert result["problem"]["line"] == 5
    assert "clock" in result["hint"].lower() or "fast" in result["hint"].lower()
