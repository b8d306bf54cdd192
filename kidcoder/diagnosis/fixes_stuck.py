"""Fix guess for a game stuck in a loop that never reads events nor shows its drawing (`while True:
pass`, a loop that only draws): give that loop an event loop with a way to close, the flip at its end,
and a window when the program never makes one; a `while` inside the game loop becomes the `if` that
was meant. The probe run of the fixed copy checks it."""
from __future__ import annotations

import ast
from typing import List, Optional

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import dotted_name
from kidcoder.diagnosis.probed import event_name, pygame_prefix

EVENT_CALLS = ("event.get", "event.poll", "event.wait", "event.pump")
FLIP_CALLS = ("display.flip", "display.update")


def _loop_at(program: Program, line: int) -> Optional[ast.While]:
    best = None
    for node in ast.walk(program.tree) if program.tree is not None else ():
        if isinstance(node, ast.While) and node.lineno <= line <= (node.end_lineno or node.lineno):
            if best is None or node.lineno > best.lineno:
                best = node
    return best


def _calls(node: ast.AST, suffixes) -> bool:
    return any(isinstance(n, ast.Call) and dotted_name(n.func).endswith(suffixes) for n in ast.walk(node))


@builds("diag.probe_stuck")
def _play_the_loop(program: Program, finding: Finding) -> List[Fix]:
    prefix = pygame_prefix(program)
    loop = _loop_at(program, finding.line)
    if prefix is None or loop is None or _calls(loop, EVENT_CALLS):
        return []
    header = program.line(loop.lineno)
    end = loop.end_lineno or loop.lineno
    body = indent_of(program.line(loop.body[0].lineno)) if loop.body[0].lineno > loop.lineno else \
        indent_of(header) + "    "
    unit = body[len(indent_of(header)):] or "    "
    if isinstance(loop.test, ast.Name):
        stop = [f"{loop.test.id} = False"]
    else:
        stop = [f"{prefix}quit()", "raise SystemExit"]
    var = event_name(prefix)
    lines = [header, f"{body}for {var} in {prefix}event.get():", f"{body}{unit}if {var}.type == {prefix}QUIT:"]
    lines += [f"{body}{unit}{unit}{stmt}" for stmt in stop]
    lines += program.lines[loop.lineno: end]
    if not _calls(loop, FLIP_CALLS):
        lines.append(f"{body}{prefix}display.flip()")
    if not _calls(program.tree, ("display.set_mode",)):
        lines.insert(0, f"{indent_of(header)}screen = {prefix}display.set_mode((400, 300))")
    played = Fix(loop.lineno, end, "\n".join(lines))
    outer = _loop_at(program, loop.lineno - 1) if loop.lineno > 1 else None
    if outer is not None and outer is not loop and (outer.end_lineno or 0) >= end and _calls(outer, EVENT_CALLS) \
            and header.lstrip().startswith("while "):
        # A `while` inside the game loop that waits for something the game loop should do: `if` was meant.
        cut = len(header) - len(header.lstrip())
        return [Fix(loop.lineno, loop.lineno, header[:cut] + "if " + header[cut + len("while "):]), played]
    return [played]
