"""Findings from what the probe run saw (diagnosis.symptoms): a crash on a key or on closing, a game
stuck at a line, a window that will not close, a game that ends at once, no window at all.

Pure: a Program and its symptoms in, a Finding out (None when the probe saw nothing serious). A crash
goes to the runtime families, so it is explained like any crash; a stuck loop or an ending is told
at the line the probe found, or at the line of the structure that explains it (the `while` that
should be an `if`, the function with the game loop that nothing calls, the end of a program that
has no game loop).
"""
from __future__ import annotations

import ast
import re
from typing import Iterable, List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import dotted_name, find_game_loop, is_pygame_game
from kidcoder.diagnosis.crash import runtime_finding
from kidcoder.diagnosis.registry import diagnose_runtime, runtime_handler
from kidcoder.diagnosis.game_over import game_over_finding
from kidcoder.diagnosis.structure import last_code_line, loop_never_called
from kidcoder.diagnosis.symptoms import Symptom

CARDS = {"diag.event_part_outside": "events-quit", "diag.probe_stuck": "game-loop", "diag.while_event": "events-quit",
         "diag.probe_cannot_close": "events-quit", "diag.no_game_loop": "game-loop",
         "diag.probe_no_window": "game-loop"}

# Most serious first: a crash a child will meet, then a game that stops answering, then the rest.
ORDER = ("crash_start", "crash_input", "crash_close", "stuck_start", "stuck_input", "cannot_close",
         "ends_at_once", "no_window", "no_event_reads", "no_frames", "ends_by_itself")
# A program that means to be a game (not a snippet that only prints): it ending at once is the bug.
GAME_WORDS = ("sprite.Sprite", "image.load", "display.set_mode")


def error_of(symptom: Symptom) -> dict:
    """The runner-style error dict of a crash symptom."""
    kind, _, message = symptom.detail.partition(": ")
    return {"type": kind, "message": message, "line": symptom.line}


def _innermost_while(program: Program, line: int) -> Optional[ast.While]:
    best = None
    for node in ast.walk(program.tree):
        if isinstance(node, ast.While) and node.lineno <= line <= (node.end_lineno or node.lineno):
            if best is None or node.lineno > best.lineno:
                best = node
    return best


def _reads_event(test: ast.AST) -> bool:
    return any(isinstance(n, (ast.Attribute, ast.Name)) and dotted_name(n).split(".")[0] in ("event", "e", "ev", "evt")
               or (isinstance(n, ast.Attribute) and n.attr in ("type", "key")) for n in ast.walk(test))


def _caller_loop(program: Program, line: int, game) -> Optional[ast.While]:
    """The game is stuck in a function (line 43 of collision()): the `while`, other than the game
    loop, that keeps calling that function and reads no events."""
    func = program.function_at(line) if program.tree is not None else None
    if func is None:
        return None
    for node in ast.walk(program.tree):
        if not isinstance(node, ast.While) or (game is not None and node is game.node) or \
                func.lineno <= node.lineno <= (func.end_lineno or func.lineno):
            continue
        calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
        if any(dotted_name(c.func).rsplit(".", 1)[-1] == func.name for c in calls) and \
                not any(dotted_name(c.func).endswith(("event.get", "event.poll", "event.wait")) for c in calls):
            return node
    return None


def stuck_finding(program: Program, symptom: Symptom) -> Finding:
    """A game that stops drawing and reading events: the `while` it is stuck in (an `if` meant as a
    `while` when it tests the event), else the line it was running."""
    line = symptom.line or 1
    loop = _innermost_while(program, line) if program.tree is not None else None
    game = find_game_loop(program)
    if loop is None or (game is not None and loop is game.node):
        loop = _caller_loop(program, line, game) or loop
    if loop is not None and (game is None or loop is not game.node):
        if _reads_event(loop.test):
            return Finding("logic", loop.lineno, None, "diag.while_event", {"line": loop.lineno})
        line = loop.lineno
    elif loop is not None:
        line = loop.lineno
    return Finding("logic", line, None, "diag.probe_stuck", {"line": line})


def close_finding(program: Program, symptom: Symptom) -> Finding:
    """The window ignores the close button: point at the loop reading events where it was waiting."""
    line = symptom.line or 1
    loop = _innermost_while(program, line) if program.tree is not None else None
    if loop is not None:
        line = loop.lineno
    return Finding("pygame", line, None, "diag.probe_cannot_close", {"line": line})


def init_line(program: Program) -> int:
    """The line of pygame.init() (where the window should be made next), else 1."""
    for node in ast.walk(program.tree) if program.tree is not None else ():
        if isinstance(node, ast.Call) and dotted_name(node.func).endswith("init") and "." in dotted_name(node.func):
            return node.lineno
    return 1


def ending_finding(program: Program) -> Finding:
    """The game ends as soon as it starts: the game loop is in a function nobody calls, or there is none."""
    uncalled = loop_never_called(program) or game_over_finding(program)
    if uncalled is not None:
        return uncalled
    line = last_code_line(program)
    return Finding("pygame", line, None, "diag.no_game_loop", {"line": line})


