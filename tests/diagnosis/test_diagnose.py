"""Diagnosis as plain data: syntax heuristics, runtime handlers and pygame pitfalls, without running anything."""
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from kidcoder.diagnosis import diagnose_runtime, diagnose_static, diagnose_syntax
from kidcoder.diagnosis.logic import endless_loops
from kidcoder.diagnosis.finding import Program

ROOT = Path(__file__).resolve().parents[2]

SYNTAX_CASES = [
    ("x = 1\nif x == 1\n    print(x)\n", "diag.missing_colon", 2),
    ("def hi()\n    print(1)\n", "diag.missing_colon", 1),
    ("x = 1\nif x:\n    pass\nelse\n    pass\n", "diag.missing_colon", 4),
    ("x = 1\nif x = 1:\n    pass\n", "diag.assign_in_condition", 2),
    ("print('a'\nx = 2\ny = 3\n", "diag.unclosed_bracket", 1),
    ("xs = [1, 2)\n", "diag.mismatched_bracket", 1),
    ("print('hi'))\n", "diag.extra_bracket", 1),
    ("print('hello)\n", "diag.unclosed_string", 1),
    ("x = 1\n    y = 2\n", "diag.unexpected_indent", 2),
    ("if True:\n        x = 1\n    y = 2\n", "diag.unindent_mismatch", 3),
    ("for i in range(2):\nprint(i)\n", "diag.expected_indent", 2),
    ("if True:\n\tx = 1\n        y = 2\n", "diag.mixed_tabs", 3),
    ("print 'hi'\n", "diag.print_py2", 1),
    ("n = 0\nwhiel n < 3:\n    n += 1\n", "diag.misspelled_keyword", 2),
    ("if 1:\n    pass\nesle:\n    pass\n", "diag.misspelled_keyword", 3),
    ("def f():\n    retrun 1\n", "diag.misspelled_keyword", 2),
    ("print(\u201chi\u201d)\n", "diag.odd_character", 1),
    ("a = [1, 2 3]\n", "diag.missing_comma", 1),
    ("b = 4 +\n", "diag.unfinished_line", 1),
    ("print(x +)\n", "diag.syntax_generic", 1),
    ("pip install pygame\nimport pygame\n", "diag.pasted_command", 1),
    ("x = max(1, 2)pyinstaller --onefile game.py\n", "diag.pasted_command", 1),
    ("def f(a=1, b):\n    pass\n", "diag.default_order", 1),
    ("print(end='', 5)\n", "diag.keyword_order", 1),
    ("def hit(player.rect):\n    pass\n", "diag.def_dotted_param", 1),
    ("import py game\n", "diag.import_space", 1),
    ("import random\nfrom math import *import sys\n", "diag.glued_lines", 2),
    ("x = 1\nif x > 2:\n    pass\nelse if x:\n    pass\n", "diag.else_if", 4),
    ("x = 1\nif x =< 2:\n    pass\n", "diag.wrong_comparison", 2),
    ("def jump:\n    pass\n", "diag.def_brackets", 1),
    ("s = 1\nprint(f'{s')\n", "diag.fstring_brace", 2),
    ("If 1 > 0:\n    pass\n", "diag.misspelled_keyword", 1),
]


@pytest.mark.parametrize("source,key,line", SYNTAX_CASES)
def test_syntax_findings_name_the_real_mistake(source, key, line):
    finding = diagnose_syntax(source)
    assert finding is not None and finding.kind == "syntax"
    assert (finding.key, finding.line) == (key, line)


def test_a_program_that_compiles_has_no_syntax_finding():
    assert diagnose_syntax("print('hi')\n") is None


def test_unclosed_bracket_points_at_the_opening_bracket_not_where_python_noticed():
    source = "colours = [\n    'red',\n    'blue'\n\nprint(colours)\n"
    finding = diagnose_syntax(source)
    assert finding.key == "diag.unclosed_bracket" and finding.line == 1 and finding.values["bracket"] == "["


