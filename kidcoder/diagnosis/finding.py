"""What a diagnosis produces: a Finding (kind, place, message key and values, never text) and the Program it read.

Keeping text out of findings lets the hint ladder choose the words (language, level)
and lets tests compare findings as plain data.
"""
from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from kidcoder.diagnosis import pyparse
from kidcoder.strenum import StrEnum


class ProblemKind(StrEnum):
    """What sort of problem a finding is (the `kind` of `kidcoder hint --json`)."""
    SYNTAX = "syntax"
    RUNTIME = "runtime"
    PYGAME = "pygame"
    LOGIC = "logic"


@dataclass(frozen=True)
class Finding:
    """One problem: a ProblemKind (given as a member or its text), a 1-based line, a key that names the texts."""

    kind: ProblemKind
    line: int
    column: Optional[int]
    key: str
    values: Dict[str, object] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "kind", ProblemKind(self.kind))   # an unknown kind fails here, not in a hint

    def as_dict(self) -> Dict[str, object]:
        return {"kind": self.kind, "line": self.line, "column": self.column, "key": self.key,
                "values": dict(self.values)}


class Program:
    """The child's source split into lines, with its syntax tree when it compiles (parsed once)."""

    def __init__(self, source: str):
        self.source = source
        self.lines: List[str] = source.splitlines()
        self._tree: Optional[ast.AST] = None
        self._parsed = False

    @property
    def tree(self) -> Optional[ast.AST]:
        if not self._parsed:
            self._parsed = True
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self._tree = pyparse.parse(self.source)
            except (SyntaxError, ValueError):
                self._tree = None
        return self._tree

    def line(self, number: int) -> str:
        """Text of a 1-based line, or "" past the end."""
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return ""

    def calls_on_line(self, number: int) -> List[ast.Call]:
        """The calls that start and end on this line (a fix can rewrite them inside the line alone)."""
        return [n for n in ast.walk(self.tree) if isinstance(n, ast.Call) and n.lineno == number == n.end_lineno] \
            if self.tree is not None else []

    def uses_pygame(self) -> bool:
        return "pygame" in self.source

    def function_at(self, line: int) -> Optional[ast.FunctionDef]:
        """The innermost function whose body holds this line (None outside functions or unparsed)."""
        best = None
        for node in ast.walk(self.tree) if self.tree is not None else ():
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.lineno <= line <= node.end_lineno:
                if best is None or node.lineno > best.lineno:
                    best = node
        return best

    def defined_names(self) -> List[str]:
        """Every name the program makes: variables, functions, classes, parameters, imports."""
        names = set()
        if self.tree is None:
            return []
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias):
                names.add((node.asname or node.name).split(".")[0])
        return sorted(names)
