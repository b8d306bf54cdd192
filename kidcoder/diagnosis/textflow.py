"""Logic family: what input() gives is text, so `answer == 5` is never true (the branch never runs).

A tiny type flow: names set straight from input() (and not turned into numbers with int() or
float() later) that are compared with == or != to a number. Python says nothing; the game just
never reacts. The fix wraps the input() in int() where the name is made.
"""
from __future__ import annotations

import ast
from typing import Dict, List

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import dotted_name
from kidcoder.diagnosis.registry import static_check

CARDS = {"diag.input_is_text": "string-to-number"}


def _text_names(tree: ast.AST) -> Dict[str, int]:
    """name -> line where it is set from input(), for names never set from anything else."""
    made: Dict[str, int] = {}
    other = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            value = node.value
            if isinstance(value, ast.Call) and dotted_name(value.func) == "input":
                made.setdefault(name, node.lineno)
            else:
                other.add(name)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
            other.add(node.target.id)
    return {name: line for name, line in made.items() if name not in other}


def _is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool)


@static_check
def text_compared_with_number(program: Program) -> List[Finding]:
    texts = _text_names(program.tree)
    if not texts:
        return []
    for node in ast.walk(program.tree):
        if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq))):
            continue
        left, right = node.left, node.comparators[0]
        for name_side, other in ((left, right), (right, left)):
            if isinstance(name_side, ast.Name) and name_side.id in texts and _is_number(other):
                return [Finding("logic", node.lineno, None, "diag.input_is_text",
                                {"line": node.lineno, "name": name_side.id, "input_line": texts[name_side.id],
                                 "number": ast.unparse(other)})]
    return []


@builds("diag.input_is_text")
def _make_number(program: Program, finding: Finding) -> List[Fix]:
    number = int(finding.values["input_line"])
    text = program.line(number)
    start = text.find("input(")
    if start < 0 or text.count("input(") != 1:
        return []
    depth, end = 0, None
    for index in range(start + len("input"), len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            end = index
            break
    if end is None:
        return []
    kind = "float" if "." in str(finding.values.get("number", "")) else "int"
    return [Fix(number, number, text[:start] + f"{kind}(" + text[start:end + 1] + ")" + text[end + 1:])]
