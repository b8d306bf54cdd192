"""Safety checks for programs KidCoder writes for a child (from a template or from a model).

A generated game runs on the child's computer, so before it is shown it must
only draw, move and count: no files written, no other programs started, no
network, no tricks to reach those. The check reads the code (ast) and never
runs it. It is strict on purpose: a program it rejects is replaced by the
plain template game, which always passes.
"""
from __future__ import annotations

import ast
from typing import List, Optional

from kidcoder.diagnosis import pyparse

# Modules a small game may import (the top-level name counts: pygame.draw is pygame).
ALLOWED_MODULES = frozenset("""
    pygame math random time sys collections itertools functools dataclasses enum typing string
    colorsys statistics fractions decimal datetime copy heapq bisect re operator numbers
""".split())

# Names that run or load code, or reach the program's own machinery.
FORBIDDEN_NAMES = frozenset("""
    eval exec compile __import__ globals locals vars breakpoint memoryview
    __builtins__ __loader__ __spec__ getattr setattr delattr
""".split())

# The only things a game needs from sys.
ALLOWED_SYS_ATTRIBUTES = frozenset({"exit", "maxsize", "version", "version_info", "platform"})

# Dunder attributes that are ordinary in small programs; every other __x__ attribute is refused.
ALLOWED_DUNDERS = frozenset({"__init__", "__name__", "__doc__", "__str__", "__repr__", "__len__", "__eq__"})

_READ_MODES = frozenset({"r", "rt", "rb", "tr", "br"})


def check_code_safety(source: str) -> List[str]:
    """The reasons a program is not safe to run for a child, one short line each ([] when safe)."""
    try:
        tree = pyparse.parse(source)
    except SyntaxError as exc:
        return [f"line {exc.lineno or 0}: the program does not compile ({exc.msg})"]
    except ValueError as exc:  # for example a NUL character in the source
        return [f"line 0: the program cannot be read ({exc})"]
    checker = _Checker()
    checker.visit(tree)
    return sorted(checker.problems, key=lambda text: int(text.split(":")[0].split()[1]))


class _Checker(ast.NodeVisitor):
    """Walks the whole tree once and notes every unsafe import, name, attribute and call."""

    def __init__(self):
        self.problems: List[str] = []
        self._sys_names = set()       # names bound to the sys module ("import sys as s")
        self._image_names = set()     # names bound to pygame.image ("from pygame import image as im")

    def _problem(self, node: ast.AST, text: str) -> None:
        self.problems.append(f"line {getattr(node, 'lineno', 0)}: {text}")

    def _check_module(self, node: ast.AST, module: Optional[str]) -> None:
        top = (module or "").split(".")[0]
        if top not in ALLOWED_MODULES:
            self._problem(node, f"import of '{module}' is not allowed")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
            if alias.name == "sys":
                self._sys_names.add(alias.asname or "sys")
            if alias.name == "pygame.image" and alias.asname:
                self._image_names.add(alias.asname)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self._problem(node, "relative imports are not allowed")
        else:
            self._check_module(node, node.module)
        for alias in node.names:
            if node.module == "pygame" and alias.name == "image":
                self._image_names.add(alias.asname or "image")
            if node.module == "pygame.image" and alias.name.startswith("save"):
                self._problem(node, "saving pictures to files is not allowed")
        if (node.module or "").split(".")[0] == "sys":
            for alias in node.names:
                if alias.name not in ALLOWED_SYS_ATTRIBUTES:
                    self._problem(node, f"sys.{alias.name} is not allowed")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in FORBIDDEN_NAMES:
            self._problem(node, f"'{node.id}' is not allowed")
        elif node.id == "open":  # open passed around, not called where we can see its mode
            self._problem(node, "open() may only read files")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr = node.attr
        if attr.startswith("__") and attr.endswith("__") and attr not in ALLOWED_DUNDERS:
            self._problem(node, f"'{attr}' is not allowed")
        if isinstance(node.value, ast.Name) and node.value.id in self._sys_names | {"sys"}:
            if attr not in ALLOWED_SYS_ATTRIBUTES:
                self._problem(node, f"sys.{attr} is not allowed")
        base = _dotted(node.value)
        if attr in ("save", "save_extended") and (base.endswith("image") or base in self._image_names):
            self._problem(node, "saving pictures to files is not allowed")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id == "open":
            mode = _open_mode(node)
            if mode is None or mode not in _READ_MODES:
                self._problem(node, "open() may only read files")
            for child in list(node.args) + [keyword.value for keyword in node.keywords]:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            if name in FORBIDDEN_NAMES or name == "open":
                self._problem(node, f"'{name}' is not allowed")


def _dotted(node: ast.AST) -> str:
    """pygame.image -> "pygame.image"; anything else -> its last plain name, or ""."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return ""


def _open_mode(call: ast.Call) -> Optional[str]:
    """The mode an open() call uses when it is written as plain text, "r" when there is none, else None."""
    mode_node = call.args[1] if len(call.args) > 1 else None
    for keyword in call.keywords:
        if keyword.arg == "mode":
            mode_node = keyword.value
        elif keyword.arg is None:  # open(**options): we cannot tell
            return None
    if mode_node is None:
        return "r"
    if isinstance(mode_node, ast.Constant) and isinstance(mode_node.value, str):
        return mode_node.value
    return None
