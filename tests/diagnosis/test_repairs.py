"""Syntax repairs the compiler sorts (fixes_repair), and two small fixes met in real programs (a local
named like its module, a list picked with a number that has a point)."""
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import apply_fix, candidate_fixes
from kidcoder.diagnosis.fixes_repair import by_progress
from kidcoder.diagnosis.registry import compile_error, diagnose_syntax

def _best(source):
    finding = diagnose_syntax(source)
    fixes = by_progress(source, finding, candidate_fixes(Program(source), finding))
    return finding, fixes


def test_a_one_line_class_with_a_colon_too_many_is_split():
    source = "class Smiley(object): pos = (0, 0):\n\n    speed = 1\n"
    finding, fixes = _best(source)
    assert finding.key == "diag.syntax_generic"
    fixed = apply_fix(source, fixes[0])
    assert compile_error(fixed) is None and "    pos = (0, 0)" in fixed


def test_stray_semicolons_and_an_unfinished_assignment_are_repaired():
    for broken, expected in (("for a in range(3):  ;\n    print(a)\n", "for a in range(3):"),
                             ("x = 1\ny =   # later\nprint(x)\n", "y = None")):
        _finding, fixes = _best(broken)
        fixed = apply_fix(broken, fixes[0])
        assert compile_error(fixed) is None and expected in fixed


def test_a_repair_that_leaves_python_stuck_on_the_same_line_is_not_offered():
    source = "x = = = 3\n"
    finding, fixes = _best(source)
    for fix in fixes:
        error = compile_error(apply_fix(source, fix))
        assert error is None or error.lineno > finding.line


def test_a_plain_argument_after_named_ones_gets_its_own_name():
    source = "def f(a, b=1, c=2):\n    return a\n\nc = 3\nf(1, b=2, c)\n"
    finding, fixes = _best(source)
    assert finding.key == "diag.keyword_order"
    assert apply_fix(source, fixes[0]).splitlines()[4] == "f(1, b=2, c=c)"


def test_a_parameter_after_defaults_gets_a_default_too():
    source = "def f(a, b=None, c):\n    return a\n\nf(1)\n"
    _finding, fixes = _best(source)
    assert apply_fix(source, fixes[0]).splitlines()[0] == "def f(a, b=None, c=None):"


def test_a_local_named_like_its_module_gets_its_own_name():
    from kidcoder.diagnosis.fixes_locals import renamed_local
    source = ("from pygame import *\n\ndef lose():\n    x = 1\n    font = font.SysFont('Arial', 70)\n"
              "    text = font.render('Lose', True, (0, 0, 0))\n    return text\n")
    fixes = renamed_local(Program(source), 4, "font")
    lines = apply_fix(source, fixes[0]).splitlines()
    assert lines[4] == "    my_font = font.SysFont('Arial', 70)"
    assert lines[5] == "    text = my_font.render('Lose', True, (0, 0, 0))"
    assert renamed_local(Program(source), 1, "font") == []


def test_a_list_picked_with_a_number_with_a_point_gets_int():
    from kidcoder.diagnosis.fixes_locals import whole_number_index
    source = "frames = [1, 2]\ni = 0.5\nprint(frames[i])\n"
    assert apply_fix(source, whole_number_index(Program(source), 3)[0]).splitlines()[2] == "print(frames[int(i)])"


def test_a_broken_block_line_is_never_just_left_out():
    source = "x = 3\nwhile x > > 1:\n    x = x - 1\nprint(x)\n"
    finding = diagnose_syntax(source)
    assert not any("# while" in fix.replacement for fix in candidate_fixes(Program(source), finding))
    # print(x) at the same depth may be the body the child forgot to indent: the while stays
    level = "x = 3\nwhile x > > 1:\nprint(x)\n"
    assert not any("# while" in fix.replacement for fix in candidate_fixes(Program(level), diagnose_syntax(level)))
    last = "x = 3\nfor y in [1, 2]:\n    while x > > 1:\nprint(x)\n"   # nothing that could be its body follows
    assert any(fix.replacement.endswith("# while x > > 1:") for fix in candidate_fixes(Program(last), diagnose_syntax(last)))


def test_a_piece_pasted_too_far_in_moves_left_as_a_whole():
    source = ("def setup():\n    lives = 3\n    # the stars\n        stars = []\n        for n in range(5):\n"
              "            stars.append(n)\n\n        count = len(stars)\n    return lives\n")
    finding, fixes = _best(source)
    assert finding.key == "diag.unexpected_indent" and finding.line == 4
    fixed = apply_fix(source, fixes[0])
    assert compile_error(fixed) is None
    assert ("    stars = []\n    for n in range(5):\n        stars.append(n)\n\n    count = len(stars)\n"
            "    return lives\n") in fixed           # nothing dropped, the inner block kept its shape


def test_a_run_at_a_depth_no_block_has_moves_to_one_that_reads_on():
    source = ("for row in range(3):\n    a = row\n    b = a + 1\n  c = b * 2\n  d = c + a\n"
              "  if d > 3:\n      print(d)\nprint('done')\n")
    finding, fixes = _best(source)
    assert finding.key == "diag.unindent_mismatch"
    fixed = apply_fix(source, fixes[0])
    assert compile_error(fixed) is None and "print(d)" in fixed and "if d > 3:" in fixed
    assert fixed.count("\n") == source.count("\n")


def test_a_block_first_line_is_never_left_out_even_when_its_body_is_not_indented():
    for source in ("running = True\nwhile running:\n    for e in range(3):\n        if e = 2:\n"
                   "        running = False\n",
                   "x = 1\nif x > 0 and x < 5\nprint(x)\n"):
        finding = diagnose_syntax(source)
        for fix in candidate_fixes(Program(source), finding):
            changed = apply_fix(source, fix)
            assert "# if" not in changed, changed
