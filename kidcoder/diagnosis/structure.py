"""Structure slips that make a game end at once or show nothing: the game loop sits in a function
that nothing calls, the display is updated only after the loop, a program with no game loop.

Static checks on the syntax tree; the probe run confirms the ones that only show when the game
runs (diagnosis.probed).
"""
from __future__ import annotations

import ast
import re
from typing import Iterable, List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.gameloop import PYGAME_WORDS, dotted_name, find_game_loop
from kidcoder.diagnosis.registry import static_check

CARDS = {"diag.loop_never_called": "functions", "diag.flip_after_loop": "display-flip",
         "diag.fill_after_draw": "screen-fill", "diag.draw_before_loop": "game-loop"}
FLIP_NAMES = ("display.flip", "display.update")


def last_code_line(program: Program) -> int:
    """The last line that is not blank (where a missing game loop would go)."""
    for number in range(len(program.lines), 0, -1):
        if program.lines[number - 1].strip():
            return number
    return 1


def _used_names(tree: ast.AST) -> set:
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used.add(node.value)      # threading.Thread(target="..."), getattr(...): say nothing
    return used


def _does_pygame_work(loop: ast.While) -> bool:
    return any(isinstance(n, ast.Call) and any(w in dotted_name(n.func) for w in PYGAME_WORDS) for n in ast.walk(loop))


def loop_never_called(program: Program) -> Optional[Finding]:
    """A module-level function that holds a game loop but that nothing calls: the program ends at once."""
    tree = program.tree
    if tree is None or not program.uses_pygame():
        return None
    used = _used_names(tree)
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.name in used:
            continue
        if any(isinstance(n, ast.While) and _does_pygame_work(n) for n in ast.walk(node)):
            return Finding("logic", node.lineno, None, "diag.loop_never_called",
                           {"line": node.lineno, "name": node.name})
    return None


def flip_after_loop(program: Program) -> Optional[Finding]:
    """The game loop never updates the display, but a flip()/update() comes right after the loop
    (it was meant to be indented into it)."""
    loop = find_game_loop(program)
    if loop is None or loop.calls_ending(*FLIP_NAMES):
        return None
    end = loop.node.end_lineno or loop.node.lineno
    for node in ast.walk(program.tree):
        if isinstance(node, ast.expr) and getattr(node, "lineno", 0) > end and \
                dotted_name(node).endswith(FLIP_NAMES):
            return Finding("pygame", node.lineno, None, "diag.flip_after_loop",
                           {"line": node.lineno, "loop_line": loop.node.lineno})
    return None


SHADOWING = ("pygame.py", "random.py", "math.py", "time.py")


def shadowing_file(program: Program, beside: Iterable[str]) -> Optional[Finding]:
    """A file named like a module the program imports (pygame.py) sits beside it: everywhere but in
    KidCoder, `import pygame` would load that file instead of pygame."""
    names = set(beside)
    for node in ast.walk(program.tree) if program.tree is not None else ():
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                top = module.split(".")[0]
                if top + ".py" in names and top + ".py" in SHADOWING:
                    return Finding("runtime", node.lineno, None, "diag.shadowing_file",
                                   {"line": node.lineno, "file": top + ".py", "module": top})
    return None


INIT_SLIPS = ("_init_", "__int__", "__init", "init__", "_init__", "__init_", "__innit__", "__intit__", "__inti__",
              "init", "__Init__")


