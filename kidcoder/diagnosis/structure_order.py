"""Structure family: the game loop sits between a function that starts pygame and the call of that
function (`def run_game(): pygame.init() ...`, then the `while True:` loop with no spaces in front,
then `run_game()`). The loop runs first, before pygame and the window exist, so it crashes at once;
it was meant to be indented into the function.

The fix indents the statements between the function and its call into the function's body.
"""
from __future__ import annotations

import ast
from typing import List, Optional, Tuple

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import PYGAME_WORDS, dotted_name
from kidcoder.diagnosis.registry import static_check

CARDS = {"diag.loop_before_call": "functions"}
SETUP = ("init", "set_mode")


def _calls(node: ast.AST, ending: Tuple[str, ...]) -> bool:
    return any(isinstance(n, ast.Call) and dotted_name(n.func).rsplit(".", 1)[-1] in ending for n in ast.walk(node))


def _called_alone(stmt: ast.stmt, name: str) -> bool:
    """`name()` on a line of its own."""
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
        isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == name


def loop_before_call(program: Program) -> Optional[Tuple[ast.FunctionDef, List[ast.stmt], ast.stmt, ast.stmt]]:
    """(the function, the statements between it and its call, the first pygame loop among them, the call)
    when a pygame loop sits there."""
    body = program.tree.body if program.tree is not None else []
    for index, node in enumerate(body):
        if not isinstance(node, ast.FunctionDef) or not _calls(node, SETUP):
            continue
        call = next((k for k in range(index + 1, len(body)) if _called_alone(body[k], node.name)), None)
        if call is None:
            return None
        between = body[index + 1:call]
        if any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom,
                              ast.Global)) for s in between):
            continue
        if any(_calls(s, ("set_mode",)) for s in body[:index]):     # the window is made before: it may work
            continue
        loops = [s for s in between if isinstance(s, ast.While) and any(
            isinstance(n, ast.Call) and any(w in dotted_name(n.func) for w in PYGAME_WORDS) for n in ast.walk(s))]
        if loops:
            return node, between, loops[0], body[call]
    return None


@static_check
def loop_before_its_function(program: Program) -> List[Finding]:
    found = loop_before_call(program)
    if found is None:
        return []
    function, between, loop, call = found
    return [Finding("logic", loop.lineno, None, "diag.loop_before_call",
                    {"line": loop.lineno, "name": function.name, "def_line": function.lineno, "call_line": call.lineno})]


@builds("diag.loop_before_call")
def _indent_into_function(program: Program, finding: Finding) -> List[Fix]:
    found = loop_before_call(program)
    if found is None:
        return []
    function, between, _loop, _call = found
    inner = indent_of(program.line(function.body[0].lineno))
    if not inner:
        return []
    first, last = between[0].lineno, between[-1].end_lineno
    strings = {n.lineno for n in ast.walk(program.tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
               and n.end_lineno != n.lineno}
    if any(first <= number <= last for number in strings):      # a text over several lines: leave it be
        return []
    lines = [inner + text if text.strip() else text for text in program.lines[first - 1:last]]
    return [Fix(first, last, "\n".join(lines))]
