"""Structure family: `set_mode` inside the game loop makes the window again on every frame, so it
flickers (and anything drawn before it is lost). It belongs once, above the loop.

Only a set_mode that runs on every frame is meant (a statement of the loop's own body); one inside
an `if` (a window resized, a new level) is left alone. The fix moves it just above the loop.
"""
from __future__ import annotations

import ast
from typing import List, Optional

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import dotted_name, find_game_loop
from kidcoder.diagnosis.registry import static_check

CARDS = {"diag.set_mode_in_loop": "game-loop"}


def _set_mode_in_loop(program: Program) -> Optional[tuple]:
    """(the loop, the set_mode statement of its body) or None."""
    loop = find_game_loop(program)
    if loop is None:
        return None
    for stmt in loop.node.body:
        if isinstance(stmt, (ast.Assign, ast.Expr)) and isinstance(stmt.value, ast.Call) and \
                dotted_name(stmt.value.func).endswith("set_mode"):
            return loop.node, stmt
    return None


@static_check
def set_mode_in_loop(program: Program) -> List[Finding]:
    found = _set_mode_in_loop(program)
    if found is None:
        return []
    loop, stmt = found
    return [Finding("pygame", stmt.lineno, None, "diag.set_mode_in_loop", {"line": stmt.lineno, "loop_line": loop.lineno})]


@builds("diag.set_mode_in_loop")
def _above_the_loop(program: Program, finding: Finding) -> List[Fix]:
    found = _set_mode_in_loop(program)
    if found is None:
        return []
    loop, stmt = found
    made_in_loop = {n.id for n in ast.walk(loop) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    used = {n.id for n in ast.walk(stmt.value) if isinstance(n, ast.Name)}
    if stmt.lineno != stmt.end_lineno or used & made_in_loop:
        return []
    moved = indent_of(program.line(loop.lineno)) + program.line(stmt.lineno).strip()
    return [Fix(loop.lineno, stmt.lineno, "\n".join([moved] + program.lines[loop.lineno - 1:stmt.lineno - 1]))]
