"""Fix chaining (real probe runs in real child processes): a program with two crashing lines gets one
fix that mends both, offered only because the probe of the final copy shows no symptom."""
from kidcoder.diagnosis.chain import ChainedFix, combined_fix
from kidcoder.diagnosis.fixes import apply_fix
from kidcoder.helper.hints import hint_for_program, line_list

TWO_BUGS = """import pygame
pygame.init()
screen = pygame.display.set_mode((200, 200))
clock = pygame.time.Clock()
x = 10
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    screen.fil((0, 0, 0))
    pygame.draw.rect(screen, (255, 0, 0), (x, 10, 20, 20))
    pygame.draw.circle(screen, (0, 255, 0) (50, 50), 10)
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
"""

# The second problem has no fix the helper could guess: no fix at all, never half of one.
SECOND_UNFIXABLE = TWO_BUGS.replace("(0, 255, 0) (50, 50), 10)", "(0, 255, 0), (50, 50), 10)").replace(
    "    clock.tick(30)\n", "    clock.tick(30)\n    raise RuntimeError('the end')\n")


def test_combined_fix_turns_the_source_into_the_final_program():
    source = "a\nb\nc\nd\ne\n"
    for final in ("a\nB\nc\nD\ne\n", "x\na\nb\nc\nd\ne\n", "a\nb\nc\nd\ne\nf\n", "a\nc\nd\ne\n", "a\nb\nc\nd\n"):
        fix = combined_fix(source, final)
        assert apply_fix(source, fix) == final
    assert combined_fix(source, "a\nB\nc\nD\ne\n").mends == (2, 4)
    assert combined_fix(source, source) is None


def test_two_crashing_lines_get_one_checked_fix_that_mends_both():
    result = hint_for_program(TWO_BUGS, level=3, lang="en")
    assert result["problem"]["line"] == 11
    fix = result["fix"]
    assert fix is not None and (fix["start_line"], fix["end_line"]) == (11, 13)
    fixed = apply_fix(TWO_BUGS, ChainedFix(fix["start_line"], fix["end_line"], fix["replacement"]))
    assert "screen.fill((0, 0, 0))" in fixed and "(0, 255, 0), (50, 50), 10)" in fixed
    assert "11 and 13" in result["hint"]
    spanish = hint_for_program(TWO_BUGS, level=3, lang="es")
    assert "11 y 13" in spanish["hint"]


def test_no_fix_when_the_second_problem_cannot_be_mended():
    result = hint_for_program(SECOND_UNFIXABLE, level=3, lang="en")
    assert result["problem"]["line"] == 11
    assert result["fix"] is None


def test_line_list_reads_like_a_sentence():
    assert line_list((3,), "en") == "3"
    assert line_list((3, 5, 7), "en") == "3, 5 and 7"
    assert line_list((3, 7), "es") == "3 y 7"


def test_a_syntax_slip_and_a_crash_behind_it_are_mended_together():
    source = TWO_BUGS.replace("while running:", "while running").replace("(0, 255, 0) (50, 50), 10)",
                                                                        "(0, 255, 0), (50, 50), 10)")
    result = hint_for_program(source, level=3, lang="en")
    assert result["problem"]["kind"] == "syntax" and result["problem"]["line"] == 7
    assert result["fix"] is not None and "7 and 11" in result["hint"]
