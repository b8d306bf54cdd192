"""Candidate fixes: for a Finding, a few small replacements of a line range that may repair it.

Each builder is a pure function (program, finding) -> list of Fix, registered by finding key
with @builds in any module of the package (fixes_syntax, fixes_runtime, fixes_pygame, or the
family's own module); registry.load_families() imports them all. The hint ladder checks every
candidate (it compiles, the problem is gone, the program runs) before offering one, so a
builder may guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import load_families


@dataclass(frozen=True)
class Fix:
    """Replace lines start_line..end_line (1-based, inclusive) with replacement (no final newline)."""

    start_line: int
    end_line: int
    replacement: str

    def as_dict(self) -> dict:
        return {"start_line": self.start_line, "end_line": self.end_line, "replacement": self.replacement}


def apply_fix(source: str, fix: Fix) -> str:
    lines = source.splitlines()
    new = lines[: fix.start_line - 1] + fix.replacement.split("\n") + lines[fix.end_line:]
    return "\n".join(new) + "\n"


BUILDERS: Dict[str, Callable[[Program, Finding], List[Fix]]] = {}
# finding kind -> builder asked after the key's own builder (its guesses come last)
FALLBACKS: Dict[str, Callable[[Program, Finding], List[Fix]]] = {}


def builds(*keys: str):
    """Register a fix builder for these finding keys (one builder per key)."""
    def wrap(func):
        for key in keys:
            if key in BUILDERS and BUILDERS[key].__qualname__ != func.__qualname__:
                raise ValueError(f"two fix builders for {key}: {BUILDERS[key].__module__} and {func.__module__}")
            BUILDERS[key] = func
        return func
    return wrap


def fallback(kind: str):
    """Register the builder asked for every finding of this kind after the key's own builder."""
    def wrap(func):
        FALLBACKS[kind] = func
        return func
    return wrap


def candidate_fixes(program: Program, finding: Finding) -> List[Fix]:
    """Every candidate for this finding, best guess first; [] when there is no safe guess."""
    load_families()
    fixes: List[Fix] = []
    for builder in (BUILDERS.get(finding.key), FALLBACKS.get(finding.kind)):
        if builder is None:
            continue
        try:
            fixes += builder(program, finding)
        except (ValueError, IndexError, AttributeError, TypeError, SyntaxError):
            continue
    seen, result = set(), []
    for fix in fixes:
        if fix is not None and fix not in seen and fix.replacement != "\n".join(
                program.lines[fix.start_line - 1: fix.end_line]):
            seen.add(fix)
            result.append(fix)
    return result


def one_line(program: Program, number: int, text: Optional[str]) -> List[Fix]:
    """A one-line fix, or [] when there is no new text."""
    return [Fix(number, number, text)] if text is not None and 1 <= number <= len(program.lines) else []


def lines_fix(program: Program, changed: Dict[int, str]) -> List[Fix]:
    """One Fix over the lines from the first to the last changed one ({line number: new text}), or []."""
    if not changed:
        return []
    first, last = min(changed), max(changed)
    return [Fix(first, last, "\n".join(changed.get(n, program.line(n)) for n in range(first, last + 1)))]
