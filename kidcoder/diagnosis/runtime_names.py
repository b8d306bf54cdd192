"""Runtime family: names — NameError (a typo, a missing import, true for True, QUIT without
`pygame.`) and UnboundLocalError (a variable changed inside a function without `global`).

"Did you mean" comes from the names in the child's own program, so the suggestion
is always something they wrote.
"""
from __future__ import annotations

import ast
import builtins
import difflib
import re
from typing import Optional

from kidcoder.diagnosis.crash import error_line, message_part, runtime_finding
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.pygame_names import NAMES
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.name_no_import": "modules-import", "diag.name_keyword": "booleans-and-or",
         "diag.name_pygame_constant": "name-error", "diag.name_before_assign": "variables",
         "diag.name_error": "name-error", "diag.name_unknown": "name-error",
         "diag.missing_quotes": "strings", "diag.unbound_local": "unbound-local-error",
         "diag.module_name": "modules-import", "diag.module_missing": "modules-import"}

_NAME = re.compile(r"name '([^']+)' is not defined")
_LOCAL = re.compile(r"(?:local variable '([^']+)' referenced before assignment|"
                    r"cannot access local variable '([^']+)')")
MODULES = ("pygame", "random", "math", "time", "sys", "os")
CONSTANTS = ("True", "False", "None")
BUILTINS = sorted(name for name in dir(builtins) if not name.startswith("_") and name.islower())


def close_name(name: str, choices, cutoff: float = 0.75) -> Optional[str]:
    """The closest real name, comparing without case first (Score vs score)."""
    for choice in choices:
        if choice.lower() == name.lower() and choice != name:
            return choice
    matches = difflib.get_close_matches(name, [c for c in choices if c != name], n=1, cutoff=cutoff)
    return matches[0] if matches else None


@runtime_handler("NameError", order=10)
def name_error(program: Program, error: dict) -> Optional[Finding]:
    name = message_part(error, _NAME)
    if name is None:
        return None
    if name in MODULES:
        return runtime_finding(error, "diag.name_no_import", name=name, module=name)
    constant = close_name(name, CONSTANTS, cutoff=0.7)
    if constant:
        return runtime_finding(error, "diag.name_keyword", name=name, suggestion=constant)
    defined = program.defined_names()
    if name in NAMES["pygame"] and name not in defined:
        return runtime_finding(error, "diag.name_pygame_constant", name=name, suggestion=f"pygame.{name}")
    if name in defined:
        return runtime_finding(error, "diag.name_before_assign", name=name)
    suggestion = close_name(name, defined + BUILTINS + star_names(program))
    if suggestion:
        return runtime_finding(error, "diag.name_error", name=name, suggestion=suggestion)
    if _shown_as_text(program, error_line(error), name):
        return runtime_finding(error, "diag.missing_quotes", name=name)
    return runtime_finding(error, "diag.name_unknown", name=name)


def star_names(program: Program) -> list:
    """pygame's names when the program takes them all (`from pygame import *`: sprite, K_UP, QUIT)."""
    if re.search(r"^\s*from\s+pygame(\.locals)?\s+import\s+\*", program.source, re.M):
        return list(NAMES["pygame"])
    return []


def _shown_as_text(program: Program, line: int, name: str) -> bool:
    """print(Hello): an unknown name given straight to print() or render() was probably meant as text."""
    if program.tree is None:
        return False
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Call) and node.lineno == line:
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called in ("print", "render", "input", "set_caption") and any(
                    isinstance(arg, ast.Name) and arg.id == name for arg in node.args):
                return True
    return False


@runtime_handler("UnboundLocalError", order=10)
def unbound_local(program: Program, error: dict) -> Optional[Finding]:
    name = message_part(error, _LOCAL)
    if name is None:
        return None
    function = program.function_at(error_line(error))
    return runtime_finding(error, "diag.unbound_local", name=name, function=function.name if function else "?")


_MODULE = re.compile(r"No module named '([\w.]+)'")


@runtime_handler("ModuleNotFoundError", order=10)
def module_not_found(program: Program, error: dict) -> Optional[Finding]:
    name = message_part(error, _MODULE)
    if name is None:
        return None
    suggestion = close_name(name, MODULES, cutoff=0.6)
    if suggestion:
        return runtime_finding(error, "diag.module_name", name=name, suggestion=suggestion)
    return runtime_finding(error, "diag.module_missing", name=name)
