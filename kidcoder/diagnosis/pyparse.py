"""Python's parser behind one lock.

CPython 3.11's ast.parse()/compile() can fail with "SystemError: AST constructor
recursion depth mismatch" when two threads parse at once (a known CPython bug);
the window's workers and the checks' thread pools do parse at once, so every
parse in the assistant goes through here.
"""
from __future__ import annotations

import ast
import threading

_LOCK = threading.Lock()


def parse(source: str, filename: str = "<unknown>") -> ast.AST:
    """ast.parse, one thread at a time."""
    with _LOCK:
        return ast.parse(source, filename)


def compile_source(source: str, filename: str = "game.py", mode: str = "exec", **options):
    """compile(), one thread at a time."""
    with _LOCK:
        return compile(source, filename, mode, **options)


def literal_eval(text: str):
    """ast.literal_eval of a text (it parses, so it takes the same lock)."""
    with _LOCK:
        return ast.literal_eval(text)
