"""The game closes by itself when the player loses: a game-over branch of the loop shows a message
(or sets a `finish` flag) and also sets the loop's flag to False, so the loop stops and the window
closes at once; the message is never seen. The probe sees the game end with nobody touching it.

The fix takes those `flag = False` lines away: the game then stays on its game-over screen until the
player closes the window (the close branch still sets the flag).
"""
from __future__ import annotations

import ast
from typing import List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.fixes_calls import drop_statement
from kidcoder.diagnosis.gameloop import dotted_name, find_game_loop

CARDS = {"diag.ends_on_game_over": "game-loop"}
SHOWS = ("blit", "render", "rect", "circle", "line", "polygon", "ellipse")
WAITS = ("wait", "delay", "sleep", "flip", "update", "get")


def _is_flag_off(stmt: ast.stmt, flag: str) -> bool:
    return isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
        and stmt.targets[0].id == flag and isinstance(stmt.value, ast.Constant) and stmt.value.value is False


def _about_events(node: ast.AST) -> bool:
    return any(isinstance(n, (ast.Name, ast.Attribute)) and
               any(word in (getattr(n, "id", "") or getattr(n, "attr", "")) for word in ("QUIT", "KEY", "MOUSE", "type"))
               for n in ast.walk(node))


def game_over_exits(program: Program) -> List[ast.Assign]:
    """The `flag = False` lines of game-over branches that draw a message (or set another flag) first."""
    loop = find_game_loop(program)
    if loop is None or not isinstance(loop.node.test, ast.Name):
        return []
    flag = loop.node.test.id
    event_loops = [f for f in ast.walk(loop.node) if isinstance(f, ast.For) and isinstance(f.iter, ast.Call)
                   and "event" in dotted_name(f.iter.func)]
    events = {id(n) for f in event_loops for n in ast.walk(f)}
    found = []
    for branch in ast.walk(loop.node):
        if not isinstance(branch, ast.If) or id(branch) in events or _about_events(branch.test):
            continue
        ends = [s for s in branch.body if _is_flag_off(s, flag)]
        calls = [dotted_name(n.func).rsplit(".", 1)[-1] for s in branch.body for n in ast.walk(s) if isinstance(n, ast.Call)]
        sets = any(isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant) and s.value.value is True
                   for s in branch.body)
        if ends and (sets or any(c in SHOWS for c in calls)) and not any(c in WAITS for c in calls):
            found += ends
    return sorted(found, key=lambda s: s.lineno)


def game_over_finding(program: Program) -> Optional[Finding]:
    ends = game_over_exits(program)
    if not ends:
        return None
    return Finding("logic", ends[0].lineno, None, "diag.ends_on_game_over",
                   {"line": ends[0].lineno, "flag": ends[0].targets[0].id})


@builds("diag.ends_on_game_over")
def _keep_the_game_over_screen(program: Program, finding: Finding) -> List[Fix]:
    ends = game_over_exits(program)
    if not ends:
        return []
    changed = {}
    for stmt in ends:
        dropped = drop_statement(program, stmt.lineno, lambda found, stmt=stmt: found is stmt)
        if not dropped:
            return []
        changed[stmt.lineno] = dropped[0].replacement
    first, last = min(changed), max(changed)
    lines = [changed.get(n, program.line(n)) for n in range(first, last + 1)]
    return [Fix(first, last, "\n".join(lines))]
