"""Pygame pitfalls, found in the syntax tree of the game loop: no events (the window freezes),
QUIT not handled, no flip (black window), no clock.tick (a hot laptop), no fill (trails),
drawing after the flip, and a loop with no way out.

Each check looks at the loop's reach (the functions it calls too), so it only speaks
when the whole frame really lacks the thing.
"""
from __future__ import annotations

import ast
from typing import List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.gameloop import GameLoop, called_name, dotted_name, find_game_loop
from kidcoder.diagnosis.registry import static_check

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.no_events": "events-quit", "diag.no_quit": "events-quit", "diag.no_way_out": "events-quit",
         "diag.no_flip": "display-flip", "diag.frame_in_event_loop": "game-loop",
         "diag.draw_after_flip": "display-flip", "diag.no_tick": "clock-fps", "diag.no_fill": "screen-fill",
         "diag.no_frame": "game-loop"}

EVENT_CALLS = ("event.get", "event.poll", "event.wait", "event.pump")
FLIP_CALLS = ("display.flip", "display.update")
# event.wait() sleeps until something happens, so a turn-based game paced by it is not racing either
PACE_CALLS = ("tick", "tick_busy_loop", "time.delay", "time.wait", "time.sleep", "sleep", "event.wait")
EXIT_CALLS = ("sys.exit", "exit", "quit", "os._exit")
DRAW_CALLS = ("blit", "blits")


def _is_draw(call: ast.Call) -> bool:
    name = dotted_name(call.func)
    return ".draw." in "." + name or name.startswith("draw.") or called_name(call) in DRAW_CALLS


def _mentions_quit(loop: GameLoop) -> bool:
    for node in loop.walk():
        if isinstance(node, ast.Attribute) and node.attr in ("QUIT", "WINDOWCLOSE"):
            return True
        if isinstance(node, ast.Name) and node.id in ("QUIT", "WINDOWCLOSE"):
            return True
    return False


def quit_compared_lowercase(loop: GameLoop) -> bool:
    for node in loop.walk():
        if isinstance(node, ast.Compare):
            parts = [node.left] + list(node.comparators)
            if any(dotted_name(part) == "pygame.quit" for part in parts):
                return True
    return False


