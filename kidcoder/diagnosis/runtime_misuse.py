"""Runtime family: pygame API misuse met in real children's programs, told as "did you mean ...?" at the
line instead of a generic TypeError or AttributeError: image.get.rect() for get_rect(), window.display
for pygame.display, the class Player where the sprite player was meant, a picture given to fill(),
draw.circle given a rectangle. Each handler answers only when its fix guess (fixes_api) fits the line."""
from __future__ import annotations

import re
from typing import List, Optional

from kidcoder.diagnosis.crash import error_line, error_message, runtime_finding
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.fixes_api import (MODULES, circle_as_ellipse, dot_for_underscore, module_of_window,
                                          picture_to_fill, sprite_for_class)
from kidcoder.diagnosis.registry import runtime_handler

CARDS = {"diag.dot_for_underscore": "attribute-error", "diag.module_of_window": "attribute-error",
         "diag.class_for_object": "attribute-error", "diag.fill_picture": "colours",
         "diag.circle_rect": "draw-shapes"}

_ATTRIBUTE = re.compile(r"object has no attribute '(\w+)'")
_CLASS_ATTRIBUTE = re.compile(r"(?:type object '(\w+)'|'property' object) has no attribute")


def _changed_word(old: str, new: str) -> tuple:
    """The words of old and new around their first difference (get.rect / get_rect)."""
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    left = len(re.match(r"[\w.]*", old[:start][::-1]).group(0))
    old_end = start + len(re.match(r"[\w.]*", old[start:]).group(0))
    new_end = start + len(re.match(r"[\w.]*", new[start:]).group(0))
    return old[start - left:old_end], new[start - left:new_end]


@runtime_handler("AttributeError", order=4)
def attribute_misuse(program: Program, error: dict) -> Optional[Finding]:
    line, message = error_line(error), error_message(error)
    for fix in dot_for_underscore(program, line):
        wrong, right = _changed_word(program.line(line), fix.replacement)
        return runtime_finding(error, "diag.dot_for_underscore", wrong=wrong, right=right)
    match = _ATTRIBUTE.search(message)
    if match and "Surface" in message and match.group(1) in MODULES:
        probe = Finding("runtime", line, None, "diag.attribute_error", {"line": line, "name": match.group(1)})
        for fix in module_of_window(program, probe):
            wrong, right = _changed_word(program.line(line), fix.replacement)
            return runtime_finding(error, "diag.module_of_window", wrong=wrong, right=right, name=match.group(1))
    if _CLASS_ATTRIBUTE.search(message):
        for fix in sprite_for_class(program, line):
            wrong, right = _changed_word(program.line(line), fix.replacement)
            return runtime_finding(error, "diag.class_for_object", cls=wrong, instance=right)
    return None


@runtime_handler("TypeError", "ValueError", order=4)
def argument_misuse(program: Program, error: dict) -> Optional[Finding]:
    line, message = error_line(error), error_message(error)
    if "color" in message.lower() or "colour" in message.lower() or "unable to interpret" in message:
        for fix in picture_to_fill(program, line):
            return runtime_finding(error, "diag.fill_picture", picture=fix.replacement.split("=")[-1].strip())
    if "center" in message or "pair of numbers" in message:
        if circle_as_ellipse(program, line):
            return runtime_finding(error, "diag.circle_rect")
    return None


@builds("diag.dot_for_underscore")
def _join(program: Program, finding: Finding) -> List[Fix]:
    return dot_for_underscore(program, finding.line)


@builds("diag.module_of_window")
def _pygame_module(program: Program, finding: Finding) -> List[Fix]:
    return module_of_window(program, finding)


@builds("diag.class_for_object")
def _the_sprite(program: Program, finding: Finding) -> List[Fix]:
    return sprite_for_class(program, finding.line)


@builds("diag.fill_picture")
def _picture(program: Program, finding: Finding) -> List[Fix]:
    return picture_to_fill(program, finding.line)


@builds("diag.circle_rect")
def _ellipse(program: Program, finding: Finding) -> List[Fix]:
    return circle_as_ellipse(program, finding.line)
