"""Runtime family: values of the wrong type — text + number, int("abc"), a tuple called like a
function (a missing comma), a function given the wrong number of things, dividing by zero,
a function that never stops calling itself.
"""
from __future__ import annotations

import ast
import re
from typing import Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.crash import error_line, error_message, runtime_finding
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.str_plus_number": "type-error", "diag.number_and_text": "string-to-number",
         "diag.tuple_called": "tuples", "diag.wrong_arg_count": "parameters",
         "diag.number_from_text": "value-error", "diag.zero_division": "zero-division-error",
         "diag.recursion": "recursion-error"}

_CONCAT = re.compile(r'can only concatenate str \(not "(\w+)"\) to str')
_OPERAND = re.compile(r"unsupported operand type\(s\) for (\S+): '(\w+)' and '(\w+)'")
_LITERAL = re.compile(r"(?:invalid literal for (int|float)\(\) with base \d+|"
                      r"could not convert string to (float)): (.*)$")
_ARGS = re.compile(r"(\w+)\(\) (takes|missing) ")
_ORDER = re.compile(r"'(\S+)' not supported between instances of '(\w+)' and '(\w+)'")
NUMBER_TYPES = ("int", "float")


def _number_added_to_name(program: Program, line: int) -> bool:
    """`age + 1` on this line: the text is in a variable (often from input()) and meets a number."""
    if program.tree is None:
        return False
    for node in ast.walk(program.tree):
        if isinstance(node, ast.BinOp) and getattr(node, "lineno", 0) == line and isinstance(node.op, ast.Add):
            sides = (node.left, node.right)
            if any(isinstance(s, ast.Constant) and isinstance(s.value, (int, float)) for s in sides) and \
                    any(isinstance(s, (ast.Name, ast.Subscript, ast.Attribute)) for s in sides):
                return True
    return False


@runtime_handler("TypeError", order=40)
def type_error(program: Program, error: dict) -> Optional[Finding]:
    message = error_message(error)
    match = _CONCAT.search(message)
    if match and _number_added_to_name(program, error_line(error)):
        return runtime_finding(error, "diag.number_and_text", op="+")
    if match:
        return runtime_finding(error, "diag.str_plus_number", other=match.group(1))
    match = _OPERAND.search(message)
    if match:
        op, left, right = match.groups()
        if "str" in (left, right) and (left in NUMBER_TYPES or right in NUMBER_TYPES):
            return runtime_finding(error, "diag.number_and_text", op=op)
        return None
    match = _ORDER.search(message)
    if match and {match.group(2), match.group(3)} & {"str"} and {match.group(2), match.group(3)} & set(NUMBER_TYPES):
        return runtime_finding(error, "diag.number_and_text", op=match.group(1))
    if message.startswith("'tuple' object is not callable"):
        return runtime_finding(error, "diag.tuple_called")
    match = _ARGS.search(message)
    if match:
        return runtime_finding(error, "diag.wrong_arg_count", name=match.group(1))
    return None


@runtime_handler("ValueError", order=40)
def value_error(program: Program, error: dict) -> Optional[Finding]:
    match = _LITERAL.search(error_message(error))
    if match:
        return runtime_finding(error, "diag.number_from_text", text=match.group(3).strip()[:30],
                               function=match.group(1) or match.group(2))
    return None


@runtime_handler("ZeroDivisionError", order=40)
def zero_division(program: Program, error: dict) -> Finding:
    return runtime_finding(error, "diag.zero_division")


@runtime_handler("RecursionError", order=40)
def recursion(program: Program, error: dict) -> Finding:
    line = error_line(error)
    function = program.function_at(line)
    if function is not None:  # point at the call that repeats, not at the line that ran out of room
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function.name:
                line = node.lineno
                break
    return runtime_finding(error, "diag.recursion", line=line, function=function.name if function else "?")