def _own_breaks(loop: ast.While) -> bool:
    """A break that ends this loop (not only a for loop inside it)."""
    stack = list(loop.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Break):
            return True
        if isinstance(node, (ast.For, ast.While, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stack.extend(node.orelse if isinstance(node, (ast.For, ast.While)) else [])
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def has_way_out(loop: GameLoop) -> Optional[bool]:
    """True/False when we can tell whether the loop can end; None when its condition is too clever."""
    node = loop.node
    if any(dotted_name(call.func) in EXIT_CALLS for call in loop.calls()) or _own_breaks(node):
        return True
    if any(isinstance(n, (ast.Return, ast.Raise)) for n in loop.walk()):
        return True
    test = node.test
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.Constant):
        return not bool(test.value)
    if isinstance(test, ast.Name):
        return test.id in loop.stored_names()
    return None


@static_check
def game_loop_pitfalls(program: Program) -> List[Finding]:
    loop = find_game_loop(program)
    if loop is None:
        return []
    findings: List[Finding] = []
    line = loop.node.lineno
    event_calls = loop.calls_ending(*EVENT_CALLS)
    if not event_calls:
        findings.append(Finding("pygame", line, None, "diag.no_events", {"line": line}))
    elif not _mentions_quit(loop) and not quit_compared_lowercase(loop):
        first = min(call.lineno for call in event_calls)
        findings.append(Finding("pygame", first, None, "diag.no_quit", {"line": first}))
    elif has_way_out(loop) is False:
        findings.append(Finding("logic", line, None, "diag.no_way_out", {"line": line}))
    if not loop.calls_ending(*FLIP_CALLS):
        findings.append(Finding("pygame", line, None, "diag.no_flip", {"line": line}))
    else:
        findings.extend(_draw_after_flip(loop))
    findings.extend(_frame_work_in_event_loop(loop))
    if not loop.calls_ending(*PACE_CALLS):
        findings.append(Finding("pygame", line, None, "diag.no_tick", {"line": line}))
    if not _fill_put_away(program, loop):
        findings.extend(_no_fill(loop))
    return findings


def _draw_after_flip(loop: GameLoop) -> List[Finding]:
    """Drawing placed after the flip in the loop body, when the screen is filled before it."""
    body = loop.node.body
    flips = [i for i, stmt in enumerate(body) if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
             and any(dotted_name(stmt.value.func).endswith(s) for s in FLIP_CALLS)]
    if len(flips) != 1:
        return []
    index = flips[0]
    before = [n for stmt in body[:index] for n in ast.walk(stmt) if isinstance(n, ast.Call)]
    if not any(called_name(c) == "fill" for c in before):
        return []
    for stmt in body[index + 1:]:
        calls = [n for n in ast.walk(stmt) if isinstance(n, ast.Call)]
        if any(_is_draw(c) or called_name(c) == "fill" for c in calls):
            return [Finding("pygame", stmt.lineno, None, "diag.draw_after_flip",
                            {"line": stmt.lineno, "flip_line": body[index].lineno})]
    return []


def _covers_screen(loop: GameLoop) -> bool:
    """A rectangle from (0, 0) or a grid of tiles drawn each frame paints the whole screen, like fill()."""
    for node in loop.walk():
        if isinstance(node, ast.Call) and _is_draw(node) and called_name(node) == "rect" and len(node.args) >= 3:
            area = node.args[2]
            if isinstance(area, (ast.Tuple, ast.List)) and len(area.elts) == 4 and all(
                    isinstance(e, ast.Constant) and e.value == 0 for e in area.elts[:2]):
                return True
        if isinstance(node, ast.For):
            inner = [n for stmt in node.body for n in ast.walk(stmt)]
            if any(isinstance(n, ast.For) for n in inner) and any(
                    isinstance(n, ast.Call) and _is_draw(n) for n in inner):
                return True
    return False


def _fill_put_away(program: Program, loop: GameLoop) -> bool:
    """`# screen.fill(BLACK)` in the loop: the child turned the fill off on purpose (trails as an effect)."""
    end = loop.node.end_lineno or loop.node.lineno
    return any(line.lstrip().startswith("#") and ".fill(" in line
               for line in program.lines[loop.node.lineno - 1:end])


def _no_fill(loop: GameLoop) -> List[Finding]:
    """Moving drawings with nothing painting the whole screen each frame leave trails."""
    calls = loop.calls()
    if any(called_name(c) == "fill" for c in calls):
        return []
    changing = loop.moved_names()
    if _covers_screen(loop):
        return []
    for call in calls:
        if called_name(call) == "blit" and len(call.args) >= 2:
            position, picture = call.args[1], call.args[0]
            if isinstance(position, (ast.Tuple, ast.List)) and all(
                    isinstance(e, ast.Constant) and e.value == 0 for e in position.elts):
                return []  # a background picture at (0, 0)
            if any(w in dotted_name(picture).lower() for w in ("back", "bg", "fondo", "sky", "cielo")):
                return []
    for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
        if not _is_draw(call):
            continue
        args = call.args[2:] if ".draw." in "." + dotted_name(call.func) else call.args[1:]
        used = {n.id for a in args for n in ast.walk(a) if isinstance(n, ast.Name)}
        used |= {n.attr for a in args for n in ast.walk(a) if isinstance(n, ast.Attribute)}
        if used & changing:
            return [Finding("pygame", call.lineno, None, "diag.no_fill", {"line": call.lineno})]
    return []


def _changes_outside(loop: ast.While, events: ast.For) -> bool:
    """Something in the loop changes by itself, outside the event loop (x += 1, rect.move_ip(...))."""
    inside = {id(n) for n in ast.walk(events)}
    for node in ast.walk(loop):
        if id(node) in inside or node is loop.test:
            continue
        if isinstance(node, (ast.AugAssign, ast.Assign)):
            return True
        if isinstance(node, ast.Call) and called_name(node) in ("move_ip", "update", "append", "move"):
            return True
    return False


def _frame_work_in_event_loop(loop: GameLoop) -> List[Finding]:
    """flip() or tick() inside `for event in pygame.event.get()`: it only runs when an event comes,
    so the picture freezes whenever nobody touches the keys."""
    for node in ast.walk(loop.node):
        if not (isinstance(node, ast.For) and isinstance(node.iter, ast.Call)
                and dotted_name(node.iter.func).endswith("event.get")):
            continue
        if not _changes_outside(loop.node, node):
            return []      # nothing moves by itself: drawing only when an event comes is right
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and (any(dotted_name(inner.func).endswith(s) for s in FLIP_CALLS)
                                                or called_name(inner) in ("tick", "tick_busy_loop")):
                what = dotted_name(inner.func) + "()"
                return [Finding("pygame", inner.lineno, None, "diag.frame_in_event_loop",
                                {"line": inner.lineno, "what": what, "for_line": node.lineno})]
    return []
