"""The hint ladder: find the most important problem in a child's program, say it at level 1
(a nudge), 2 (an explanation with a knowledge card) or 3 (the fix), and offer a fix only
after checking it on a copy.

hint_for_program() is the `kidcoder hint --json` contract. Diagnosis and text are pure;
running the program goes through a runner function that tests can replace.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional

from kidcoder.diagnosis import Finding, Program, diagnose_runtime, diagnose_static, diagnose_syntax
from kidcoder.diagnosis.gameloop import is_pygame_game
from kidcoder.diagnosis.logic import endless_loops
from kidcoder.diagnosis.registry import compile_error, finding_cards
from kidcoder.diagnosis.fixes import Fix, apply_fix, candidate_fixes
from kidcoder.i18n import tr

DIAGNOSE_FRAMES, DIAGNOSE_SECONDS = 120, 4.0
CHECK_FRAMES, CHECK_SECONDS = 60, 8.0  # generous: a slow laptop must not lose a good fix
MAX_CANDIDATES = 3
# input() gets small numbers: they work as text and as int(), so a correct program does not crash.
STDIN_LINES = ["3"] * 8
# Ends that are not the child's bug: nobody could type, or the program ended itself.
BENIGN_ERRORS = ("InputNeeded", "SystemExit", "KeyboardInterrupt")

# finding key -> knowledge card id, declared by each family module (a missing card is fine)
CARDS = finding_cards()
EXAMPLE_MAX_LINES = 12

Runner = Callable[..., object]


def default_runner(source: str, frames: int, seconds: float, stdin_lines: Optional[List[str]] = None):
    from kidcoder.runner.headless import run_source

    return run_source(source, frames=frames, seconds=seconds, stdin_lines=stdin_lines, fast_clock=True)


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


def diagnose(source: str, runner: Optional[Runner] = None, run: bool = True) -> Diagnosis:
    """Syntax first; else run the program headless and prefer its crash; else the static pitfalls,
    keeping those the run confirms."""
    finding = diagnose_syntax(source)
    if finding is not None:
        return Diagnosis(finding)
    static = diagnose_static(source)
    if not run:
        return Diagnosis(static[0] if static else None)
    result = (runner or default_runner)(source, frames=DIAGNOSE_FRAMES, seconds=DIAGNOSE_SECONDS,
                                        stdin_lines=STDIN_LINES)
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


def check_fix(source: str, finding: Finding, fix: Fix, runner: Optional[Runner] = None) -> bool:
    """A fix is offered only if the changed copy compiles, no longer has this problem and runs."""
    new = apply_fix(source, fix)
    if compile_error(new) is not None:
        return False
    if finding.kind != "syntax" and any(f.key == finding.key for f in diagnose_static(new)):
        return False
    result = (runner or default_runner)(new, frames=CHECK_FRAMES, seconds=CHECK_SECONDS, stdin_lines=STDIN_LINES)
    if finding.key == "diag.endless_loop" and getattr(result, "exit", "") == "timeout":
        return False
    return runs_cleanly(result)


def checked_fix(source: str, finding: Finding, runner: Optional[Runner] = None) -> Optional[Fix]:
    """The first candidate fix that passes check_fix, or None."""
    for fix in candidate_fixes(Program(source), finding)[:MAX_CANDIDATES]:
        if check_fix(source, finding, fix, runner):
            return fix
    return None


def _card(finding: Finding, lang: str):
    card_id = CARDS.get(finding.key)
    if not card_id:
        return None
    try:
        from kidcoder.knowledge.cards import cards_by_id

        return cards_by_id(lang).get(card_id)
    except Exception:  # a broken or missing card set must never hide the hint
        return None


def say(key: str, lang: str, values: Optional[dict] = None) -> str:
    """tr() with the finding's values filled in (values may use names tr() keeps for itself, like key)."""
    text = tr(key, lang=lang)
    try:
        return text.format(**(values or {}))
    except (KeyError, IndexError, ValueError):
        return text


def hint_text(finding: Finding, level: int, lang: str, card=None, fix: Optional[Fix] = None) -> str:
    """The words for one level of the ladder (pure: the card and fix are passed in)."""
    values = dict(finding.values)
    values.setdefault("line", finding.line)
    if level <= 1:
        return say(finding.key + ".nudge", lang, values)
    if level == 2:
        parts = [say(finding.key + ".explain", lang, values)]
        if card is not None:
            parts.append(tr("diag.ladder.card", lang=lang, title=card.title))
            code = (card.code or "").strip("\n")
            if code and code.count("\n") < EXAMPLE_MAX_LINES:
                parts.append(tr("diag.ladder.example", lang=lang) + "\n" + code)
        return "\n\n".join(parts)
    after = tr("diag.ladder.fix_checked" if fix is not None else "diag.ladder.fix_none", lang=lang)
    return say(finding.key + ".fix", lang, values) + " " + after


def _enrich(finding: Finding, source: str, text: str, level: int, lang: str, card,
            error: Optional[dict] = None) -> Optional[dict]:
    """Ask the optional model to say the hint better; None keeps the rules' words."""
    try:
        from kidcoder.model.service import enrich_once

        lines = source.splitlines()
        excerpt = "\n".join(lines[max(0, finding.line - 4): finding.line + 2])
        facts_finding = finding.as_dict()
        if error:
            facts_finding.update(type=error.get("type"), message=error.get("message"))
        cards = [{"id": card.id, "title": card.title, "body": card.body, "code": card.code}] if card else []
        facts = {"source_excerpt": excerpt, "finding": facts_finding, "rules_hint": text, "level": level,
                 "cards": cards}
        answer = enrich_once("hint", facts, lang)
    except Exception:  # no model, no service, or a model that failed: the rules' hint stands
        return None
    if isinstance(answer, dict) and str(answer.get("text") or "").strip():
        return answer
    return None


def hint_for_program(source: str, path=None, level: int = 1, lang: str = "en", use_model: bool = False,
                     runner: Optional[Runner] = None, run: bool = True, check_fix: bool = True) -> Dict[str, object]:
    """`kidcoder hint --json`: ok, problem, hint (at `level`), a checked fix or None, sources, model.

    run=False and check_fix=False give the instant answer (no child process) that the app
    can show first; the CLI always runs and checks.
    """
    lang = lang if lang in ("en", "es") else "en"
    if runner is None and run:
        from kidcoder.diagnosis.checkrun import runner_beside

        runner = runner_beside(path)
    found = diagnose(source, runner=runner, run=run)
    finding = found.finding
    if finding is None:
        return {"ok": True, "problem": None, "hint": tr("diag.ladder.ok", lang=lang), "fix": None, "sources": [],
                "model": None}
    fix = checked_fix(source, finding, runner) if check_fix else None
    card = _card(finding, lang)
    text = hint_text(finding, level, lang, card, fix)
    model = None
    if use_model:
        answer = _enrich(finding, source, text, level, lang, card, real_error(found.run))
        if answer is not None:
            text, model = str(answer["text"]), answer.get("model")
    message = hint_text(finding, 1, lang)
    return {
        "ok": False,
        "problem": {"kind": finding.kind, "line": finding.line, "column": finding.column, "message": message},
        "hint": text,
        "fix": fix.as_dict() if fix is not None else None,
        "sources": [{"id": card.id, "title": card.title}] if card is not None else [],
        "model": model,
    }
