"""Fix builders for pygame pitfalls: add the event loop, the QUIT check, the flip, the clock tick,
the fill, a way out of the loop, and move drawing above the flip."""
from __future__ import annotations

import ast
from typing import List, Optional

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import GameLoop, called_name, dotted_name, find_game_loop
from kidcoder.diagnosis.probed import event_name, pygame_prefix


def _unit(program: Program, loop: GameLoop) -> str:
    outer = indent_of(program.line(loop.node.lineno))
    inner = indent_of(program.line(loop.node.body[0].lineno))
    return inner[len(outer):] or "    "


def _pg(program: Program) -> str:
    """How the program names pygame ("pg." after `import pygame as pg`), so added lines fit in."""
    prefix = pygame_prefix(program)
    return "pygame." if prefix is None else prefix


def _exit_lines(loop: GameLoop, inside_loop_body: bool, pg: str = "pygame.") -> List[str]:
    test = loop.node.test
    if inside_loop_body and isinstance(test, ast.Name):
        return [f"{test.id} = False"]
    return [f"{pg}quit()", "raise SystemExit"]


@builds("diag.no_events")
def _event_loop(program, finding):
    loop = find_game_loop(program)
    header = program.line(loop.node.lineno)
    body = indent_of(program.line(loop.node.body[0].lineno))
    unit = _unit(program, loop)
    pg = _pg(program)
    var = event_name(pg)
    lines = [header, f"{body}for {var} in {pg}event.get():", f"{body}{unit}if {var}.type == {pg}QUIT:"]
    lines += [f"{body}{unit}{unit}{stmt}" for stmt in _exit_lines(loop, True, pg)]
    return [Fix(loop.node.lineno, loop.node.lineno, "\n".join(lines))]


@builds("diag.no_quit")
def _quit_check(program, finding):
    loop = find_game_loop(program)
    for node in loop.walk():
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Call) and \
                dotted_name(node.iter.func).endswith("event.get") and isinstance(node.target, ast.Name):
            header = program.line(node.lineno)
            inner = indent_of(program.line(node.body[0].lineno))
            unit = _unit(program, loop)
            inside = loop.node.lineno < node.lineno <= loop.node.end_lineno
            pg = _pg(program)
            lines = [header, f"{inner}if {node.target.id}.type == {pg}QUIT:"]
            lines += [f"{inner}{unit}{stmt}" for stmt in _exit_lines(loop, inside, pg)]
            return [Fix(node.lineno, node.lineno, "\n".join(lines))]
    return []


@builds("diag.no_way_out")
def _way_out(program, finding):
    loop = find_game_loop(program)
    for node in loop.walk():
        if isinstance(node, ast.If) and "QUIT" in ast.unparse(node.test):
            inside = loop.node.lineno < node.lineno <= loop.node.end_lineno
            pg = _pg(program)
            exits = _exit_lines(loop, inside, pg)
            last = node.body[-1]
            indent = indent_of(program.line(last.lineno))
            quits = [stmt for stmt in node.body if isinstance(stmt, ast.Expr) and
                     dotted_name(getattr(stmt.value, "func", None)) == "pygame.quit"]
            if quits and len(exits) == 1:
                return [Fix(quits[0].lineno, quits[0].lineno, indent + exits[0])]
            tail = "\n".join(indent + stmt for stmt in exits if not (quits and stmt == f"{pg}quit()"))
            return [Fix(last.end_lineno, last.end_lineno, program.line(last.end_lineno) + "\n" + tail)]
    return []


def _last_statement_tick(loop: GameLoop) -> Optional[ast.stmt]:
    last = loop.node.body[-1]
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and called_name(last.value) in (
            "tick", "tick_busy_loop"):
        return last
    return None


@builds("diag.no_flip")
def _flip(program, finding):
    loop = find_game_loop(program)
    body = indent_of(program.line(loop.node.body[0].lineno))
    tick = _last_statement_tick(loop)
    if tick is not None:
        return [Fix(tick.lineno, tick.lineno, f"{body}{_pg(program)}display.flip()\n{program.line(tick.lineno)}")]
    end = loop.node.end_lineno
    return [Fix(end, end, f"{program.line(end)}\n{body}{_pg(program)}display.flip()")]


@builds("diag.no_tick")
def _tick(program, finding):
    loop = find_game_loop(program)
    body = indent_of(program.line(loop.node.body[0].lineno))
    end = loop.node.end_lineno
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                dotted_name(node.value.func).endswith("Clock") and isinstance(node.targets[0], ast.Name):
            return [Fix(end, end, f"{program.line(end)}\n{body}{node.targets[0].id}.tick(60)")]
    start = loop.node.lineno
    lines = [f"{indent_of(program.line(start))}clock = {_pg(program)}time.Clock()"] + \
        program.lines[start - 1: end] + [f"{body}clock.tick(60)"]
    return [Fix(start, end, "\n".join(lines))]


@builds("diag.no_fill")
def _fill(program, finding):
    loop = find_game_loop(program)
    target = None
    for call in loop.calls():
        if call.lineno == finding.line:
            if called_name(call) == "blit" and isinstance(call.func, ast.Attribute):
                target = ast.unparse(call.func.value)
            elif call.args:
                target = ast.unparse(call.args[0])
            break
    if not target:
        return []
    statement = None
    if loop.node.lineno <= finding.line <= loop.node.end_lineno:
        statement = next((s for s in loop.node.body if s.lineno <= finding.line <= s.end_lineno), None)
    else:
        function = program.function_at(finding.line)
        statement = function.body[0] if function else None
    if statement is None:
        return []
    text = program.line(statement.lineno)
    return [Fix(statement.lineno, statement.lineno, f"{indent_of(text)}{target}.fill((0, 0, 0))\n{text}")]


@builds("diag.draw_after_flip")
def _move_flip(program, finding):
    loop = find_game_loop(program)
    flip_line = finding.values["flip_line"]
    body = loop.node.body
    index = next(i for i, s in enumerate(body) if s.lineno == flip_line)
    if body[index].end_lineno != flip_line:
        return []
    last = index
    for i in range(index + 1, len(body)):
        calls = [n for n in ast.walk(body[i]) if isinstance(n, ast.Call)]
        if any(called_name(c) in ("blit", "fill", "blits") or ".draw." in "." + dotted_name(c.func)
               for c in calls):
            last = i
    end = body[last].end_lineno
    moved = program.lines[flip_line: end] + [program.line(flip_line)]
    return [Fix(flip_line, end, "\n".join(moved))]


@builds("diag.frame_in_event_loop")
def _out_of_event_loop(program, finding):
    """Move the flip or tick line from inside the events loop to the end of the game loop."""
    loop = find_game_loop(program)
    number, end = finding.line, loop.node.end_lineno
    if program.line(number).strip().endswith((":", "\\")) or number >= end:
        return []
    body = indent_of(program.line(loop.node.body[0].lineno))
    moved = program.lines[number: end] + [body + program.line(number).strip()]
    return [Fix(number, end, "\n".join(moved))]


@builds("diag.used_after_quit")
def _stop_after_quit(program, finding):
    """pygame.quit() inside the loop, and the loop goes on drawing: stop the program right after it."""
    text = program.line(finding.line)
    stripped = text.strip()
    if not (stripped.endswith("quit()") and "(" not in stripped[:-2] and not stripped.startswith(("if", "elif"))):
        return []
    return [Fix(finding.line, finding.line, f"{text}\n{indent_of(text)}raise SystemExit")]
