"""Runtime family: looking things up — an index past the end of a list, a key a dict does not have.

For a KeyError we suggest the closest key written in the program itself.
"""
from __future__ import annotations

import ast
import difflib
import re
from typing import List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.crash import error_message, runtime_finding
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.index_error": "index-error", "diag.key_error": "key-error",
         "diag.key_error_suggest": "key-error"}

_INDEX = re.compile(r"(\w+) index out of range")


def string_keys(program: Program) -> List[str]:
    """Text keys the program puts in dicts: {"apple": 1} and d["apple"] = 1."""
    keys = set()
    if program.tree is None:
        return []
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Dict):
            keys.update(k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str))
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                keys.add(node.slice.value)
    return sorted(keys)


@runtime_handler("IndexError", order=40)
def index_error(program: Program, error: dict) -> Finding:
    match = _INDEX.search(error_message(error))
    return runtime_finding(error, "diag.index_error", what=match.group(1) if match else "list")


@runtime_handler("KeyError", order=40)
def key_error(program: Program, error: dict) -> Optional[Finding]:
    key = error_message(error).strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        key = key[1:-1]
    matches = difflib.get_close_matches(key, [k for k in string_keys(program) if k != key], n=1, cutoff=0.6)
    if matches:
        return runtime_finding(error, "diag.key_error_suggest", key=key, suggestion=matches[0])
    return runtime_finding(error, "diag.key_error", key=key)
