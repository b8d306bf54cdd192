"""Find the most important problem in a child's program, and check a fix by running the changed copy.

Syntax first; else the program runs headless and its crash wins; else the static
pitfalls, keeping those the run confirms. A fix is offered only when the changed copy
compiles, no longer has the problem and runs. Running goes through a runner function
(source, frames, seconds, stdin_lines) -> RunResult that tests replace with a fake.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence

from kidcoder.diagnosis.checkrun import prober_beside, runner_beside
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, apply_fix, candidate_fixes
from kidcoder.diagnosis.gameloop import is_pygame_game
from kidcoder.diagnosis.logic import endless_loops
from kidcoder.diagnosis.probed import error_of, probe_finding
from kidcoder.diagnosis.structure import shadowing_file
from kidcoder.diagnosis.registry import compile_error, diagnose_runtime, diagnose_static, diagnose_syntax
from kidcoder.diagnosis.symptoms import Symptom, behaviour, fix_cured, serious, symptoms
from kidcoder.runner.headless import run_source

DIAGNOSE_FRAMES, DIAGNOSE_SECONDS = 120, 4.0
CHECK_FRAMES, CHECK_SECONDS = 60, 8.0  # generous: a slow laptop must not lose a good fix
MAX_CANDIDATES = 3
# input() gets small numbers: they work as text and as int(), so a correct program does not crash.
STDIN_LINES = ["3"] * 8
# Ends that are not the child's bug: nobody could type, or the program ended itself.
BENIGN_ERRORS = ("InputNeeded", "SystemExit", "KeyboardInterrupt")

Runner = Callable[..., object]
Prober = Callable[[str], dict]     # source -> probe trace (runner.probe), see checkrun.prober_beside
# Remarks that matter only when the game draws new pictures by itself (a hot laptop, trails); a game
# that draws only when something happens gets them as a tip.
ONLY_WHEN_ANIMATING = ("diag.no_tick", "diag.no_fill")


def default_runner(source: str, frames: int, seconds: float, stdin_lines: Optional[List[str]] = None):
    """Run source headless in a temporary folder, with a clock that does not sleep."""
    return run_source(source, frames=frames, seconds=seconds, stdin_lines=stdin_lines, fast_clock=True)


def runner_for(path: Optional[str]) -> Runner:
    """The runner for a program saved at path: beside its own pictures and sounds when it has a folder."""
    return runner_beside(path) or default_runner


def prober_for(path: Optional[str]) -> Prober:
    """The prober for a program saved at path (beside its files), typing the same answers as the runner."""
    return prober_beside(path, STDIN_LINES)


def real_error(run) -> Optional[dict]:
    """The run's error when it is the program's fault (not "nobody could type")."""
    error = getattr(run, "error", None)
    if not error or str(error.get("type", "")).rsplit(".", 1)[-1] in BENIGN_ERRORS:
        return None
    return error


@dataclass
class Diagnosis:
    """The chosen finding (or None), what running the program showed, what the probe run saw, and a
    gentle tip (a remark that is not a problem for this game, such as no clock for a game that waits)."""

    finding: Optional[Finding]
    run: object = None
    symptoms: List[Symptom] = field(default_factory=list)
    tip: Optional[Finding] = None
    behaviour: str = "unknown"


def needs_probe(program: Program) -> bool:
    """A pygame program: only playing it shows what happens on a key, a click or closing."""
    if program.tree is None:
        return False
    for node in ast.walk(program.tree):      # import pygame, import sys, pygame, import pygame as pg, from pygame...
        if isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "pygame" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pygame":
            return True
    return False


def diagnose(source: str, runner: Runner = default_runner, run: bool = True,
             prober: Optional[Prober] = None, beside: Sequence[str] = ()) -> Diagnosis:
    """Syntax first; else play the game with the prober (when there is one) and run it headless,
    preferring a crash; else the static pitfalls, keeping those the run confirms; else what the probe
    saw. A file beside the program named like a module it imports (pygame.py, in `beside`) comes
    first. Remarks that only matter for a game that animates become a tip when the probe shows it does not."""
    finding = diagnose_syntax(source)
    if finding is not None:
        return Diagnosis(finding)
    program = Program(source)
    shadow = shadowing_file(program, beside)
    if shadow is not None:      # it works in KidCoder, and nowhere else: say so first
        return Diagnosis(shadow)
    static = diagnose_static(source)
    if not run:
        return Diagnosis(static[0] if static else None)
    seen: List[Symptom] = []
    how = "unknown"
    if prober is not None and needs_probe(program):
        trace = prober(source)
        seen, how = symptoms(trace), behaviour(trace)
        stuck = next((s for s in seen if s.kind == "stuck_start"), None)
        if stuck is not None:      # a headless run would only wait for its time limit: answer now
            return Diagnosis(probe_finding(program, seen), None, seen, None, how)
    result = runner(source, frames=DIAGNOSE_FRAMES, seconds=DIAGNOSE_SECONDS, stdin_lines=STDIN_LINES)
    error = real_error(result)
    if error is not None:
        cause = cause_of(static, error)
        return Diagnosis(cause or diagnose_runtime(source, error), result, seen, None, how)
    drew = getattr(result, "frames", 0) > 0
    if drew:
        static = [f for f in static if f.key not in ("diag.no_flip", "diag.flip_after_loop")]
    crash = next((s for s in serious(seen) if s.kind in ("crash_input", "crash_close")), None)
    if crash is not None:       # a crash the probe met on a key or on closing beats a guess from the code
        found = cause_of(static, error_of(crash)) or probe_finding(program, [crash])
        if found is not None:
            return Diagnosis(found, result, seen, None, how)
    tip = None
    if prober is not None and how != "animates":
        tips = [f for f in static if f.key in ONLY_WHEN_ANIMATING]
        static = [f for f in static if f.key not in ONLY_WHEN_ANIMATING]
        tip = tips[0] if tips else None
    if static:
        return Diagnosis(static[0], result, seen, tip, how)
    found = probe_finding(program, seen) if seen else None
    if found is not None:
        return Diagnosis(found, result, seen, tip, how)
    played_well = how in ("animates", "redraws", "waits") and not serious(seen)
    if getattr(result, "exit", "") == "timeout" and not drew and not played_well:
        loops = endless_loops(program)
        if loops:
            return Diagnosis(loops[0], result, seen, tip, how)
        if is_pygame_game(program) and "no_frame" in getattr(result, "warnings", []):
            return Diagnosis(Finding("pygame", 1, None, "diag.no_frame", {"line": 1}), result, seen, tip, how)
    return Diagnosis(None, result, seen, tip, how)


def cause_of(static: List[Finding], error: dict) -> Optional[Finding]:
    """A static slip that explains the crash (`clock = pygame.time.Clock` then clock.tick() fails):
    tell the cause, not the symptom."""
    message = str(error.get("message", ""))
    for finding in static:
        if finding.key in ("diag.init_misspelled", "diag.loop_before_call"):
            return finding      # whatever it crashes on, the object (or pygame) was never set up
        if finding.key == "diag.missing_call":
            last = str(finding.values.get("name", "")).rsplit(".", 1)[-1]
            if last and last in message:
                return finding
    return None


def runs_cleanly(result) -> bool:
    """After a fix: no error of the program's own, and it reached its frames or ended by itself.
    An "error" end here can only be a benign one, such as input() with nobody to type."""
    return real_error(result) is None and getattr(result, "exit", "") in ("ok", "error")


def check_fix(source: str, finding: Finding, fix: Fix, runner: Runner = default_runner,
              prober: Optional[Prober] = None, before: Sequence[Symptom] = ()) -> bool:
    """A fix is offered only if the changed copy compiles, no longer has this problem and runs; when the
    probe saw serious symptoms before, the probe of the changed copy must show none of them and no new one."""
    new = apply_fix(source, fix)
    if compile_error(new) is not None:
        return False
    if finding.kind != "syntax" and any(f.key == finding.key for f in diagnose_static(new)):
        return False
    if prober is not None and serious(before):
        # Played like the original: a game that waits for keys never reaches 60 frames, and
        # "it runs" could not see a window that still will not close.
        return fix_cured(before, symptoms(prober(new)))
    result = runner(new, frames=CHECK_FRAMES, seconds=CHECK_SECONDS, stdin_lines=STDIN_LINES)
    if finding.key == "diag.endless_loop" and getattr(result, "exit", "") == "timeout":
        return False
    return runs_cleanly(result)


def checked_fix(source: str, finding: Finding, runner: Runner = default_runner,
                prober: Optional[Prober] = None, before: Sequence[Symptom] = ()) -> Optional[Fix]:
    """The first candidate fix that passes check_fix, or None."""
    for fix in candidate_fixes(Program(source), finding)[:MAX_CANDIDATES]:
        if check_fix(source, finding, fix, runner, prober, before):
            return fix
    return None
