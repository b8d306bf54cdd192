"""Fix chaining: real programs often have a second bug behind the first, so the fixed copy crashes a
few lines further on and the one-step fix is refused. Here the helper mends the first problem,
plays the changed copy, diagnoses what it shows next, mends that too (a few rounds, within a time
budget), and offers the whole change only when the final copy's probe shows no serious symptom at all.

The checked-fix contract holds: a chained fix is offered only after the probe run of the final
program showed it cured (diagnosis.symptoms.fix_cured). The combined change is one Fix over the
lines between the first and the last changed line; `mends` names the child's lines it changes.
"""
from __future__ import annotations

import difflib
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from kidcoder.diagnosis.diagnose import Prober, Runner, cause_of, checked_fix, default_runner, diagnose
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, apply_fix, candidate_fixes
from kidcoder.diagnosis.fixes_repair import by_progress
from kidcoder.diagnosis.probed import error_of, probe_finding
from kidcoder.diagnosis.registry import compile_error, diagnose_static, diagnose_syntax
from kidcoder.diagnosis.symptoms import Symptom, fix_cured, serious, symptoms

ROUNDS = 6               # mends after the first one (the budget bounds the time)
SYNTAX_ROUNDS = 10       # syntax mends on the way (cheap: Python's compiler checks them, not a probe run)
NEXT_CANDIDATES = 2      # candidates tried for each later problem
BUDGET_SECONDS = 20.0    # the chain gives up after this long (a slow laptop keeps the one-step answer)
CRASHES = ("crash_start", "crash_input", "crash_close")


@dataclass(frozen=True)
class ChainedFix(Fix):
    """A checked fix made of several mends: `mends` are the first lines of the child's program it changes."""

    mends: Tuple[int, ...] = ()


def combined_fix(source: str, final: str) -> Optional[ChainedFix]:
    """One Fix that turns source into final (the lines between the first and last change, at least
    one line of the child's), or None when they are the same."""
    old, new = source.splitlines(), final.splitlines()
    if old == new:
        return None
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    if prefix in (len(old) - suffix, len(new) - suffix):   # only added or only removed lines: take a neighbour
        if prefix > 0:
            prefix -= 1
        else:
            suffix -= 1
    start, end = prefix + 1, len(old) - suffix
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    mends = tuple(sorted({max(1, min(i1 + 1, len(old))) for tag, i1, _i2, _j1, _j2 in blocks if tag != "equal"}))
    return ChainedFix(start, end, "\n".join(new[prefix:len(new) - suffix]), mends)


class _Memo:
    """A prober that plays each source once (the chain looks at the same copy twice)."""

    def __init__(self, prober: Prober):
        self.prober = prober
        self.seen: Dict[str, List[Symptom]] = {}
        self.traces: Dict[str, dict] = {}

    def __call__(self, source: str) -> dict:
        if source not in self.traces:
            self.traces[source] = self.prober(source)
        return self.traces[source]

    def symptoms(self, source: str) -> List[Symptom]:
        if source not in self.seen:
            self.seen[source] = symptoms(self(source))
        return self.seen[source]


def _next_finding(source: str, after: List[Symptom], runner: Runner, memo: _Memo) -> Optional[Finding]:
    """What to mend next in a changed copy: the crash the probe met when there is a fix to try for it,
    else the full diagnosis (it finds the cause of a crash too: `def _init_` behind a missing attribute)."""
    crash = next((s for s in serious(after) if s.kind in CRASHES), None)
    if crash is not None:
        cause = cause_of(diagnose_static(source), error_of(crash))
        if cause is not None:       # `def _init_`: the crash is only where it shows
            return cause
        found = probe_finding(Program(source), [crash])
        if found is not None and candidate_fixes(Program(source), found):
            return found
    return diagnose(source, runner=runner, prober=memo).finding


def _mended(source: str, finding: Finding, fix: Fix) -> Optional[str]:
    """The source with fix applied, when it no longer has the finding (a later syntax slip may be
    left: the next round mends it)."""
    new = apply_fix(source, fix)
    if finding.kind == "syntax":
        after = diagnose_syntax(new)
        return None if after is not None and after.line <= finding.line and after.key == finding.key else new
    if compile_error(new) is not None:
        return None
    if any(f.key == finding.key and f.line == finding.line for f in diagnose_static(new)):
        return None
    return new


def _follow(original: str, before: Sequence[Symptom], current: str, seen: set, rounds: int,
            runner: Runner, memo: _Memo, deadline: float, syntax_rounds: int = SYNTAX_ROUNDS) -> Optional[str]:
    """The final source of a chain that starts at `current` (already changed once), or None. A syntax
    slip on the way costs a syntax round (its one best repair, sorted by the compiler), not a round."""
    finding = diagnose_syntax(current)
    if finding is None:
        after = memo.symptoms(current)
        if not serious(after):
            return current if fix_cured(before, after) else None
    if (syntax_rounds if finding is not None else rounds) <= 0 or time.monotonic() > deadline:
        return None
    if finding is None:
        finding = _next_finding(current, after, runner, memo)
    mark = (finding.key, finding.line, current.count("\n")) if finding is not None else None
    if mark is None or mark in seen:
        return None
    fixes = candidate_fixes(Program(current), finding)
    is_syntax = finding.kind == "syntax"
    fixes = by_progress(current, finding, fixes)[:1] if is_syntax else fixes[:NEXT_CANDIDATES]
    for fix in fixes:
        if time.monotonic() > deadline:
            return None
        new = _mended(current, finding, fix)
        if new is None or new in memo.traces:
            continue
        final = _follow(original, before, new, seen | {mark}, rounds - (not is_syntax), runner, memo, deadline,
                        syntax_rounds - is_syntax)
        if final is not None:
            return final
    return None


def chained_fix(source: str, finding: Finding, runner: Runner = default_runner,
                prober: Optional[Prober] = None, before: Sequence[Symptom] = (),
                rounds: int = ROUNDS, budget: float = BUDGET_SECONDS) -> Optional[Fix]:
    """The checked one-step fix when there is one; else, for a game the probe saw broken, a chain of
    mends whose final program the probe shows cured (a ChainedFix), or None."""
    if prober is None:
        return checked_fix(source, finding, runner, prober, before)
    memo, deadline = _Memo(prober), time.monotonic() + budget
    if finding.kind == "syntax" and not serious(before):
        # It cannot start at all: the fixed copy is played like a game, so a copy that still closes
        # at once or freezes is not "fixed".
        before = [Symptom("crash_start", "start", finding.line, "SyntaxError")]
    fix = checked_fix(source, finding, runner, memo, before)
    if fix is not None or not serious(before) or rounds <= 0:
        return fix
    memo.seen[source] = list(before)
    candidates = candidate_fixes(Program(source), finding)
    if finding.kind == "syntax":     # the compiler sorts them: the copies that read furthest first
        candidates = by_progress(source, finding, candidates)
    for candidate in candidates[:3]:
        if time.monotonic() > deadline:
            break
        new = _mended(source, finding, candidate)
        if new is None:
            continue
        final = _follow(source, before, new, {(finding.key, finding.line, source.count("\n"))}, rounds,
                        runner, memo, deadline)
        if final is not None:
            return combined_fix(source, final)
    return None
