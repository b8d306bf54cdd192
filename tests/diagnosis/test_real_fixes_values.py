"""Checked fixes for crashes met in real programs: a picture that is not there gets a stand-in
square, a name that is only ever changed gets a first value, a print() check run too early goes
(real probe runs in real child processes; the fix is offered only after the fixed copy played well)."""
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import apply_fix, candidate_fixes
from kidcoder.diagnosis.fixes_calls import call_of_nothing, extra_arguments
from kidcoder.diagnosis.fixes_drawargs import random_shapes
from kidcoder.diagnosis.fixes_firstvalue import define_earlier, first_value
from kidcoder.diagnosis.fixes_pictures import placeholder_fixes
from kidcoder.helper.hints import hint_for_program
from tests.diagnosis.test_real_fixes import LOOP, fixed


def test_a_picture_that_is_not_there_becomes_a_bright_square_and_the_game_runs():
    source = LOOP.replace("{body}", "    screen.blit(ship, (20, 20))").replace(
        "clock = ", "ship = pygame.image.load('rocket_ship.png').convert_alpha()\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 4
    new = fixed(source, result)
    assert "ship = pygame.Surface((50, 50)).convert_alpha()\nship.fill((255, 0, 255))\n" in new
    assert "image.load" not in new


def test_a_scaled_picture_keeps_its_size_and_star_imports_keep_their_names():
    source = ("from pygame import *\nclass Ship:\n    def __init__(self, name, w, h):\n"
              "        self.image = transform.scale(image.load(name), (w, h))  # é\n")
    (fix,) = placeholder_fixes(Program(source), 4)
    assert fix.replacement == ("        self.image = transform.scale(Surface((w, h)), (w, h))  # é\n"
                               "        self.image.fill((255, 0, 255))")
    assert placeholder_fixes(Program("import pygame as pg\nx = pg.mixer.Sound('a.wav')\n"), 2) == []


def test_an_empty_picture_name_gets_a_stand_in_too():
    finding = Finding("runtime", 3, None, "diag.file_not_found", {"file": "?"})
    source = "import pygame\nscreen = pygame.display.set_mode((99, 99))\nicon = pygame.image.load('')\n"
    fixes = candidate_fixes(Program(source), finding)
    assert "icon = pygame.Surface((50, 50))\nicon.fill((255, 0, 255))\n" in apply_fix(source, fixes[-1])


def test_a_speed_that_is_only_turned_round_gets_a_first_value_before_the_loop():
    source = LOOP.replace("{body}", "    ball.x += speed\n    if ball.x > 150:\n        speed *= -1\n"
                                    "    pygame.draw.rect(screen, (255, 0, 0), ball)").replace(
        "clock = ", "ball = pygame.Rect(10, 10, 5, 5)\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 12
    assert "speed = 3\nwhile running:\n" in fixed(source, result)


def test_a_name_that_is_set_somewhere_gets_no_first_value():
    source = "score += 1\nscore = 0\n"
    assert first_value(Program(source), 1, "score") == []
    assert first_value(Program("def f():\n    total += 1\nprint(total)\n"), 3, "total") == []
    (fix,) = first_value(Program("while True:\n    score += 1\n"), 2, "score")
    assert fix.replacement == "score = 0\nwhile True:"


def test_a_print_check_run_before_the_name_is_made_goes():
    source = LOOP.replace("{body}", "    for star in stars:\n        pygame.draw.circle(screen, (250, 250, 0), star, 2)").replace(
        "clock = ", "print(type(stars))\nstars = list(zip(range(9, 99, 9), range(5, 55, 5)))\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 4
    new = fixed(source, result)
    assert "print(" not in new and "stars = list(zip(" in new


def test_key_names_in_the_wrong_case_are_all_mended_at_once():
    source = LOOP.replace("{body}", "    keys = pygame.key.get_pressed()\n    if keys[pygame.K_a] or keys[K_up]:\n"
                                    "        pass\n    if keys[K_Left]:\n        pass").replace(
        "import pygame\n", "import pygame\nfrom pygame.locals import *\n")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 13
    new = fixed(source, result)
    assert "keys[K_UP]" in new and "keys[K_LEFT]" in new and "pygame.K_a" in new


def test_a_draw_call_given_two_colours_in_a_row_keeps_one():
    source = LOOP.replace("{body}", "    pygame.draw.rect(screen, GREEN, (0, 0, 0), (10, 10, 30, 20))").replace(
        "clock = ", "GREEN = (0, 255, 0)\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 12
    assert "    pygame.draw.rect(screen, GREEN, (10, 10, 30, 20))\n" in fixed(source, result)
    circle = source.replace("draw.rect(screen, GREEN, (0, 0, 0), (10, 10, 30, 20))",
                            "draw.circle(screen, GREEN, [0, 0, 0], (50, 50), 10)")
    assert "    pygame.draw.circle(screen, GREEN, (50, 50), 10)\n" in fixed(circle, hint_for_program(circle, level=3))


def test_a_class_given_more_things_than_its_parents_init_takes_loses_the_extra_ones():
    sprite = ("class Thing:\n    def __init__(self, x, y):\n        self.rect = pygame.Rect(x, y, 9, 9)\n"
              "class Enemy(Thing):\n    def move(self):\n        self.rect.x += 1\n")
    source = LOOP.replace("{body}", "    pygame.draw.rect(screen, (255, 0, 0), enemy.rect)").replace(
        "clock = ", sprite + "enemy = Enemy(20, 30, 5)\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 10
    assert "enemy = Enemy(20, 30)\n" in fixed(source, result)
    assert extra_arguments(Program("def f(*a):\n    pass\nf(1, 2, 3)\n"), 3) == []
    (fix,) = extra_arguments(Program("def f(a, b=2):\n    pass\nf(1, 2, 3)  # ñ\n"), 3)
    assert fix.replacement == "f(1, 2)  # ñ"


def test_pygame_key_names_in_the_wrong_case_after_a_dot_and_a_call_of_nothing():
    source = LOOP.replace("{body}", "    keys = pygame.key.get_pressed()\n    if keys[pygame.k_w]:\n        pass\n"
                                    "    if keys[pygame.k_s]:\n        pass\n    pygame.showallnowplease()")
    result = hint_for_program(source, level=3)
    new = fixed(source, result)
    assert "keys[pygame.K_w]" in new and "keys[pygame.K_s]" in new and "showallnowplease" not in new
    assert call_of_nothing(Program("import pygame\nif 1:\n    pygame.zap()\n"), 3, "pygame", "zap")[0].replacement \
        == "    pass"
    assert call_of_nothing(Program("x = ball.zap()\n"), 1, "Ball", "zap") == []


def test_a_function_made_below_the_loop_that_calls_it_moves_above_the_loop():
    source = LOOP.replace("{body}", "    draw_face(screen)").replace(
        "pygame.quit()\n", "pygame.quit()\n\ndef draw_face(surface):\n"
                           "    pygame.draw.circle(surface, YELLOW, (50, 50), 20)\nYELLOW = (250, 250, 0)\n")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 11
    new = fixed(source, result)
    assert new.index("def draw_face") < new.index("while running:") and new.index("YELLOW = (") < new.index("while running:")
    assert define_earlier(Program("f()\ndef f():\n    pass\nf = 3\n"), 1, "f") == []


def test_a_sound_that_is_not_there_becomes_a_silent_one():
    source = LOOP.replace("{body}", "    boom.play()").replace(
        "clock = ", "boom = pygame.mixer.Sound('boom_not_here.wav')\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 4
    assert "boom = pygame.mixer.Sound(buffer=bytes(64))\n" in fixed(source, result)


def test_a_random_point_asked_of_randint_in_one_go_becomes_two_calls():
    source = LOOP.replace("{body}", "    pygame.draw.circle(screen, (255, 0, 0), spot, 5)").replace(
        "clock = ", "import random\nspot = random.randint((0, 200), (0, 150))\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 5
    assert "spot = (random.randint(0, 200), random.randint(0, 150))\n" in fixed(source, result)
    (fix,) = random_shapes(Program("import random\nx = random.randint((1, 6))\n"), 2)
    assert fix.replacement == "x = random.randint(1, 6)"


def test_a_random_range_with_the_bigger_number_first_is_named_and_turned_round():
    source = LOOP.replace("{body}", "    pygame.draw.circle(screen, (255, 0, 0), (20, y), 5)").replace(
        "clock = ", "import random\nsize = 120\ny = random.randrange(size, 100)\nclock = ")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 6 and "first" in result["problem"]["message"]
    assert "y = random.randrange(100, size)\n" in fixed(source, result)
