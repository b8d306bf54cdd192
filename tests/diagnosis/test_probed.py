"""The hint plays the game (real probe runs in real child processes): what only shows when the game
runs becomes a finding at a line, with numbered steps or a fix checked by playing the fixed copy."""
import re

import pytest

from kidcoder.helper.hints import hint_for_program

HEAD = "import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 150))\n"

STUCK = HEAD + "while True:\n    pass\n"

WHILE_KEY = HEAD + """clock = pygame.time.Clock()
x = 10
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        while event.type == pygame.KEYDOWN:
            x += 1
    screen.fill((0, 0, 0))
    pygame.draw.circle(screen, (255, 255, 0), (x, 70), 10)
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
"""

NEVER_CALLED = """import pygame

def main():
    pygame.init()
    screen = pygame.display.set_mode((200, 150))
    clock = pygame.time.Clock()
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
        screen.fill((0, 0, 80))
        pygame.display.flip()
        clock.tick(30)
    pygame.quit()
"""

NO_LOOP = HEAD + "screen.fill((0, 0, 80))\npygame.draw.circle(screen, (255, 0, 0), (100, 75), 20)\npygame.display.flip()\n"

# Draws only when the child clicks: no clock.tick, and that is fine (event.wait sleeps).
CLICKS = HEAD + """done = False
while not done:
    event = pygame.event.poll()
    if event.type == pygame.QUIT:
        done = True
    elif event.type == pygame.MOUSEBUTTONDOWN:
        pygame.draw.circle(screen, (255, 0, 0), event.pos, 5)
        pygame.display.flip()
pygame.quit()
"""

# Redraws the same picture every frame without a clock: not animating, so only a tip.
SAME_PICTURE = HEAD + """done = False
while not done:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            done = True
    screen.fill((255, 255, 255))
    pygame.draw.rect(screen, (0, 0, 255), (20, 20, 50, 50))
    pygame.display.flip()
pygame.quit()
"""


def test_stuck_game_gets_a_line_and_numbered_steps():
    result = hint_for_program(STUCK, None, level=3)
    assert result["ok"] is False
    assert result["problem"]["line"] == 4
    steps = result["hint"]
    assert re.search(r"1\..*line 4.*2\.", steps), steps
    assert not steps.rstrip().endswith("fix it:")


def test_while_for_if_freezes_on_a_key_and_the_checked_fix_plays_well():
    result = hint_for_program(WHILE_KEY, None, level=2)
    assert result["ok"] is False and result["problem"]["line"] == 11
    assert "while" in result["problem"]["message"] and "if" in result["problem"]["message"]
    assert result["fix"] == {"start_line": 11, "end_line": 11, "replacement": "        if event.type == pygame.KEYDOWN:"}


def test_game_loop_in_a_function_nobody_calls():
    result = hint_for_program(NEVER_CALLED, None, level=1)
    assert result["ok"] is False and result["problem"]["line"] == 3
    assert "main()" in result["problem"]["message"]
    assert result["fix"] is not None and result["fix"]["replacement"].endswith("main()")


def test_program_without_a_game_loop_closes_at_once_and_gets_a_played_loop():
    result = hint_for_program(NO_LOOP, None, level=2)
    assert result["ok"] is False and result["problem"]["line"] == 6
    assert "loop" in result["hint"]
    assert result["fix"]["start_line"] == 6 and "while running:" in result["fix"]["replacement"]


def test_a_start_screen_that_ignores_the_close_button_gets_a_quit_check():
    source = HEAD + """def wait_for_key():
    while True:
        for event in pygame.event.get():
            if event.type == pygame.KEYDOWN:
                return
        pygame.display.flip()

wait_for_key()
pygame.quit()
"""
    result = hint_for_program(source, None, level=3)
    assert result["ok"] is False and result["problem"]["line"] in (5, 6)
    assert result["fix"]["start_line"] == 6 and "event.type == pygame.QUIT:" in result["fix"]["replacement"]


@pytest.mark.parametrize("source", [CLICKS, SAME_PICTURE])
def test_no_clock_is_only_a_tip_for_a_game_that_does_not_animate(source):
    result = hint_for_program(source, None, level=1)
    assert result["ok"] is True, result
    if source is SAME_PICTURE:
        assert "clock" in (result["tip"] or "").lower()


def test_no_clock_is_a_problem_for_a_game_that_animates():
    moving = SAME_PICTURE.replace("(20, 20, 50, 50)", "(x, 20, 50, 50)").replace(
        "done = False\n", "done = False\nx = 0\n").replace("    pygame.display.flip()\n",
                                                          "    pygame.display.flip()\n    x = (x + 1) % 150\n")
    result = hint_for_program(moving, None, level=1)
    assert result["ok"] is False and "round" in result["problem"]["message"]


def test_a_pygame_py_beside_the_game_is_told_first(tmp_path):
    (tmp_path / "pygame.py").write_text("print('my own pygame')\n", encoding="utf-8")
    game = tmp_path / "game.py"
    game.write_text(SAME_PICTURE, encoding="utf-8")
    result = hint_for_program(SAME_PICTURE, str(game), level=2)
    assert result["ok"] is False and result["problem"]["line"] == 1
    assert "pygame.py" in result["hint"]


def test_input_text_compared_with_a_number_gets_int_around_input():
    source = 'guess = input("Pick a number: ")\nif guess == 3:\n    print("Yes!")\nelse:\n    print("No")\n'
    result = hint_for_program(source, None, level=3)
    assert result["ok"] is False and result["problem"]["line"] == 2
    assert result["fix"] == {"start_line": 1, "end_line": 1, "replacement": 'guess = int(input("Pick a number: "))'}
    assert hint_for_program(source.replace("guess == 3", "guess == '3'"), None)["ok"] is True


def test_init_spelled_wrong_is_the_cause_of_the_crash():
    source = ("class Player:\n    def _init_(self):\n        self.x = 5\n\n"
              "player = Player()\nprint(player.x)\n")
    result = hint_for_program(source, None, level=3)
    assert result["ok"] is False and result["problem"]["line"] == 2
    assert "__init__" in result["problem"]["message"]
    assert result["fix"] == {"start_line": 2, "end_line": 2, "replacement": "    def __init__(self):"}


def test_event_key_read_for_every_event_crashes_on_the_mouse():
    source = HEAD + """running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.key == pygame.K_SPACE:
            print("jump")
    screen.fill((0, 0, 0))
    pygame.display.flip()
pygame.quit()
"""
    result = hint_for_program(source, None, level=2)
    assert result["ok"] is False and result["problem"]["line"] == 9
    assert "KEYDOWN" in result["hint"]


def test_fill_after_the_drawing_is_moved_before_it():
    source = HEAD + """clock = pygame.time.Clock()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    pygame.draw.circle(screen, (255, 0, 0), (100, 75), 20)
    screen.fill((0, 0, 0))
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
"""
    result = hint_for_program(source, None, level=3)
    assert result["ok"] is False and result["problem"]["line"] == 11
    assert result["fix"] == {"start_line": 10, "end_line": 11, "replacement":
                             "    screen.fill((0, 0, 0))\n    pygame.draw.circle(screen, (255, 0, 0), (100, 75), 20)"}


def test_drawing_only_before_the_loop_is_wiped_by_the_fill():
    source = HEAD + """pygame.draw.circle(screen, (255, 0, 0), (100, 75), 20)
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
    pygame.display.flip()
pygame.quit()
"""
    result = hint_for_program(source, None, level=2)
    assert result["ok"] is False and result["problem"]["line"] == 4
    assert "line 10" in result["hint"]
