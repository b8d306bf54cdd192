"""Put in my program: an empty program becomes the example; otherwise whole lines go in at the cursor,
indented for the block the cursor is in."""
from kidcoder.editor.put_code import example_lines, place_example

PROGRAM = ["import pygame", "", "running = True", "while running:", "    x = 1", "", "    y = 2", "pygame.quit()"]
EXAMPLE = "    speed = 3\n    if speed > 2:\n        speed = 2\n"


def test_an_empty_program_or_the_starter_becomes_the_example():
    placed = place_example(["", "  "], (0, 0), EXAMPLE)
    assert placed.whole and placed.lines == ("speed = 3", "if speed > 2:", "    speed = 2")
    assert place_example(["# hi", "x = 1"], (1, 0), EXAMPLE, starter="# hi\nx = 1\n").whole


def test_at_the_end_of_a_line_the_example_goes_after_it():
    placed = place_example(PROGRAM, (4, 9), EXAMPLE)
    assert placed.before == 5 and placed.lines[0] == "    speed = 3" and placed.lines[2] == "        speed = 2"
    assert (placed.first_line, placed.last_line) == (6, 8)


def test_after_a_colon_one_level_more():
    placed = place_example(PROGRAM, (3, 14), "x = 1")
    assert placed.before == 4 and placed.lines == ("    x = 1",)


def test_at_the_start_of_a_line_it_goes_before_it_with_its_indentation():
    assert place_example(PROGRAM, (6, 4), "z = 0") == place_example(PROGRAM, (6, 0), "z = 0")
    placed = place_example(PROGRAM, (6, 0), "z = 0")
    assert placed.before == 6 and placed.lines == ("    z = 0",)


def test_an_empty_line_takes_the_indentation_of_the_code_around_it():
    placed = place_example(PROGRAM, (5, 0), "z = 0")
    assert placed.before == 5 and placed.lines == ("    z = 0",)
    placed = place_example(PROGRAM, (1, 0), "z = 0")
    assert placed.lines == ("z = 0",)


def test_example_lines_keep_blank_lines_empty():
    assert example_lines("a\n\n  b\n", "    ") == ["    a", "", "      b"]