def init_misspelled(program: Program) -> Optional[Finding]:
    """A class whose set-up method is not spelled __init__ (def _init_, def __int__): Python never
    calls it, so the object has none of the things it should make."""
    for node in ast.walk(program.tree):
        if not isinstance(node, ast.ClassDef):
            continue
        methods = [n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        if any(m.name == "__init__" for m in methods):
            continue
        for method in methods:
            if method.name in INIT_SLIPS and method.args.args and method.args.args[0].arg == "self":
                return Finding("runtime", method.lineno, None, "diag.init_misspelled",
                               {"line": method.lineno, "name": method.name, "cls": node.name})
    return None


@static_check
def structure_slips(program: Program) -> List[Finding]:
    found = (loop_never_called(program), flip_after_loop(program), init_misspelled(program),
             fill_after_draw(program), draw_before_loop(program))
    return [f for f in found if f is not None]


@builds("diag.init_misspelled")
def _spell_init(program: Program, finding: Finding) -> List[Fix]:
    text = program.line(finding.line)
    name = str(finding.values["name"])
    text = re.sub(r"def\s+" + re.escape(name) + r"\s+\(", f"def {name}(", text, count=1)   # `def _init_ (self)`
    if f"def {name}(" not in text:
        return []
    here = [Fix(finding.line, finding.line, text.replace(f"def {name}(", "def __init__(", 1))]
    # Sprite._init_(self) a line further on, and the other classes' `def _init_`, are the same slip:
    # mend every call and every definition of that name too.
    define = re.compile(r"def\s+" + re.escape(name) + r"\s*\(\s*self\b")
    others = [n for n, line in enumerate(program.lines, 1)
              if n != finding.line and (f".{name}(" in line or define.search(line))]
    if not others:
        return here
    first, last = min(others + [finding.line]), max(others + [finding.line])
    lines = [re.sub(r"def\s+" + re.escape(name) + r"\s*\(", "def __init__(", program.line(n), count=1).replace(f".{name}(", ".__init__(")
             for n in range(first, last + 1)]
    return [Fix(first, last, "\n".join(lines))] + here


@builds("diag.loop_never_called")
def _call_it(program: Program, finding: Finding) -> List[Fix]:
    last = last_code_line(program)
    return [Fix(last, last, program.line(last) + "\n\n" + str(finding.values["name"]) + "()")]


@builds("diag.flip_after_loop")
def _indent_into_loop(program: Program, finding: Finding) -> List[Fix]:
    """Move the lines from the flip up to the end of its block into the loop, indented like its body."""
    loop = find_game_loop(program)
    line = finding.line
    text = program.line(line)
    body_indent = program.line(loop.node.body[-1].lineno)
    indent = body_indent[: len(body_indent) - len(body_indent.lstrip())]
    own = text[: len(text) - len(text.lstrip())]
    block = [line]
    number = line + 1
    while number <= len(program.lines):       # what follows at the same indent (clock.tick(60))
        nxt = program.line(number)
        if not nxt.strip() or not nxt.startswith(own) or nxt[len(own):len(own) + 1].isspace():
            break
        if any(word in nxt for word in ("quit", "exit")):
            break
        block.append(number)
        number += 1
    moved = "\n".join(indent + program.line(n)[len(own):] for n in block)
    end = loop.node.end_lineno
    if not all(not program.line(n).strip() for n in range(end + 1, line)):
        return []      # other code sits between the loop and the flip: moving it is the child's choice
    return [Fix(end, block[-1], program.line(end) + "\n" + moved)]


def _surface_drawn(stmt: ast.stmt) -> Optional[str]:
    """The surface a statement draws on (screen for screen.blit(...) or pygame.draw.rect(screen, ...))."""
    for node in ast.walk(stmt):
        if not isinstance(node, ast.Call):
            continue
        name = dotted_name(node.func)
        if name.endswith((".blit", ".blits")) and isinstance(node.func, ast.Attribute):
            return dotted_name(node.func.value)
        if ".draw." in "." + name and name.split(".")[-2] == "draw" and node.args:
            return dotted_name(node.args[0])
    return None


def _blit_of(stmt: ast.stmt) -> Optional[str]:
    """What a one-call statement `surface.blit(picture, ...)` blits (as ast.dump), else None."""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and stmt.value.args and \
            dotted_name(stmt.value.func).endswith(".blit"):
        return ast.dump(stmt.value.args[0])
    return None


def fill_after_draw(program: Program) -> Optional[Finding]:
    """screen.fill() after the drawing of the same frame, before the flip: it paints over everything."""
    loop = find_game_loop(program)
    if loop is None:
        return None
    drawn = {}
    for stmt in loop.node.body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            name = dotted_name(stmt.value.func)
            if name.endswith(FLIP_NAMES):
                return None
            if name.endswith(".fill") and isinstance(stmt.value.func, ast.Attribute):
                surface = dotted_name(stmt.value.func.value)
                if surface in drawn:
                    return Finding("pygame", stmt.lineno, None, "diag.fill_after_draw",
                                   {"line": stmt.lineno, "draw_line": drawn[surface]})
                continue
        surface = _surface_drawn(stmt)
        if surface:
            drawn.setdefault(surface, stmt.lineno)
    return None


@builds("diag.fill_after_draw")
def _fill_first(program: Program, finding: Finding) -> List[Fix]:
    """Move the fill line up, just before the first drawing (same block, same indent)."""
    first, fill = int(finding.values["draw_line"]), finding.line
    lines = [program.line(n) for n in range(first, fill + 1)]
    return [Fix(first, fill, "\n".join([lines[-1]] + lines[:-1]))]


def draw_before_loop(program: Program) -> Optional[Finding]:
    """The game loop fills the screen every frame but draws nothing on it; the drawing was done once,
    before the loop, so the fill wipes it away at once."""
    loop = find_game_loop(program)
    if loop is None:
        return None
    fills = [c for c in loop.calls() if dotted_name(c.func).endswith(".fill") and isinstance(c.func, ast.Attribute)]
    if not fills:
        return None
    surface = dotted_name(fills[0].func.value)
    draws = any(_surface_drawn(node) == surface for node in loop.walk() if isinstance(node, ast.stmt))
    every_frame = any(isinstance(stmt, ast.Expr) and stmt.value is fills[0] for stmt in loop.node.body)
    if draws and not every_frame:
        return None
    blitted = {ast.dump(node.args[0]) for node in loop.walk()
               if isinstance(node, ast.Call) and dotted_name(node.func).endswith(".blit") and node.args}
    for stmt in program.tree.body:
        if stmt.lineno >= loop.node.lineno:
            break
        if _surface_drawn(stmt) == surface and (not draws or _blit_of(stmt) not in blitted | {None}):
            return Finding("pygame", stmt.lineno, None, "diag.draw_before_loop",
                           {"line": stmt.lineno, "loop_line": loop.node.lineno, "fill_line": fills[0].lineno})
    return None
