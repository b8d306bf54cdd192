"""Runtime family: AttributeError — a misspelled pygame name (pygame.display.set_mod,
pygame.KEYDOWNN, pygame.draw.rectangle), a typo in a method, or a value that is None.

The real names come from a frozen list (pygame_names.py), so the assistant never imports pygame.
"""
from __future__ import annotations

import difflib
import importlib
import re
from typing import List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.pygame_names import NAMES
from kidcoder.diagnosis.crash import error_message, runtime_finding
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.attribute_suggest": "attribute-error", "diag.attribute_error": "attribute-error",
         "diag.attribute_none": "function-return"}

_MODULE = re.compile(r"module '([\w.]+)' has no attribute '(\w+)'")
_OBJECT = re.compile(r"'([\w.]+)' object has no attribute '(\w+)'")
# Words children reach for that pygame spells differently.
ALIASES = {"rectangle": "rect", "square": "rect", "oval": "ellipse", "triangle": "polygon",
           "color": "Color", "refresh": "flip", "show": "flip", "update_screen": "flip",
           "setmode": "set_mode", "setcaption": "set_caption", "caption": "set_caption",
           "collide": "colliderect", "collision": "colliderect", "draw_text": "render",
           "fps": "tick", "wait": "tick", "keys": "get_pressed", "pressed": "get_pressed"}
SAFE_MODULES = ("random", "math", "time", "string")
BUILTIN_TYPES = {"str": str, "list": list, "dict": dict, "int": int, "float": float, "tuple": tuple}


def suggest(name: str, choices: List[str]) -> Optional[str]:
    alias = ALIASES.get(name.lower())
    if alias and alias in choices:
        return alias
    for choice in choices:
        if choice.lower() == name.lower():
            return choice
    matches = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _module_names(module: str) -> List[str]:
    if module in NAMES:
        return NAMES[module]
    if module in SAFE_MODULES:
        return [n for n in dir(importlib.import_module(module)) if not n.startswith("_")]
    return []


def _object_names(type_name: str) -> List[str]:
    short = type_name.rsplit(".", 1)[-1]
    if short in NAMES:
        return NAMES[short]
    if short in BUILTIN_TYPES:
        return [n for n in dir(BUILTIN_TYPES[short]) if not n.startswith("_")]
    return []


@runtime_handler("AttributeError", order=10)
def attribute_error(program: Program, error: dict) -> Optional[Finding]:
    message = error_message(error)
    match = _MODULE.search(message)
    if match:
        thing, name = match.groups()
        choices = _module_names(thing)
    else:
        match = _OBJECT.search(message)
        if not match:
            return None
        type_name, name = match.groups()
        thing, choices = type_name.rsplit(".", 1)[-1], _object_names(type_name)
        if type_name == "NoneType":
            return runtime_finding(error, "diag.attribute_none", thing=thing, name=name)
    suggestion = suggest(name, choices)
    if suggestion:
        return runtime_finding(error, "diag.attribute_suggest", thing=thing, name=name, suggestion=suggestion)
    return runtime_finding(error, "diag.attribute_error", thing=thing, name=name)