def probe_finding(program: Program, found: Iterable[Symptom]) -> Optional[Finding]:
    """The finding for the most serious symptom the probe saw, or None."""
    ranked: List[Symptom] = sorted((s for s in found if s.kind in ORDER), key=lambda s: ORDER.index(s.kind))
    for symptom in ranked:
        kind = symptom.kind
        if kind.startswith("crash"):
            finding = diagnose_runtime(program.source, error_of(symptom))
            if finding is not None:
                return finding
        elif kind.startswith("stuck"):
            return stuck_finding(program, symptom)
        elif kind == "cannot_close":
            return close_finding(program, symptom)
        elif kind == "ends_at_once" and (loop_never_called(program) or is_pygame_game(program)
                                         or any(word in program.source for word in GAME_WORDS)):
            return ending_finding(program)     # a window opened and closed (not a program that only prints)
        elif kind == "ends_by_itself" and game_over_finding(program) is not None:
            return game_over_finding(program)     # the player lost, and the window closed before they could see it
        elif kind == "no_window":
            line = init_line(program)
            return Finding("pygame", line, None, "diag.probe_no_window", {"line": line})
    return None


@builds("diag.while_event")
def _while_to_if(program: Program, finding: Finding) -> List[Fix]:
    text = program.line(finding.line)
    stripped = text.lstrip()
    if not stripped.startswith("while "):
        return []
    return [Fix(finding.line, finding.line, text[: len(text) - len(stripped)] + "if " + stripped[len("while "):])]


# What only some events have: reading it from every event crashes on the first other one.
EVENT_PARTS = {"key": "KEYDOWN", "unicode": "KEYDOWN", "scancode": "KEYDOWN", "mod": "KEYDOWN",
               "button": "MOUSEBUTTONDOWN", "pos": "MOUSEBUTTONDOWN", "rel": "MOUSEMOTION", "buttons": "MOUSEMOTION"}
_EVENT_PART = re.compile(r"'(?:pygame\.event\.)?Event' object has no attribute '(\w+)'")


@runtime_handler("AttributeError", order=5)
def event_part_outside_branch(program: Program, error: dict) -> Optional[Finding]:
    """event.key read for every event (outside `if event.type == pygame.KEYDOWN:`): the first mouse
    move or other event has no key, and the game crashes."""
    match = _EVENT_PART.search(str(error.get("message", "")))
    if not match or match.group(1) not in EVENT_PARTS:
        return None
    return runtime_finding(error, "diag.event_part_outside", part=match.group(1), event=EVENT_PARTS[match.group(1)])


def event_name(prefix: str) -> str:
    """The loop variable for added event loops: not `event` after `from pygame import *`, where event
    is pygame's module (for event in event.get() would hide it)."""
    return "e" if prefix == "" else "event"


def pygame_prefix(program: Program) -> Optional[str]:
    """How the program names pygame's things: "pygame." or "pg." (import pygame as pg), "" after
    `from pygame import *`; None when it cannot tell."""
    nodes = list(ast.walk(program.tree)) if program.tree is not None else []
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "pygame":
                    return (alias.asname or "pygame") + "."
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module == "pygame" and any(a.name == "*" for a in node.names):
            return ""
    return None


@builds("diag.probe_cannot_close")
def _quit_in_waiting_loop(program: Program, finding: Finding) -> List[Fix]:
    """In the loop that ignores the close button, add a QUIT check under its `for event in ...:`."""
    prefix = pygame_prefix(program)
    loop = _innermost_while(program, finding.line)
    if prefix is None or loop is None:
        return []
    for node in ast.walk(loop):
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Call) and \
                dotted_name(node.iter.func).endswith(("event.get", "event.wait")) and isinstance(node.target, ast.Name):
            text = program.line(node.lineno)
            body = program.line(node.body[0].lineno)
            indent = body[: len(body) - len(body.lstrip())]
            var = node.target.id
            return [Fix(node.lineno, node.lineno, f"{text}\n{indent}if {var}.type == {prefix}QUIT:\n"
                                                   f"{indent}    raise SystemExit")]
    return []


@builds("diag.no_game_loop")
def _add_game_loop(program: Program, finding: Finding) -> List[Fix]:
    """A plain game loop at the end: it keeps the window open, shows the drawing, and closes."""
    prefix = pygame_prefix(program)
    if prefix is None or not is_pygame_game(program):
        return []
    last = finding.line
    var = event_name(prefix)
    loop = (f"running = True\nwhile running:\n    for {var} in {prefix}event.get():\n"
            f"        if {var}.type == {prefix}QUIT:\n            running = False\n"
            f"    {prefix}display.flip()\n    {prefix}time.Clock().tick(30)\n{prefix}quit()")
    return [Fix(last, last, program.line(last) + "\n\n" + loop)]
