"""Runtime family: random — `randrange(448, 300)` (or randint) with the bigger number first has
nothing to pick from (ValueError: empty range). The fix puts the smaller number first.
"""
from __future__ import annotations

import re
from typing import List, Optional

from kidcoder.diagnosis.crash import error_message, runtime_finding
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.fixes_drawargs import bounds_swapped
from kidcoder.diagnosis.registry import runtime_handler

CARDS = {"diag.empty_range": "random"}
_EMPTY = re.compile(r"empty range (?:for|in) randrange")


@runtime_handler("ValueError", order=15)
def empty_range(program: Program, error: dict) -> Optional[Finding]:
    return runtime_finding(error, "diag.empty_range") if _EMPTY.search(error_message(error)) else None


@builds("diag.empty_range")
def _smaller_first(program: Program, finding: Finding) -> List[Fix]:
    return bounds_swapped(program, finding.line)
