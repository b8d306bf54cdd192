"""Lines where a game is surely stuck once it runs them: the body of a `while` loop that can never
end and never reads events nor shows a frame (`while x < 100:` that never changes x and only draws).

The probe run (runner.probe) waits for half a second of CPU before it calls a game stuck, so that a
game busy loading is not called stuck by mistake; on a shared machine that costs seconds. When the
game's main thread sits in one of these lines and makes no progress, the wait can be much shorter:
nothing inside the loop can stop it. Pure and strict: any doubt (a call to the program's own
function, a name the loop could change, threads) gives no lines.
"""
from __future__ import annotations

import ast
from typing import FrozenSet, Set

from kidcoder.diagnosis.gameloop import dotted_name, functions
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes_stuck import EVENT_CALLS, FLIP_CALLS

# Calls that may end the loop or the program, wait for a person, or read the keys.
ENDING_CALLS = ("exit", "quit", "_exit", "input", "get_pressed", "exec", "eval", "setattr", "globals", "locals",
                "vars", "__import__")
OTHER_THREADS = ("threading", "_thread", "multiprocessing", "asyncio", "concurrent", "signal")
# What a condition that nothing inside the loop changes may be made of.
PLAIN_TEST = (ast.Name, ast.Constant, ast.Compare, ast.BoolOp, ast.UnaryOp, ast.BinOp, ast.Load, ast.cmpop,
              ast.boolop, ast.unaryop, ast.operator)
# Plain functions a loop may call without any doubt (a bare name other than these, or a class, may be
# anything the program made: a lambda that changes the loop's name).
SAFE_NAMES = ("range", "len", "print", "int", "str", "float", "abs", "min", "max", "round", "list", "tuple",
              "dict", "set", "sorted", "sum", "any", "all", "enumerate", "zip", "bool")
JUMPS = (ast.Break, ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await, ast.Global, ast.Nonlocal)


def _modules(tree: ast.AST) -> Set[str]:
    """The names imported modules go by, other than pygame's (random, heapq: their functions may
    change a list they are given)."""
    return {(a.asname or a.name).split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
            for a in n.names if a.name.split(".")[0] != "pygame"}


def _touched(body, modules: Set[str]) -> Set[str]:
    """Names the loop body may change: assigned, deleted, the base of an assigned part, a method's
    owner (lst.pop()), or given to a module's function (random.shuffle(cards))."""
    names: Set[str] = set()
    for node in (n for stmt in body for n in ast.walk(stmt)):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load):
            names.add(dotted_name(node.value).split(".")[0] or "?")
        elif isinstance(node, ast.Call):
            owner = dotted_name(node.func.value).split(".")[0] or "?" if isinstance(node.func, ast.Attribute) else ""
            names.add(owner)
            if owner not in modules:
                continue
            for arg in list(node.args) + [k.value for k in node.keywords]:
                names.update(n.id for n in ast.walk(arg) if isinstance(n, ast.Name))
    return names


def _surely_endless(loop: ast.While, own: Set[str], modules: Set[str]) -> bool:
    parts = [n for n in ast.walk(loop.test) if not isinstance(n, PLAIN_TEST)]
    # event.type, pygame.KEYDOWN: a part of something the loop never changes (not a property of the program's)
    if not all(isinstance(n, ast.Attribute) and n.attr not in own for n in parts):
        return False
    if isinstance(loop.test, ast.Constant) and not loop.test.value:
        return False
    inner = [n for stmt in loop.body for n in ast.walk(stmt)]
    if any(isinstance(n, JUMPS) for n in inner):
        return False
    for call in (n for n in inner if isinstance(n, ast.Call)):
        name = dotted_name(call.func)
        last = name.rsplit(".", 1)[-1]
        bare = isinstance(call.func, ast.Name) and not (name in SAFE_NAMES or name[:1].isupper())
        if not name or bare or last in own or last in ENDING_CALLS or name.endswith(EVENT_CALLS + FLIP_CALLS):
            return False
    watched = {n.id for n in ast.walk(loop.test) if isinstance(n, ast.Name)}
    if _aliased(inner, watched) or parts and any(isinstance(n, (ast.Attribute, ast.Subscript)) and
                                                 not isinstance(n.ctx, ast.Load) for n in inner):
        return False        # another name for the same thing, or a part of something set (maybe the one tested)
    return not (watched & _touched(loop.body, modules))


def _aliased(inner, watched: Set[str]) -> bool:
    """`other = cards` inside the loop: changing `other` would change `cards` too."""
    for node in inner:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) else \
            node.context_expr if isinstance(node, ast.withitem) else None
        items = value.elts if isinstance(value, (ast.Tuple, ast.List)) else [value]
        if any(isinstance(item, ast.Name) and item.id in watched for item in items):
            return True
    return False


def stuck_lines(source: str) -> FrozenSet[int]:
    """The lines of every loop in source that surely never ends, reads no events and shows no frame."""
    tree = Program(source).tree
    if tree is None:
        return frozenset()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in OTHER_THREADS for a in node.names) or \
                isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in OTHER_THREADS:
            return frozenset()
    own = set(functions(tree)) | {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    modules = _modules(tree)
    lines: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.While) and _surely_endless(node, own, modules):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return frozenset(lines)
