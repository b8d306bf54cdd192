"""The console's tracebacks made short and kind: the file's name, the line, its code, Python's message."""
from kidcoder.runner.console_text import short_console
from kidcoder.runner.headless import run_source

CRASH = """import pygame
pygame.init()
screen = pygame.display.set_mode((100, 100))
def draw(colour):
    pygame.draw.circle(screen, colour, (50, 50))
print("hello")
draw((1, 2, 3))
"""


def test_a_real_crash_from_a_temp_folder_is_short_and_has_no_path():
    result = run_source(CRASH, frames=5, seconds=20, filename="catch.py")
    whole = "".join(result.console)
    assert "/kidcoder-" in whole or "/tmp" in whole                  # Python printed the full path
    lines, shortened = short_console(result.console, lang="en")
    assert shortened
    assert lines == [
        "hello",
        "Your program stopped at line 5 of catch.py (it came from line 7):",
        "    pygame.draw.circle(screen, colour, (50, 50))",
        "TypeError: function missing required argument 'radius' (pos 4)",
    ]
    assert not any("/" in line for line in lines[1:2])


def test_a_syntax_error_says_python_could_not_read_the_line_and_keeps_the_marker():
    result = run_source("x = 1\nif x\n    print(x)\n", frames=5, seconds=20, filename="game.py")
    lines, shortened = short_console(result.console, lang="es")
    assert shortened
    assert lines[0] == "Python no pudo leer la línea 2 de game.py:"
    assert lines[1].strip() == "if x" and lines[2].strip() == "^"
    assert lines[-1] == "SyntaxError: expected ':'"


def test_frames_outside_the_childs_folder_are_left_out(tmp_path):
    program = tmp_path / "my_game.py"
    text = ("Traceback (most recent call last):\n"
            f'  File "{program}", line 9, in <module>\n'
            "    pygame.draw.rect(screen, RED, box)\n"
            '  File "/usr/lib/python3/dist-packages/pygame/sprite.py", line 120, in draw\n'
            "    raise ValueError('bad')\n"
            "ValueError: invalid rect\n")
    lines, _ = short_console([text, "after\n"], program=str(program), lang="en")
    assert lines == ["Your program stopped at line 9 of my_game.py:", "    pygame.draw.rect(screen, RED, box)",
                     "ValueError: invalid rect", "after"]


def test_a_program_without_a_name_yet_is_shown_by_the_name_the_child_sees(tmp_path):
    hidden = tmp_path / ".run-1234abcd.py"
    text = f'Traceback (most recent call last):\n  File "{hidden}", line 3, in <module>\n    x = y\n' \
           "NameError: name 'y' is not defined\n"
    lines, _ = short_console([text], program=str(hidden), shown_name="your new program", lang="en")
    assert lines[0] == "Your program stopped at line 3 of your new program:"


def test_plain_output_is_left_alone():
    pieces = ["score 10\n", "  File is not a traceback\n", "Error: this is my own print\n"]
    lines, shortened = short_console(pieces)
    assert not shortened
    assert lines == ["score 10", "  File is not a traceback", "Error: this is my own print"]


def test_a_chained_traceback_keeps_the_last_error():
    text = ('Traceback (most recent call last):\n  File "/p/a.py", line 2, in <module>\n    int("x")\n'
            "ValueError: invalid literal\n\nDuring handling of the above exception, another exception occurred:\n\n"
            'Traceback (most recent call last):\n  File "/p/a.py", line 4, in <module>\n    print(z)\n'
            "NameError: name 'z' is not defined\n")
    lines, _ = short_console([text], program="/p/a.py", lang="en")
    assert lines == ["Your program stopped at line 4 of a.py:", "    print(z)", "NameError: name 'z' is not defined"]
