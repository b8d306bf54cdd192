"""Runtime family: pygame's own complaints — something used before pygame.init() or after
pygame.quit(), a colour that is not three numbers from 0 to 255, a rectangle that is not
four numbers.
"""
from __future__ import annotations

import ast
import re
from typing import Optional

from kidcoder.diagnosis.crash import error_line, error_message, runtime_finding
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.gameloop import dotted_name, pygame_spellings
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.pygame_not_init": "pygame-init", "diag.used_after_quit": "events-quit",
         "diag.bad_colour": "colours", "diag.bad_colour_name": "colours", "diag.bad_rect": "draw-shapes",
         "diag.bad_position": "draw-shapes", "diag.needs_tuple": "window-set-mode",
         "diag.render_number": "text-score", "diag.missing_argument": "parameters"}


def calls(program: Program, dotted: str) -> bool:
    """True when the program calls this dotted function, e.g. "pygame.init"."""
    if program.tree is None:
        return dotted + "(" in program.source
    spellings = pygame_spellings(program.tree, dotted)
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Call) and dotted_name(node.func) in spellings:
            return True
    return False


_MISSING_ARGUMENT = re.compile(r"^function missing required argument '(\w+)'")


def quit_in_loop(program: Program) -> Optional[int]:
    """The line of a pygame.quit() call inside a loop: the usual reason pygame is used after quitting."""
    if program.tree is None:
        return None
    spellings = pygame_spellings(program.tree, "pygame.quit")
    for loop in ast.walk(program.tree):
        if isinstance(loop, (ast.While, ast.For)):
            for node in ast.walk(loop):
                if isinstance(node, ast.Call) and dotted_name(node.func) in spellings:
                    return node.lineno
    return None


@runtime_handler("error", "pygame.error", order=20)
def not_initialised(program: Program, error: dict) -> Optional[Finding]:
    message = error_message(error)
    if "video system not initialized" in message or "display Surface quit" in message \
            or "Surface is not initialized" in message:
        quit_line = quit_in_loop(program)
        if quit_line is not None or calls(program, "pygame.init") or calls(program, "pygame.display.init"):
            return runtime_finding(error, "diag.used_after_quit", line=quit_line or error_line(error))
        return runtime_finding(error, "diag.pygame_not_init", part="display")
    for part in ("font", "mixer"):
        if f"{part} not initialized" in message or f"{part} system not initialized" in message:
            return runtime_finding(error, "diag.pygame_not_init", part=part)
    return None


# pygame's complaint about an argument (its message starts with one of these) -> finding key
_BAD_ARGUMENTS = (
    (("rect argument is invalid", "Argument must be rect style object", "Invalid rect"), "diag.bad_rect"),
    (("invalid destination position",), "diag.bad_position"),
    (("size must be two numbers", "invalid rectstyle object"), "diag.needs_tuple"),
    (("text must be a unicode or bytes",), "diag.render_number"),
)


@runtime_handler("ValueError", "TypeError", order=20)
def bad_arguments(program: Program, error: dict) -> Optional[Finding]:
    message = error_message(error)
    if message.startswith("invalid color"):
        return runtime_finding(error, "diag.bad_colour_name" if "name" in message else "diag.bad_colour")
    if "must be a pair of numbers" in message:
        return runtime_finding(error, "diag.bad_position")
    if message.startswith("'int' object is not iterable") and \
            any(word in program.line(error_line(error)) for word in ("set_mode(", ".fill(")):
        return runtime_finding(error, "diag.needs_tuple")
    for starts, key in _BAD_ARGUMENTS:
        if message.startswith(starts):
            return runtime_finding(error, key)
    match = _MISSING_ARGUMENT.search(message)
    if match:
        return runtime_finding(error, "diag.missing_argument", argument=match.group(1))
    return None
