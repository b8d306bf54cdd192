"""Runtime family, last resort: any error no handler knows, named by its type at the child's line."""
from __future__ import annotations

from kidcoder.diagnosis.crash import runtime_finding
from kidcoder.diagnosis.finding import Finding, ProblemKind, Program
from kidcoder.diagnosis.registry import runtime_handler

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.runtime_generic": "reading-errors"}


@runtime_handler("*", order=999)
def generic(program: Program, error: dict) -> Finding:
    kind = ProblemKind.PYGAME if "pygame" in str(error.get("type", "")) else ProblemKind.RUNTIME
    return runtime_finding(error, "diag.runtime_generic", kind=kind,
                           type=str(error.get("type") or "Error").rsplit(".", 1)[-1])
