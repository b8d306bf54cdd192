"""Fixes for things given to a call in the wrong shape. A draw call given two colours in a row
(`draw.circle(screen, GREEN, BLACK, (100, 100), 50)`): the second colour sits where the place should
be, so one of them goes (the first is kept first). `random.randint((0, 600), (0, 400))`, a random
point asked of randint in one go: two randint calls, one for x and one for y (and
`randint((0, 600))` takes the two numbers without the brackets). randrange(big, small) has
nothing to choose from: the smaller number goes first.

A colour here is a tuple of three or four whole numbers, written out or kept in a name the program
sets once to one.
"""
from __future__ import annotations

import ast
from typing import Dict, List

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds, fallback
from kidcoder.diagnosis.gameloop import dotted_name


def _is_colour_literal(node: ast.AST) -> bool:
    return isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) in (3, 4) and all(
        isinstance(e, ast.Constant) and type(e.value) is int for e in node.elts)


def _colour_names(program: Program) -> Dict[str, bool]:
    """name -> True when every value the program gives it is a colour."""
    names: Dict[str, bool] = {}
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = names.get(target.id, True) and _is_colour_literal(node.value)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
            names[node.target.id] = False
    return names


def _is_colour(node: ast.AST, names: Dict[str, bool]) -> bool:
    return _is_colour_literal(node) or isinstance(node, ast.Name) and names.get(node.id, False)


def extra_colour(program: Program, line: int) -> List[Fix]:
    """Each way of dropping one of two colours given in a row to a draw call on this line."""
    if program.tree is None:
        return []
    names = _colour_names(program)
    text = program.line(line).encode("utf-8")      # the tree's columns count bytes
    for call in program.calls_on_line(line):
        if not (".draw." in f".{dotted_name(call.func)}" and len(call.args) >= 4):
            continue
        first, second = call.args[1], call.args[2]
        if _is_colour(first, names) and _is_colour(second, names):
            keep_first = text[:first.end_col_offset] + text[second.end_col_offset:]
            keep_second = text[:first.col_offset] + text[second.col_offset:]
            return [Fix(line, line, keep_first.decode("utf-8")), Fix(line, line, keep_second.decode("utf-8"))]
    return []


@builds("diag.bad_rect")
def _extra_colour_for_rect(program: Program, finding: Finding) -> List[Fix]:
    return extra_colour(program, finding.line)


def _pair(node: ast.AST) -> bool:
    return isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) == 2


def random_shapes(program: Program, line: int) -> List[Fix]:
    """randint((a, b)) -> randint(a, b); randint((a, b), (c, d)) -> (randint(a, b), randint(c, d))."""
    text = program.line(line).encode("utf-8")      # the tree's columns count bytes
    for call in program.calls_on_line(line):
        if call.keywords or dotted_name(call.func).rsplit(".", 1)[-1] not in ("randint", "randrange", "uniform"):
            continue
        name = text[call.func.col_offset:call.func.end_col_offset].decode("utf-8")
        if call.args and all(_pair(a) for a in call.args) and len(call.args) <= 2:
            pieces = [[ast.get_source_segment(program.source, e) for e in pair.elts] for pair in call.args]
            made = [f"{name}({a}, {b})" for a, b in pieces]
            new = made[0] if len(made) == 1 else f"({made[0]}, {made[1]})"
            return [Fix(line, line, (text[:call.col_offset] + new.encode("utf-8") + text[call.end_col_offset:]).decode("utf-8"))]
    return []


@fallback("runtime")
def _shapes(program: Program, finding: Finding) -> List[Fix]:
    """Asked for every runtime finding after its own builder: the call on its line may have the wrong shape."""
    return random_shapes(program, finding.line)


def bounds_swapped(program: Program, line: int) -> List[Fix]:
    """randrange(big, small) fails with an empty range: the smaller number goes first."""
    for call in program.calls_on_line(line):
        if len(call.args) == 2 and not call.keywords and \
                dotted_name(call.func).rsplit(".", 1)[-1] in ("randint", "randrange"):
            text = program.line(line).encode("utf-8")      # the tree's columns count bytes
            low, high = call.args
            first = text[low.col_offset:low.end_col_offset]
            second = text[high.col_offset:high.end_col_offset]
            new = text[:low.col_offset] + second + text[low.end_col_offset:high.col_offset] + first + \
                text[high.end_col_offset:]
            return [Fix(line, line, new.decode("utf-8"))]
    return []
