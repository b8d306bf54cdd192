"""Fixes for the families met in real children's programs (real probe runs in real child processes):
each is offered only after the fixed copy played well."""
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import apply_fix, candidate_fixes
from kidcoder.helper.hints import hint_for_program

HEAD = "import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 150))\n"
LOOP = HEAD + """clock = pygame.time.Clock()
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fill((0, 0, 0))
{body}
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
"""


def fixed(source: str, result: dict) -> str:
    fix = result["fix"]
    assert fix is not None, result["hint"]
    lines = source.splitlines()
    return "\n".join(lines[:fix["start_line"] - 1] + fix["replacement"].split("\n") + lines[fix["end_line"]:]) + "\n"


def test_a_loop_that_only_passes_gets_an_event_loop_and_a_flip():
    source = HEAD + "while True:\n    pass\n"
    new = fixed(source, hint_for_program(source, level=3))
    assert "event.get()" in new and "display.flip()" in new


def test_a_while_inside_the_game_loop_that_waits_forever_becomes_an_if():
    source = LOOP.replace("{body}", "    lives = 0\n    while lives < 3:\n        pygame.draw.circle(screen, (255, 0, 0), (50, 50), 5)")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 12
    assert "    if lives < 3:" in fixed(source, result)


def test_a_misspelled_name_used_on_several_lines_is_renamed_on_all_of_them():
    source = LOOP.replace("{body}", "    font = pygame.font.Font(None, 20)\n"
                                    "    screen.blit(font1.render('a', True, (9, 9, 9)), (0, 0))\n"
                                    "    screen.blit(font1.render('b', True, (9, 9, 9)), (0, 20))")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 12
    new = fixed(source, result)
    assert "font1" not in new and new.count("font.render") == 2


def test_quit_inside_the_loop_stops_the_program_there():
    source = LOOP.replace("            running = False", "            pygame.quit()").replace("{body}", "    pass")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 9
    assert "pygame.quit()\n            raise SystemExit" in fixed(source, result)


def test_a_circle_given_a_rectangle_becomes_an_ellipse():
    source = LOOP.replace("{body}", "    pygame.draw.circle(screen, (255, 0, 0), (30, 30, 40, 20), 1)")
    assert "pygame.draw.ellipse(screen, (255, 0, 0), (30, 30, 40, 20), 1)" in fixed(source, hint_for_program(source, level=3))


def test_a_dot_for_an_underscore_in_a_method_name():
    source = HEAD + "box = screen.get.rect()\n" + LOOP[len(HEAD):].replace("{body}", "    pass")
    assert "box = screen.get_rect()" in fixed(source, hint_for_program(source, level=3))


def test_a_space_in_a_name_asks_did_you_mean_and_joins_it():
    source = LOOP.replace("{body}", "    speed_y = 2\n    y = speed y")
    result = hint_for_program(source, level=1)
    assert result["problem"]["kind"] == "syntax" and "speed_y" in result["problem"]["message"]
    assert "    y = speed_y" in fixed(source, hint_for_program(source, level=3))


def test_a_picture_named_by_another_computers_folders_gets_its_plain_name():
    program = Program("import pygame\npic = pygame.image.load('C:/Users/kid/games/smile.png')\n")
    finding = Finding("runtime", 2, None, "diag.picture_not_found", {"line": 2, "file": "C:/Users/kid/games/smile.png"})
    fixes = candidate_fixes(program, finding)
    assert "pygame.image.load('smile.png')" in apply_fix(program.source, fixes[0])


def test_pressed_keys_called_like_a_function_are_looked_up():
    source = LOOP.replace("{body}", "    keys = pygame.key.get_pressed()\n    if keys(pygame.K_LEFT):\n        pass")
    assert "    if keys[pygame.K_LEFT]:" in fixed(source, hint_for_program(source, level=3))


def test_merge_blocks_keep_one_side_and_dotted_parameters_keep_their_first_word():
    program = Program("a = 1\n<<<<<<< HEAD\nb = 2\n=======\nb = 3\n>>>>>>> 91e1\nprint(a + b)\n")
    finding = Finding("syntax", 2, 1, "diag.merge_markers", {"line": 2})
    sides = [apply_fix(program.source, fix) for fix in candidate_fixes(program, finding)]   # the merge sides first, then repairs
    assert sides[:2] == ["a = 1\nb = 3\nprint(a + b)\n", "a = 1\nb = 2\nprint(a + b)\n"]
    program = Program("def hit(player.rect, bonus):\n    return bonus\n")
    finding = Finding("syntax", 1, None, "diag.def_dotted_param", {"line": 1})
    assert apply_fix(program.source, candidate_fixes(program, finding)[0]).startswith("def hit(player, bonus):")


def test_a_key_read_from_every_event_asks_the_event_type_first():
    source = LOOP.replace("{body}", "    pass").replace(
        "            running = False\n", "            running = False\n        if event.key == pygame.K_LEFT:\n            pass\n")
    result = hint_for_program(source, level=3)
    assert result["problem"]["line"] == 10
    assert "        if event.type == pygame.KEYDOWN and event.key == pygame.K_LEFT:" in fixed(source, result)


def test_lines_that_make_a_name_but_were_commented_out_come_back():
    source = HEAD + "#box = screen.get_rect()\n#box.x = 5\n" + LOOP[len(HEAD):].replace(
        "{body}", "    pygame.draw.rect(screen, (255, 0, 0), box)")
    new = fixed(source, hint_for_program(source, level=3))
    assert "box = screen.get_rect()\nbox.x = 5\n" in new


def test_a_clock_given_a_number_alone_on_its_line_was_meant_as_a_wait():
    source = LOOP.replace("{body}", "    pygame.time.Clock(30)")
    assert "    pygame.time.delay(30)" in fixed(source, hint_for_program(source, level=3))


def test_api_misuse_is_told_as_did_you_mean_at_the_line():
    source = LOOP.replace("{body}", "    pygame.draw.circle(screen, (255, 0, 0), (30, 30, 40, 20), 1)")
    assert hint_for_program(source, level=1)["problem"]["message"] == \
        "Look at draw.circle on line 11. Did you mean draw.ellipse?"
    source = HEAD + "box = screen.get.rect()\n" + LOOP[len(HEAD):].replace("{body}", "    pass")
    assert "Did you mean screen.get_rect?" in hint_for_program(source, level=1)["problem"]["message"]
    spanish = hint_for_program(source, level=1, lang="es")["problem"]["message"]
    assert "¿Querías decir screen.get_rect?" in spanish


def test_every_misspelled_init_is_mended_in_one_fix():
    source = ("class A:\n    def _init_ (self):\n        self.x = 1\n\n"
              "class B:\n    def _init_(self):\n        self.y = A()\n\nprint(B().y.x)\n")
    result = hint_for_program(source, level=3, lang="en")
    assert result["problem"]["line"] in (2, 6)
    assert "_init_" not in fixed(source, result).replace("__init__", "")


def test_commented_imports_come_back():
    source = "#import pygame, sys\n" + LOOP.replace("import pygame\n", "").replace("{body}", "    pass")
    assert fixed(source, hint_for_program(source, level=3)).startswith("import pygame, sys\n")


def test_a_game_with_no_window_gets_one_and_the_probe_checks_it():
    source = LOOP.replace("screen = pygame.display.set_mode((200, 150))\n", "").replace(
        "    screen.fill((0, 0, 0))\n", "").replace("    pygame.display.flip()\n", "").replace("{body}\n", "")
    assert "set_mode(" in fixed(source, hint_for_program(source, level=3))
