"""Runtime family: Pippy programs that need what KidCoder cannot give a game.

Pippy's physics examples import its Box2D wrapper (pippy.physics), and its camera
and GTK examples import `gi` (Sugar's toolkit for windows, sound and the camera).
Both stop at the import line; these handlers say why, instead of "check the spelling".
"""
from __future__ import annotations

import re
from typing import Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import runtime_handler
from kidcoder.diagnosis.runtime_names import error_line

_PHYSICS = re.compile(r"pippy\.physics|physics engine|'physics' from 'pippy'|No module named '(?:Box2D|elements)\b")
_TOOLKIT = re.compile(r"No module named '(gi|sugar3|gtk|gobject)(?:\.[\w.]+)?'")


@runtime_handler("ImportError", "ModuleNotFoundError", order=5)
def pippy_needs(program: Program, error: dict) -> Optional[Finding]:
    message = str(error.get("message", ""))
    line = error_line(error)
    if _PHYSICS.search(message):
        return Finding("runtime", line, None, "diag.pippy_physics", {"line": line})
    toolkit = _TOOLKIT.search(message)
    if toolkit:
        return Finding("runtime", line, None, "diag.pippy_toolkit", {"line": line, "name": toolkit.group(1)})
    return None
