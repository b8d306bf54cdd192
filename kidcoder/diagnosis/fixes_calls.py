"""Fix for a call that gives the program's own function or class more things than it takes
(`Enemy('finish.png', 100, 50, 80, 80, 10)` when Enemy's __init__, maybe a parent's, takes five):
the extra ones at the end go. The check run shows whether the game then plays.
"""
from __future__ import annotations

import ast
from typing import Callable, Dict, List, Optional

from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import Fix


def _most(function: ast.FunctionDef, method: bool) -> Optional[int]:
    """How many things a call may give this function (None when it takes any number)."""
    if function.args.vararg is not None:
        return None
    count = len(function.args.posonlyargs) + len(function.args.args)
    return count - 1 if method else count


def _init_of(name: str, classes: Dict[str, ast.ClassDef], seen=()) -> Optional[ast.FunctionDef]:
    """The __init__ a class made in the program uses: its own, else the first parent's that is in the program."""
    node = classes.get(name)
    if node is None or name in seen:
        return None
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
            return stmt
    for base in node.bases:
        if isinstance(base, ast.Name):
            return _init_of(base.id, classes, (*seen, name))
    return None


def extra_arguments(program: Program, line: int) -> List[Fix]:
    """The call on this line with its extra things at the end taken away (one call, on one line)."""
    if program.tree is None:
        return []
    classes = {n.name: n for n in program.tree.body if isinstance(n, ast.ClassDef)}
    functions = {n.name: n for n in program.tree.body if isinstance(n, ast.FunctionDef)}
    text = program.line(line).encode("utf-8")      # the tree's columns count bytes
    for call in program.calls_on_line(line):
        if not (isinstance(call.func, ast.Name) and not call.keywords
                and not any(isinstance(a, ast.Starred) for a in call.args)):
            continue
        name = call.func.id
        if name in classes:
            init = _init_of(name, classes)
            most = _most(init, True) if init is not None else None
        else:
            most = _most(functions[name], False) if name in functions else None
        if most is None or len(call.args) <= most:
            continue
        cut = call.args[most - 1].end_col_offset if most > 0 else call.func.end_col_offset + 1
        return [Fix(line, line, (text[:cut] + text[call.args[-1].end_col_offset:]).decode("utf-8"))]
    return []


def drop_statement(program: Program, line: int, wanted: Callable[[ast.stmt], bool]) -> List[Fix]:
    """Take away the one-line statement at this line when wanted(statement) (`pass` when it is alone in
    its block), or []."""
    for node in ast.walk(program.tree) if program.tree is not None else ():
        body = getattr(node, "body", None)
        for stmt in body if isinstance(body, list) else ():
            if stmt.lineno == line == stmt.end_lineno and wanted(stmt):
                text = program.line(line)
                return [Fix(line, line, text[:len(text) - len(text.lstrip())] + "pass" if len(body) == 1 else "")]
    return []


def call_of_nothing(program: Program, line: int, thing: str, name: str) -> List[Fix]:
    """`pygame.displaySurfacequit()` alone on its line: pygame has nothing of that name (nor a close
    one), so the line can only crash; it goes."""
    if not (thing == "pygame" or thing.startswith("pygame.")):
        return []
    return drop_statement(program, line, lambda stmt: isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
                          and isinstance(stmt.value.func, ast.Attribute) and stmt.value.func.attr == name)
