"""Find the most important problem in a child's program, and check a fix by running the changed copy.

Syntax first; else the program runs headless and its crash wins; else the static
pitfalls, keeping those the run confirms. A fix is offered only when the changed copy
compiles, no longer has the problem and runs. Running goes through a runner function
(source, frames, seconds, stdin_lines) -> RunResult that tests replace with a fake.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional

from kidcoder.diagnosis.checkrun import runner_beside
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, apply_fix, candidate_fixes
from kidcoder.diagnosis.gameloop import is_pygame_game
from kidcoder.diagnosis.logic import endless_loops
from kidcoder.diagnosis.registry import compile_error, diagnose_runtime, diagnose_static, diagnose_syntax
from kidcoder.runner.headless import run_source

DIAGNOSE_FRAMES, DIAGNOSE_SECONDS = 120, 4.0
CHECK_FRAMES, CHECK_SECONDS = 60, 8.0  # generous: a slow laptop must not lose a good fix
MAX_CANDIDATES = 3
# input() gets small numbers: they work as text and as int(), so a correct program does not crash.
STDIN_LINES = ["3"] * 8
# Ends that are not the child's bug: nobody could type, or the program ended itself.
BENIGN_ERRORS = ("InputNeeded", "SystemExit", "KeyboardInterrupt")

Runner = Callable[..., object]


def default_runner(source: str, frames: int, seconds: float, stdin_lines: Optional[List[str]] = None):
    """Run source headless in a temporary folder, with a clock that does not sleep."""
    return run_source(source, frames=frames, seconds=seconds, stdin_lines=stdin_lines, fast_clock=True)


def runner_for(path: Optional[str]) -> Runner:
    """The runner for a program saved at path: beside its own pictures and sounds when it has a folder."""
    return runner_beside(path) or default_runner


def real_error(run) -> Optional[dict]:
    """The run's error when it is the program's fault (not "nobody could type")."""
    error = getattr(run, "error", None)
    if not error or str(error.get("type", "")).rsplit(".", 1)[-1] in BENIGN_ERRORS:
        return None
    return error


@dataclass
class Diagnosis:
    """The chosen finding (or None) and what running the program showed."""

    finding: Optional[Finding]
    run: object = None


def diagnose(source: str, runner: Runner = default_runner, run: bool = True) -> Diagnosis:
    """Syntax first; else run the program headless and prefer its crash; else the static pitfalls,
    keeping those the run confirms."""
    finding = diagnose_syntax(source)
    if finding is not None:
        return Diagnosis(finding)
    static = diagnose_static(source)
    if not run:
        return Diagnosis(static[0] if static else None)
    result = runner(source, frames=DIAGNOSE_FRAMES, seconds=DIAGNOSE_SECONDS, stdin_lines=STDIN_LINES)
    error = real_error(result)
    if error is not None:
        cause = _cause_of(static, error)
        return Diagnosis(cause or diagnose_runtime(source, error), result)
    program = Program(source)
    drew = getattr(result, "frames", 0) > 0
    if drew:
        static = [f for f in static if f.key != "diag.no_flip"]
    if static:
        return Diagnosis(static[0], result)
    if getattr(result, "exit", "") == "timeout" and not drew:
        loops = endless_loops(program)
        if loops:
            return Diagnosis(loops[0], result)
        if is_pygame_game(program) and "no_frame" in getattr(result, "warnings", []):
            return Diagnosis(Finding("pygame", 1, None, "diag.no_frame", {"line": 1}), result)
    return Diagnosis(None, result)


def _cause_of(static: List[Finding], error: dict) -> Optional[Finding]:
    """A static slip that explains the crash (`clock = pygame.time.Clock` then clock.tick() fails):
    tell the cause, not the symptom."""
    message = str(error.get("message", ""))
    for finding in static:
        if finding.key == "diag.missing_call":
            last = str(finding.values.get("name", "")).rsplit(".", 1)[-1]
            if last and last in message:
                return finding
    return None


def runs_cleanly(result) -> bool:
    """After a fix: no error of the program's own, and it reached its frames or ended by itself.
    An "error" end here can only be a benign one, such as input() with nobody to type."""
    return real_error(result) is None and getattr(result, "exit", "") in ("ok", "error")


def check_fix(source: str, finding: Finding, fix: Fix, runner: Runner = default_runner) -> bool:
    """A fix is offered only if the changed copy compiles, no longer has this problem and runs."""
    new = apply_fix(source, fix)
    if compile_error(new) is not None:
        return False
    if finding.kind != "syntax" and any(f.key == finding.key for f in diagnose_static(new)):
        return False
    result = runner(new, frames=CHECK_FRAMES, seconds=CHECK_SECONDS, stdin_lines=STDIN_LINES)
    if finding.key == "diag.endless_loop" and getattr(result, "exit", "") == "timeout":
        return False
    return runs_cleanly(result)


def checked_fix(source: str, finding: Finding, runner: Runner = default_runner) -> Optional[Fix]:
    """The first candidate fix that passes check_fix, or None."""
    for fix in candidate_fixes(Program(source), finding)[:MAX_CANDIDATES]:
        if check_fix(source, finding, fix, runner):
            return fix
    return None
