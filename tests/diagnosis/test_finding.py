"""A finding's kind is a ProblemKind: given as text or member, always the enum, always plain text in JSON."""
import json

import pytest

from kidcoder.diagnosis import diagnose_runtime, diagnose_static, diagnose_syntax
from kidcoder.diagnosis.finding import Finding, ProblemKind


def test_kind_given_as_text_becomes_the_enum():
    finding = Finding("logic", 3, None, "diag.missing_call", {"line": 3})
    assert finding.kind is ProblemKind.LOGIC and finding.kind == "logic"
    assert finding == Finding(ProblemKind.LOGIC, 3, None, "diag.missing_call", {"line": 3})
    assert json.loads(json.dumps(finding.as_dict()))["kind"] == "logic"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Finding("style", 1, None, "diag.x")


def test_every_family_gives_enum_kinds():
    found = [diagnose_syntax("if 1\n    pass\n"),
             diagnose_runtime("x = 1\n", {"type": "ZeroDivisionError", "message": "division by zero", "line": 1}),
             *diagnose_static("import pygame\nscreen = pygame.display.set_mode((9, 9))\nwhile True:\n"
                              "    screen.fill((0, 0, 0))\n")]
    assert {type(f.kind) for f in found} == {ProblemKind}
    assert {f.kind for f in found} >= {"syntax", "runtime", "pygame"}
