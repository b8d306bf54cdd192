"""A stand-in for a picture that is not there: `image.load("ship.png")` becomes a bright square of
the same size, so the game runs and the child sees where the picture goes until they add the file.
A sound that is not there (`mixer.Sound("boom.wav")`) becomes a silent one the same way.

Only a load whose file the game cannot find is changed (the finding says which line), and only when
`Surface` can be named the same way the load was (`pygame.image.load` -> `pygame.Surface`,
`image.load` after `from pygame import *` -> `Surface`). The size is the one the program scales the
picture to, else 50 by 50.
"""
from __future__ import annotations

import ast
import re
from typing import List, Optional, Tuple

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import Fix
from kidcoder.diagnosis.gameloop import dotted_name

SIZE = "(50, 50)"
SILENT = "(buffer=bytes(64))"
COLOUR = "(255, 0, 255)"


def _surface_name(program: Program, func: ast.expr) -> Optional[str]:
    """How this program names pygame's Surface, seen from how it named image.load."""
    if not (isinstance(func, ast.Attribute) and func.attr == "load"):
        return None
    owner = func.value
    if isinstance(owner, ast.Attribute) and owner.attr == "image" and isinstance(owner.value, ast.Name):
        return f"{owner.value.id}.Surface"
    if isinstance(owner, ast.Name) and owner.id == "image" and \
            re.search(r"^\s*from\s+pygame\s+import\s+\*", program.source, re.M):
        return "Surface"
    return None


def _loads_on_line(program: Program, number: int) -> List[Tuple[ast.Call, Optional[ast.Call], str]]:
    """(load call, the scale call around it or None, Surface's name) for each picture load on this line."""
    calls = [n for n in ast.walk(program.tree) if isinstance(n, ast.Call) and n.lineno == number]
    scales = {id(n.args[0]): n for n in calls if len(n.args) >= 2 and
              getattr(n.func, "attr", getattr(n.func, "id", "")) in ("scale", "smoothscale")}
    found = []
    for node in calls:
        name = _surface_name(program, node.func)
        if name and node.end_lineno == number:
            found.append((node, scales.get(id(node)), name))
    return found


def _fill_line(program: Program, number: int) -> Optional[str]:
    """`target.fill(bright)` for a one-line `target = ...load...` statement (a black square would not show)."""
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign) and node.lineno == number == node.end_lineno and len(node.targets) == 1 \
                and isinstance(node.targets[0], (ast.Name, ast.Attribute)):
            target = ast.get_source_segment(program.source, node.targets[0])
            if target:
                return f"{indent_of(program.line(number))}{target}.fill({COLOUR})"
    return None


def placeholder_fixes(program: Program, number: int) -> List[Fix]:
    """The line with each picture load on it made a bright square of the right size (one Fix), or []."""
    if program.tree is None:
        return []
    loads = _loads_on_line(program, number)
    if not loads:
        return []
    text = program.line(number).encode("utf-8")      # the tree's columns count bytes
    for load, scale, name in sorted(loads, key=lambda item: -item[0].col_offset):
        size = ast.get_source_segment(program.source, scale.args[1]) if scale is not None else None
        if size is None or "\n" in size:
            size = SIZE
        text = text[:load.col_offset] + f"{name}({size})".encode("utf-8") + text[load.end_col_offset:]
    text = text.decode("utf-8")
    fill = _fill_line(program, number)
    return [Fix(number, number, text if fill is None else f"{text}\n{fill}")]


def silent_sound_fixes(program: Program, number: int) -> List[Fix]:
    """The line with each `mixer.Sound("file")` on it made a silent sound (one Fix), or []."""
    sounds = [n for n in program.calls_on_line(number) if isinstance(n.func, ast.Attribute) and
              n.func.attr == "Sound" and dotted_name(n.func.value).endswith("mixer") and n.args]
    text = program.line(number).encode("utf-8")      # the tree's columns count bytes
    for call in sorted(sounds, key=lambda n: -n.col_offset):
        head = text[call.col_offset:call.func.end_col_offset]
        text = text[:call.col_offset] + head + SILENT.encode("utf-8") + text[call.end_col_offset:]
    return [Fix(number, number, text.decode("utf-8"))] if sounds else []
