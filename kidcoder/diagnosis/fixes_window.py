"""Fix for a game that never opens its window: no `set_mode` anywhere, so make the window right after
pygame starts (`pygame.init()`), before the game loop. The probe run of the changed copy decides."""
from __future__ import annotations

import ast
import re
from typing import List

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.probed import pygame_prefix

SIZE = "(640, 480)"


def _makes_window(program: Program) -> bool:
    return any(isinstance(node, ast.Attribute) and node.attr == "set_mode" for node in ast.walk(program.tree)) or \
        any(isinstance(node, ast.Name) and node.id == "set_mode" for node in ast.walk(program.tree))


@builds("diag.probe_no_window")
def _make_window(program: Program, finding: Finding) -> List[Fix]:
    prefix = pygame_prefix(program)
    if program.tree is None or prefix is None or _makes_window(program):
        return []
    starts = [n for n, text in enumerate(program.lines, 1) if re.match(rf"^\s*{re.escape(prefix)}init\(\)", text)]
    if not starts:
        return []
    number = starts[0]
    text = program.line(number)
    return [Fix(number, number, f"{text.rstrip()}\n{indent_of(text)}screen = {prefix}display.set_mode({SIZE})")]