def test_misspelled_keyword_suggests_the_keyword():
    finding = diagnose_syntax("fro i in range(3):\n    print(i)\n")
    assert finding.values["keyword"] == "for"


def _runtime(source, type_name, message, line):
    return diagnose_runtime(source, {"type": type_name, "message": message, "line": line, "traceback": ""})


def test_name_error_suggests_a_name_from_the_program():
    finding = _runtime("score = 1\nprint(scor)\n", "NameError", "name 'scor' is not defined", 2)
    assert finding.key == "diag.name_error" and finding.values["suggestion"] == "score"


@pytest.mark.parametrize("name,key,suggestion", [
    ("true", "diag.name_keyword", "True"),
    ("Ture", "diag.name_keyword", "True"),
    ("random", "diag.name_no_import", None),
    ("QUIT", "diag.name_pygame_constant", "pygame.QUIT"),
])
def test_name_error_special_cases(name, key, suggestion):
    finding = _runtime(f"x = {name}\n", "NameError", f"name '{name}' is not defined", 1)
    assert finding.key == key
    if suggestion:
        assert finding.values["suggestion"] == suggestion


@pytest.mark.parametrize("message,suggestion", [
    ("module 'pygame.display' has no attribute 'set_mod'", "set_mode"),
    ("module 'pygame' has no attribute 'KEYDOWNN'", "KEYDOWN"),
    ("module 'pygame.draw' has no attribute 'rectangle'", "rect"),
    ("'pygame.surface.Surface' object has no attribute 'fil'", "fill"),
    ("'pygame.rect.Rect' object has no attribute 'colliderec'", "colliderect"),
    ("'str' object has no attribute 'uper'", "upper"),
])
def test_attribute_error_finds_the_closest_real_name(message, suggestion):
    finding = _runtime("x = 1\n", "AttributeError", message, 1)
    assert finding.key == "diag.attribute_suggest" and finding.values["suggestion"] == suggestion


@pytest.mark.parametrize("type_name,message,key", [
    ("TypeError", 'can only concatenate str (not "int") to str', "diag.str_plus_number"),
    ("TypeError", "unsupported operand type(s) for -: 'str' and 'int'", "diag.number_and_text"),
    ("TypeError", "'tuple' object is not callable", "diag.tuple_called"),
    ("TypeError", "greet() missing 1 required positional argument: 'name'", "diag.wrong_arg_count"),
    ("ValueError", "invalid literal for int() with base 10: 'abc'", "diag.number_from_text"),
    ("IndexError", "list index out of range", "diag.index_error"),
    ("KeyError", "'zebra'", "diag.key_error"),
    ("ZeroDivisionError", "division by zero", "diag.zero_division"),
    ("FileNotFoundError", "No file 'hero.png' found in working directory '/tmp'.", "diag.picture_not_found"),
    ("FileNotFoundError", "[Errno 2] No such file or directory: 'a.txt'", "diag.file_not_found"),
    ("error", "font not initialized", "diag.pygame_not_init"),
    ("ValueError", "invalid color (color sequence must have size 3 or 4)", "diag.bad_colour"),
    ("TypeError", "rect argument is invalid", "diag.bad_rect"),
    ("UnboundLocalError", "cannot access local variable 'x' where it is not associated with a value",
     "diag.unbound_local"),
    ("WeirdError", "something odd", "diag.runtime_generic"),
    ("ModuleNotFoundError", "No module named 'Random'", "diag.module_name"),
    ("TypeError", "'>' not supported between instances of 'str' and 'int'", "diag.number_and_text"),
    ("TypeError", "text must be a unicode or bytes", "diag.render_number"),
    ("TypeError", "function missing required argument 'radius' (pos 4)", "diag.missing_argument"),
    ("TypeError", "invalid destination position for blit", "diag.bad_position"),
])
def test_runtime_handlers(type_name, message, key):
    assert _runtime("x = 1\ny = 2\n", type_name, message, 2).key == key


