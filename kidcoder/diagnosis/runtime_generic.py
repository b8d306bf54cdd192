"""Runtime family, last resort: any error no handler knows, named by its type at the child's line."""
from __future__ import annotations

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.registry import runtime_handler
from kidcoder.diagnosis.runtime_names import error_line

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.runtime_generic": "reading-errors"}


@runtime_handler("*", order=999)
def generic(program: Program, error: dict) -> Finding:
    line = error_line(error)
    kind = "pygame" if "pygame" in str(error.get("type", "")) else "runtime"
    return Finding(kind, line, None, "diag.runtime_generic",
                   {"line": line, "type": str(error.get("type") or "Error").rsplit(".", 1)[-1]})
