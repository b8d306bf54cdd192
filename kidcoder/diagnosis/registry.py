"""The registry: each error family module registers its handlers here, and diagnosis asks them in turn.

Like friendly-traceback, adding an error family means adding one module to FAMILIES;
nothing else changes. Handlers are pure functions from data to a Finding (or None).
"""
from __future__ import annotations

import importlib
import warnings
from typing import Callable, Dict, List, Optional, Tuple

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis import pyparse

FAMILIES = (
    "syntax_words", "syntax_colons", "syntax_brackets", "syntax_indent", "syntax_generic",
    "runtime_names", "runtime_attributes", "runtime_types", "runtime_lookups", "runtime_files",
    "runtime_pygame", "runtime_pippy", "runtime_generic",
    "pitfalls", "logic",
)

# order, handler(program, error: SyntaxError) -> Finding|None
_syntax: List[Tuple[int, Callable]] = []
# exception type name -> [(order, handler(program, error: dict) -> Finding|None)]
_runtime: Dict[str, List[Tuple[int, Callable]]] = {}
# handler(program) -> list of Finding
_static: List[Callable] = []
_loaded = False


def syntax_rule(order: int):
    """Register a compile-error heuristic; lower order is asked first."""
    def wrap(func):
        _syntax.append((order, func))
        _syntax.sort(key=lambda item: item[0])
        return func
    return wrap


def runtime_handler(*type_names: str, order: int = 50):
    """Register a handler for runtime errors of these type names ("*" for any)."""
    def wrap(func):
        for name in type_names:
            _runtime.setdefault(name, []).append((order, func))
            _runtime[name].sort(key=lambda item: item[0])
        return func
    return wrap


def static_check(func):
    """Register a check that reads the syntax tree of a program that compiles."""
    _static.append(func)
    return func


def load_families() -> None:
    """Import every family module once, so their handlers register themselves."""
    global _loaded
    if _loaded:
        return
    for name in FAMILIES:
        importlib.import_module(f"kidcoder.diagnosis.{name}")
    _loaded = True


def compile_error(source: str) -> Optional[SyntaxError]:
    """The SyntaxError Python gives for this source, or None when it compiles."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pyparse.compile_source(source, "game.py", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return exc
    except ValueError as exc:  # e.g. a NUL character
        error = SyntaxError(str(exc))
        error.lineno, error.offset = 1, 1
        return error
    return None


def _ask(handler, *args):
    """Call one handler; a heuristic that trips over strange code is skipped, never fatal to the hint."""
    try:
        return handler(*args)
    except Exception:  # noqa: BLE001 - the next handler (at worst the generic one) still answers
        return None


def diagnose_syntax(source: str) -> Optional[Finding]:
    """A syntax finding about the child's real mistake, or None when the program compiles."""
    load_families()
    error = compile_error(source)
    if error is None:
        return None
    program = Program(source)
    for _order, rule in _syntax:
        finding = _ask(rule, program, error)
        if finding is not None:
            return finding
    return None  # syntax_generic always answers, so this is not reached


def diagnose_runtime(source: str, error: dict) -> Optional[Finding]:
    """A runtime finding from the runner's error dict {"type", "message", "line", ...}."""
    load_families()
    program = Program(source)
    type_name = str(error.get("type") or "")
    names = {type_name, type_name.rsplit(".", 1)[-1]}
    handlers = sorted((item for name in names for item in _runtime.get(name, [])), key=lambda item: item[0])
    handlers += _runtime.get("*", [])
    for _order, handler in handlers:
        finding = _ask(handler, program, error)
        if finding is not None:
            return finding
    return None


def diagnose_static(source: str) -> List[Finding]:
    """Every static pitfall and logic finding of a program that compiles, most important first."""
    load_families()
    program = Program(source)
    if program.tree is None:
        return []
    findings: List[Finding] = []
    for check in _static:
        findings.extend(_ask(check, program) or [])
    return sorted(findings, key=lambda f: (severity(f.key), f.line))


# Most important first: what stops the game from working at all comes before what makes it rough.
SEVERITY = (
    "diag.missing_call", "diag.quit_lowercase", "diag.no_events", "diag.no_quit", "diag.no_way_out",
    "diag.no_flip", "diag.frame_in_event_loop", "diag.compare_not_assign", "diag.plus_equals_typo",
    "diag.draw_after_flip", "diag.no_fill", "diag.no_tick",
)


def severity(key: str) -> int:
    return SEVERITY.index(key) if key in SEVERITY else len(SEVERITY)