def test_text_plus_number_from_input_is_told_as_text_that_needs_int():
    finding = _runtime("age = input()\nprint(age + 1)\n", "TypeError",
                       'can only concatenate str (not "int") to str', 2)
    assert finding.key == "diag.number_and_text"


def test_key_error_suggests_a_key_written_in_the_program():
    finding = _runtime("d = {'banana': 1}\nprint(d['banan'])\n", "KeyError", "'banan'", 2)
    assert finding.key == "diag.key_error_suggest" and finding.values["suggestion"] == "banana"


def test_recursion_points_at_the_call_that_repeats():
    source = "def down(n):\n    print(n)\n    down(n - 1)\n\ndown(3)\n"
    assert _runtime(source, "RecursionError", "maximum recursion depth exceeded", 2).line == 3


GOOD_GAME = next((ROOT / "tests" / "diagnosis" / "corpus").glob("*_ok_game_functions.py"))


def _game(loop_body, head="running = True\nwhile running:\n"):
    return ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((300, 200))\n"
            "clock = pygame.time.Clock()\nx = 0\n" + head + loop_body)


EVENTS = "    for event in pygame.event.get():\n        if event.type == pygame.QUIT:\n            running = False\n"


@pytest.mark.parametrize("body,key", [
    ("    x += 1\n    screen.fill((0, 0, 0))\n    pygame.display.flip()\n    clock.tick(60)\n", "diag.no_events"),
    ("    for event in pygame.event.get():\n        pass\n    screen.fill((0, 0, 0))\n    pygame.display.flip()\n"
     "    clock.tick(60)\n", "diag.no_quit"),
    (EVENTS + "    screen.fill((0, 0, 0))\n    clock.tick(60)\n", "diag.no_flip"),
    (EVENTS + "    screen.fill((0, 0, 0))\n    pygame.display.flip()\n", "diag.no_tick"),
    (EVENTS + "    x += 1\n    pygame.draw.rect(screen, (9, 9, 9), (x, 0, 5, 5))\n    pygame.display.flip()\n"
     "    clock.tick(60)\n", "diag.no_fill"),
    (EVENTS + "    x += 1\n    screen.fill((0, 0, 0))\n    pygame.display.flip()\n"
     "    pygame.draw.rect(screen, (9, 9, 9), (x, 0, 5, 5))\n    clock.tick(60)\n", "diag.draw_after_flip"),
    (EVENTS + "    screen.fill((0, 0, 0))\n    pygame.display.flip\n    clock.tick(60)\n", "diag.missing_call"),
    (EVENTS + "    x == x + 1\n    screen.fill((0, 0, 0))\n    pygame.display.flip()\n    clock.tick(60)\n",
     "diag.compare_not_assign"),
])
def test_pygame_pitfalls(body, key):
    findings = diagnose_static(_game(body))
    assert findings and findings[0].key == key


def test_a_loop_without_a_way_out():
    body = ("    for event in pygame.event.get():\n        if event.type == pygame.QUIT:\n            pygame.quit()\n"
            "    screen.fill((0, 0, 0))\n    pygame.display.flip()\n    clock.tick(60)\n")
    findings = diagnose_static(_game(body, head="while True:\n"))
    assert [f.key for f in findings] == ["diag.no_way_out"]


def test_a_tidy_game_with_functions_and_sys_exit_has_no_pitfalls():
    assert diagnose_static(GOOD_GAME.read_text(encoding="utf-8")) == []


def test_endless_loop_needs_a_condition_nothing_changes():
    assert endless_loops(Program("n = 0\nwhile n < 3:\n    print(n)\n"))[0].line == 2
    assert endless_loops(Program("n = 0\nwhile n < 3:\n    n += 1\n")) == []
    assert endless_loops(Program("import time\nwhile True:\n    print('tick')\n    time.sleep(1)\n")) == []


