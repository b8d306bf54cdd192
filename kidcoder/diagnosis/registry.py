"""The registry: each error family module registers its handlers here, and diagnosis asks them in turn.

Like friendly-traceback, adding an error family means adding one module to this package
(and its texts to the catalogs); nothing else changes. load_families() imports every
module of the package, so the family's decorated handlers and fix builders register
themselves and its CARDS dict (finding key -> knowledge card id) joins the others.
Handlers are pure functions from data to a Finding (or None).
"""
from __future__ import annotations

import importlib
import pkgutil
import threading
import warnings
from typing import Callable, Dict, List, Optional, Tuple

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis import pyparse

# order, handler(program, error: SyntaxError) -> Finding|None
_syntax: List[Tuple[int, Callable]] = []
# exception type name -> [(order, handler(program, error: dict) -> Finding|None)]
_runtime: Dict[str, List[Tuple[int, Callable]]] = {}
# handler(program) -> list of Finding
_static: List[Callable] = []
# finding key -> knowledge card id, from the CARDS dict of each family module
_cards: Dict[str, str] = {}
_loaded = False
_load_lock = threading.Lock()


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


def family_modules() -> List[str]:
    """The full names of the package's modules, found on its path (a new file is found with no edit)."""
    package = importlib.import_module(__package__)
    return sorted(f"{__package__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)
                  if not info.name.startswith("_"))


def load_families() -> None:
    """Import every module of the package once, so the families' handlers and builders register."""
    global _loaded
    with _load_lock:
        if _loaded:
            return
        for name in family_modules():
            module = importlib.import_module(name)
            for key, card in (getattr(module, "CARDS", None) or {}).items():
                if _cards.get(key, card) != card:
                    raise ValueError(f"{name} gives {key} the card {card}, another family gives {_cards[key]}")
                _cards[key] = card
        _loaded = True


def finding_cards() -> Dict[str, str]:
    """finding key -> knowledge card id, as the families declare them (one shared dict)."""
    load_families()
    return _cards


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
    "diag.loop_never_called", "diag.missing_call", "diag.quit_lowercase", "diag.no_events", "diag.no_quit",
    "diag.no_way_out", "diag.set_mode_in_loop", "diag.flip_after_loop", "diag.fill_after_draw", "diag.draw_before_loop", "diag.no_flip",
    "diag.frame_in_event_loop",
    "diag.compare_not_assign", "diag.plus_equals_typo", "diag.draw_after_flip", "diag.no_fill", "diag.no_tick",
)


def severity(key: str) -> int:
    return SEVERITY.index(key) if key in SEVERITY else len(SEVERITY)
