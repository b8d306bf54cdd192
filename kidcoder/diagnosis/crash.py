"""The runner's error dict as runtime handlers read it ({"type", "message", "line", ...}), and a finding
that points at the child's line: the few lines every runtime family would otherwise write again."""
from __future__ import annotations

from typing import Optional, Pattern

from kidcoder.diagnosis.finding import Finding, ProblemKind


def error_line(error: dict) -> int:
    """The 1-based line in the child's file, or 1 when the runner could not tell."""
    line = error.get("line")
    return line if isinstance(line, int) and line > 0 else 1


def error_message(error: dict) -> str:
    return str(error.get("message", ""))


def message_part(error: dict, pattern: Pattern) -> Optional[str]:
    """The first part of the error message the pattern captures, or None when the message does not match."""
    match = pattern.search(error_message(error))
    return next((part for part in match.groups() if part), None) if match else None


def runtime_finding(error: dict, key: str, /, line: Optional[int] = None, kind: ProblemKind = ProblemKind.RUNTIME,
                    **values) -> Finding:
    """A finding at the error's line (or at `line`), its values carrying that line for the message."""
    line = error_line(error) if line is None else line
    return Finding(kind, line, None, key, {"line": line, **values})