def test_findings_carry_no_text_only_keys_and_values():
    finding = diagnose_syntax("if 1\n    pass\n")
    assert set(finding.as_dict()) == {"kind", "line", "column", "key", "values"}
    assert all(isinstance(v, (int, str)) for v in finding.values.values())


def test_assistant_diagnosis_never_imports_pygame():
    code = ("import sys\nimport kidcoder.helper.hints, kidcoder.diagnosis.fixes, kidcoder.bench.hint\n"
            "from kidcoder.diagnosis.registry import load_families\nload_families()\n"
            "from kidcoder.helper.hints import hint_for_program\n"
            "hint_for_program('if 1\\n  pass\\n', run=False, check_fix=False)\n"
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def _fields(text):
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def _catalog(lang):
    return json.loads((ROOT / "assets" / "i18n" / lang / "diagnose.json").read_text(encoding="utf-8"))


def test_every_key_the_code_uses_is_in_both_catalogs_with_the_same_placeholders():
    used = set()
    for path in (ROOT / "kidcoder").rglob("*.py"):
        used |= set(re.findall(r"\"(diag\.[a-z_]+)\"", path.read_text(encoding="utf-8")))
    used.discard("diag.")
    en, es = _catalog("en"), _catalog("es")
    assert set(en) == set(es)
    for key in sorted(used):
        for level in ("nudge", "explain", "fix"):
            full = f"{key}.{level}"
            assert full in en and full in es, full
    for key in en:
        assert _fields(en[key]) == _fields(es[key]), key
    for key in ("diag.ladder.ok", "diag.ladder.card", "diag.ladder.example", "diag.ladder.fix_checked",
                "diag.ladder.fix_none"):
        assert key in en and key in es


def test_plus_equals_typo_and_a_class_kept_instead_of_called():
    findings = diagnose_static("x = 1\nx =+ 3\ny = -2\nz = 5\nz =- 1\n")
    assert [(f.key, f.line) for f in findings] == [("diag.plus_equals_typo", 2), ("diag.plus_equals_typo", 5)]
    findings = diagnose_static("import pygame\nclock = pygame.time.Clock\n")
    assert [(f.key, f.values["name"]) for f in findings] == [("diag.missing_call", "pygame.time.Clock")]


@pytest.mark.parametrize("body", [
    # a rectangle from (0, 0) as the background
    EVENTS + "    x += 1\n    pygame.draw.rect(screen, (0, 0, 0), (0, 0, 300, 200))\n"
    "    pygame.draw.rect(screen, (9, 9, 9), (x, 0, 5, 5))\n    pygame.display.flip()\n    clock.tick(60)\n",
    # a grid of tiles covers the screen
    EVENTS + "    x += 1\n    for row in range(10):\n        for col in range(10):\n"
    "            pygame.draw.rect(screen, (0, 90, 0), (col * 30, row * 20, 30, 20))\n"
    "    pygame.draw.rect(screen, (9, 9, 9), (x, 0, 5, 5))\n    pygame.display.flip()\n    clock.tick(60)\n",
    # a turn-based game paced by event.wait()
    "    event = pygame.event.wait()\n    if event.type == pygame.QUIT:\n        running = False\n"
    "    screen.fill((0, 0, 0))\n    pygame.display.flip()\n",
])
def test_tidy_variations_are_not_pitfalls(body):
    assert diagnose_static(_game(body)) == []


def test_a_fill_turned_off_on_purpose_is_not_a_missing_fill():
    body = (EVENTS + "    x += 1\n    # screen.fill((0, 0, 0))\n    pygame.draw.rect(screen, (9, 9, 9), (x, 0, 5, 5))\n"
            "    pygame.display.flip()\n    clock.tick(60)\n")
    assert "diag.no_fill" not in [f.key for f in diagnose_static(_game(body))]
    assert "diag.no_fill" in [f.key for f in diagnose_static(_game(body.replace("    # screen.fill((0, 0, 0))\n", "")))]
