"""A game loop placed between the function that starts pygame and that function's call: it runs
first and crashes; the checked fix indents it into the function (real probe runs)."""
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.game_over import game_over_exits
from kidcoder.diagnosis.structure_order import loop_before_its_function
from kidcoder.diagnosis.structure_window import set_mode_in_loop
from kidcoder.helper.hints import hint_for_program
from tests.diagnosis.test_real_fixes import fixed

SETUP = "import pygame\ndef run_game():\n    pygame.init()\n    screen = pygame.display.set_mode((200, 150))\n"
LOOP = ("while True:\n    for event in pygame.event.get():\n        if event.type == pygame.QUIT:\n"
        "            raise SystemExit\n\n    pygame.display.flip()\n")


def test_a_loop_before_the_call_of_its_setup_function_is_indented_into_it():
    source = SETUP + LOOP + "run_game()\n"
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 5 and "run_game()" in result["problem"]["message"]
    assert fixed(source, result) == SETUP + "".join(
        "    " + line if line.strip() else line for line in LOOP.splitlines(True)) + "run_game()\n"


def test_a_loop_after_the_call_or_after_a_window_made_outside_is_left_alone():
    assert loop_before_its_function(Program(SETUP + "run_game()\n" + LOOP)) == []
    outside = "import pygame\nscreen = pygame.display.set_mode((9, 9))\n" + SETUP.split("\n", 1)[1]
    assert loop_before_its_function(Program(outside + LOOP + "run_game()\n")) == []
    assert loop_before_its_function(Program(SETUP + "while True:\n    print(1)\nrun_game()\n")) == []


def test_a_picture_blitted_once_before_a_loop_that_fills_every_frame_moves_after_the_fill():
    source = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 150))\n"
              "dot = pygame.Surface((20, 20))\ndot.fill((0, 0, 255))\nscreen.blit(dot, (50, 50))  # once\n"
              "running = True\nwhile running:\n    for event in pygame.event.get():\n"
              "        if event.type == pygame.QUIT:\n            running = False\n"
              "    screen.fill((250, 0, 0))\n    pygame.draw.circle(screen, (255, 255, 0), (0, 25), 5)\n"
              "    pygame.display.flip()\npygame.quit()\n")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 6
    assert ("    screen.fill((250, 0, 0))\n    screen.blit(dot, (50, 50))  # once\n"
            "    pygame.draw.circle(") in fixed(source, result)
    drawn = source.replace("    pygame.draw.circle(", "    screen.blit(dot, (9, 9))\n    pygame.draw.circle(")
    assert hint_for_program(drawn, level=2)["problem"] is None


GAME_OVER = """import pygame
pygame.init()
screen = pygame.display.set_mode((200, 150))
font = pygame.font.Font(None, 30)
clock = pygame.time.Clock()
ball = pygame.Rect(0, 50, 10, 10)
running = True
finish = False
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    if not finish:
        screen.fill((0, 0, 0))
        ball.x += 5
        pygame.draw.rect(screen, (255, 255, 255), ball)
        if ball.x > 150:
            finish = True
            screen.blit(font.render('YOU LOSE', True, (255, 0, 0)), (40, 60))
            running = False
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
"""


def test_a_game_over_branch_that_also_stops_the_loop_keeps_its_screen_instead():
    result = hint_for_program(GAME_OVER, level=3)
    assert result["problem"]["line"] == 20 and "game is over" in result["problem"]["message"]
    new = fixed(GAME_OVER, result)
    assert new == GAME_OVER.replace("            running = False\n    pygame.display.flip()",
                                    "\n    pygame.display.flip()")
    waits = GAME_OVER.replace("            running = False\n    pygame",
                              "            pygame.display.flip()\n            pygame.time.wait(900)\n"
                              "            running = False\n    pygame")
    assert game_over_exits(Program(waits)) == []


def test_set_mode_inside_the_loop_moves_above_it():
    source = ("import pygame\npygame.init()\nrunning = True\nwhile running:\n"
              "    screen = pygame.display.set_mode((200, 150))\n    for event in pygame.event.get():\n"
              "        if event.type == pygame.QUIT:\n            running = False\n"
              "    screen.fill((0, 0, 90))\n    pygame.display.flip()\npygame.quit()\n")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 5
    assert "running = True\nscreen = pygame.display.set_mode((200, 150))\nwhile running:\n    for event" \
        in fixed(source, result)
    resized = source.replace("    screen = pygame", "    if not running:\n        screen = pygame")
    assert set_mode_in_loop(Program(resized)) == []
