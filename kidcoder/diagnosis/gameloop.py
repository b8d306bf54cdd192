"""Finding a pygame program's game loop and everything it runs each frame (its "reach").

The pitfall and logic checks ask questions about the loop ("does it ever flip?"), and the
answer must include functions the loop calls (draw(), handle_events()), or a tidy
program would be told it forgot something it did.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Set

from kidcoder.diagnosis.finding import Program

PYGAME_WORDS = ("pygame", "screen", "display", "draw", "blit", "fill", "flip", "event")


def dotted_name(node) -> str:
    """pygame.display.flip for that expression, "" when it is not a plain dotted name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    if isinstance(node, ast.Call):
        inner = dotted_name(node.func)
        return ".".join([inner + "()"] + list(reversed(parts))) if inner else ""
    return ""


def pygame_spellings(tree: Optional[ast.AST], dotted: str) -> Set[str]:
    """How this program writes a pygame function: pygame.quit, pg.quit (import pygame as pg), or
    quit (from pygame import *)."""
    rest = dotted.split(".", 1)[1] if "." in dotted else dotted
    names = {dotted}
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Import):
            names.update(f"{a.asname}.{rest}" for a in node.names if a.name == "pygame" and a.asname)
        elif isinstance(node, ast.ImportFrom) and node.module == "pygame":
            for alias in node.names:
                if alias.name == "*":
                    names.add(rest)
                elif rest.split(".")[0] == alias.name:
                    names.add((alias.asname or alias.name) + rest[len(alias.name):])
    return names


def called_name(call: ast.Call) -> str:
    """The last part of what a call calls: flip for pygame.display.flip()."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def functions(tree: ast.AST) -> Dict[str, List[ast.AST]]:
    """Every def in the program (methods too), by name."""
    found: Dict[str, List[ast.AST]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.setdefault(node.name, []).append(node)
    return found


@dataclass
class GameLoop:
    """The main `while` loop of a game and the function bodies it reaches."""

    node: ast.While
    reach: List[ast.AST] = field(default_factory=list)

    def walk(self) -> Iterator[ast.AST]:
        for root in self.reach:
            yield from ast.walk(root)

    def calls(self) -> List[ast.Call]:
        return [node for node in self.walk() if isinstance(node, ast.Call)]

    def calls_ending(self, *suffixes: str) -> List[ast.Call]:
        result = []
        for call in self.calls():
            name = dotted_name(call.func)
            if any(name == s or name.endswith("." + s) for s in suffixes):
                result.append(call)
        return result

    def moved_names(self) -> Set[str]:
        """Names the loop changes step by step from their own value (x += 5, x = x + speed,
        rect.move_ip(...)): what moves, not what is picked anew each frame (a random dot)."""
        names = set()
        for node in self.walk():
            if isinstance(node, ast.AugAssign):
                names.add(_last_name(node.target))
            elif isinstance(node, ast.Assign):
                used = {_last_name(n) for n in ast.walk(node.value) if isinstance(n, (ast.Name, ast.Attribute))}
                names.update(t for t in map(_last_name, node.targets) if t in used)
            elif isinstance(node, ast.Call) and called_name(node) in ("move_ip", "update", "move"):
                names.update(_call_bases(node))
        names.discard("")
        return names

    def stored_names(self) -> Set[str]:
        names = set()
        for node in self.walk():
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Call) and called_name(node) in ("move_ip", "update", "append", "move"):
                names.update(_call_bases(node))
        return names


def _call_bases(call: ast.Call) -> Set[str]:
    """The names a method call changes: player and rect for player.rect.move_ip(...)."""
    names = set()
    base = call.func.value if isinstance(call.func, ast.Attribute) else None
    while isinstance(base, ast.Attribute):
        names.add(base.attr)
        base = base.value
    if isinstance(base, ast.Name):
        names.add(base.id)
    return names


def _last_name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def reach_of(loop: ast.While, defs: Dict[str, List[ast.AST]]) -> List[ast.AST]:
    """The loop plus every function it calls by name, followed a few levels deep."""
    reach: List[ast.AST] = [loop]
    seen: Set[str] = set()
    frontier = [loop]
    for _depth in range(4):
        new = []
        for root in frontier:
            for node in ast.walk(root):
                if isinstance(node, ast.Call):
                    name = called_name(node)
                    if name in defs and name not in seen:
                        seen.add(name)
                        new.extend(defs[name])
        reach.extend(new)
        frontier = new
        if not new:
            break
    return reach


def is_pygame_game(program: Program) -> bool:
    return program.tree is not None and "pygame" in program.source and "set_mode" in program.source


def find_game_loop(program: Program) -> Optional[GameLoop]:
    """The outermost while loop that does the most pygame work, or None for a program without one."""
    if not is_pygame_game(program):
        return None
    defs = functions(program.tree)
    best, best_score = None, 0
    for node in ast.walk(program.tree):
        if not isinstance(node, ast.While):
            continue
        loop = GameLoop(node, reach_of(node, defs))
        score = sum(1 for call in loop.calls() if any(w in dotted_name(call.func) for w in PYGAME_WORDS))
        span = node.end_lineno - node.lineno
        if score > best_score or (score == best_score and best is not None and score and
                                  span > best.node.end_lineno - best.node.lineno):
            best, best_score = loop, score
    return best
