"""Fixes for a name read before it has a value (NameError on a name the program does make somewhere).

Kinds that recur in real code: a name that is only ever changed (`speed_x *= -1`, `score += 1`)
and never given a first value, so it gets one just before the part of the program that first reads
it; a function (or a plain value) made below the game loop that calls it, so it moves up; and a
`print(...)` check, added to look at a name, that runs before the name is made (it does nothing for
the game, so it goes).
"""
from __future__ import annotations

import ast
from typing import List

from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import Fix
from kidcoder.diagnosis.fixes_calls import drop_statement


def _only_changed(program: Program, name: str) -> List[ast.AugAssign]:
    """The `name op= ...` statements when they are the only places the program gives name a value, else []."""
    changes = [n for n in ast.walk(program.tree)
               if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id == name]
    targets = {id(change.target) for change in changes}
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load) and \
                id(node) not in targets:
            return []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name or \
                isinstance(node, ast.arg) and node.arg == name or \
                isinstance(node, ast.alias) and (node.asname or node.name) == name or \
                isinstance(node, ast.Global) and name in node.names:
            return []
    return changes


def first_value(program: Program, number: int, name: str) -> List[Fix]:
    """`name = 0` (3 when it is multiplied, as a speed turned round is) before the top-level part of
    the program that holds line `number`, when the program only ever changes name."""
    if program.tree is None:
        return []
    changes = _only_changed(program, name)
    if not changes or any(program.function_at(change.lineno) is not None for change in changes):
        return []
    top = next((stmt for stmt in program.tree.body if stmt.lineno <= number <= stmt.end_lineno), None)
    if top is None:
        return []
    value = "3" if any(isinstance(change.op, ast.Mult) for change in changes) else "0"
    start = min([top.lineno] + [d.lineno for d in getattr(top, "decorator_list", [])])
    return [Fix(start, start, f"{name} = {value}\n{program.line(start)}")]


def drop_check_print(program: Program, number: int) -> List[Fix]:
    """Remove a one-line `print(...)` statement at this line."""
    return drop_statement(program, number, lambda stmt: isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
                          and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == "print")


def _plain_value(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def define_earlier(program: Program, number: int, name: str) -> List[Fix]:
    """A function or class (or a name set to a plain value, WHITE = (255, 255, 255)) made further down,
    with no spaces in front, but used before: its lines move up, above the part that uses it."""
    if program.tree is None:
        return []
    body = program.tree.body
    top = next((stmt for stmt in body if stmt.lineno <= number <= stmt.end_lineno), None)
    if top is None:
        return []
    later = [stmt for stmt in body if stmt.lineno > top.end_lineno and (
        isinstance(stmt, (ast.FunctionDef, ast.ClassDef)) and stmt.name == name or
        isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] == [name]
        and _plain_value(stmt.value))]
    if len(later) != 1 or any(n.id == name and isinstance(n.ctx, ast.Store) for stmt in body if stmt is not later[0]
                              for n in ast.walk(stmt) if isinstance(n, ast.Name)):
        return []
    made = later[0]
    start = min([made.lineno] + [d.lineno for d in getattr(made, "decorator_list", [])])
    first = min([top.lineno] + [d.lineno for d in getattr(top, "decorator_list", [])])
    moved = program.lines[start - 1:made.end_lineno]
    between = program.lines[first - 1:start - 1]
    return [Fix(first, made.end_lineno, "\n".join(moved + ([""] if not isinstance(made, ast.Assign) else []) + between))]
