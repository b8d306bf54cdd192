"""The named constants of a child's program (SETTINGS slots and other UPPER_CASE lines), and edits to them.

A "Change my game" request only ever changes the value of a one-line
`NAME = literal` at the top level of the program, so the rest of the program
stays exactly as the child wrote it. find_constants() lists those lines;
apply_edits() rewrites values in place (the comment after a value stays);
still_runs() checks that a changed program still draws frames.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from kidcoder.diagnosis import pyparse
from kidcoder.making.settings_block import END_MARK, START_MARK, format_value

_CONSTANT_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
CHECK_FRAMES = 60
CHECK_SECONDS = 10.0


@dataclass(frozen=True)
class Constant:
    """One `NAME = literal` line: where its value is written and what it is."""
    name: str
    value: object
    line: int            # 1-based
    start: int           # columns of the value's text on that line
    end: int
    in_settings: bool    # inside the SETTINGS block of a made game
    comment: str = ""    # what the line's comment says ("how many balls you have")


@dataclass(frozen=True)
class Edit:
    """One changed line: the constant, its old and new value, and the whole line before and after."""
    name: str
    line: int
    old: object
    new: object
    before: str
    after: str


def _settings_range(lines: Sequence[str]) -> Tuple[int, int]:
    """1-based line numbers strictly inside the SETTINGS block, or (0, 0) without one."""
    start = None
    for number, line in enumerate(lines, 1):
        if start is None and START_MARK.match(line):
            start = number
        elif start is not None and END_MARK.match(line):
            return start, number
    return 0, 0


def _literal(node: ast.AST) -> Optional[object]:
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple) and all(isinstance(item, (int, float)) and not isinstance(item, bool)
                                        for item in value):
        return value  # colours and positions; lists (a maze map, more colours) are left alone
    return None


def find_constants(source: str) -> Dict[str, Constant]:
    """Every top-level one-line UPPER_CASE constant, first definition wins (SyntaxError if it does not parse)."""
    tree = pyparse.parse(source, "game.py")
    lines = source.splitlines()
    first, last = _settings_range(lines)
    found: Dict[str, Constant] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        name = node.targets[0].id
        value_node = node.value
        if not _CONSTANT_NAME.match(name) or name in found or value_node.lineno != value_node.end_lineno:
            continue
        value = _literal(value_node)
        if value is None:
            continue
        line = value_node.lineno
        text = lines[line - 1]
        # ast columns count UTF-8 bytes; turn them into character positions
        encoded = text.encode("utf-8")
        start = len(encoded[:value_node.col_offset].decode("utf-8", "replace"))
        end = len(encoded[:value_node.end_col_offset].decode("utf-8", "replace"))
        rest = text[end:].strip()
        comment = rest[1:].strip() if rest.startswith("#") else ""
        found[name] = Constant(name, value, line, start, end, first < line < last, comment)
    return found


def make_edit(source: str, constant: Constant, new: object) -> Edit:
    """The edit that gives constant the value new (written the way SETTINGS values are written)."""
    text = source.splitlines()[constant.line - 1]
    after = text[:constant.start] + format_value(new) + text[constant.end:]
    return Edit(constant.name, constant.line, constant.value, new, text, after)


class StaleEdit(ValueError):
    """The program changed since the edit was planned: its line is no longer the same."""


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """The program with each edit's line replaced; StaleEdit when a line is not what the edit expects."""
    lines = source.splitlines(keepends=True)
    for edit in edits:
        index = edit.line - 1
        if not 0 <= index < len(lines):
            raise StaleEdit(f"line {edit.line} is gone")
        raw = lines[index]
        body = raw.rstrip("\r\n")
        if body != edit.before:
            raise StaleEdit(f"line {edit.line} changed")
        lines[index] = edit.after + raw[len(body):]
    return "".join(lines)


def still_runs(source: str, frames: int = CHECK_FRAMES, seconds: float = CHECK_SECONDS, run=None) -> List[str]:
    """Why the changed program may not be kept ([] when it may): it must compile and draw `frames` frames.

    run is kidcoder.runner.headless.run_source unless a test passes another runner.
    """
    try:
        pyparse.compile_source(source, "game.py", "exec")
    except (SyntaxError, ValueError) as exc:
        return [f"does not compile: {exc}"]
    if run is None:
        from kidcoder.runner.headless import run_source as run
    try:
        result = run(source, frames=frames, seconds=seconds, filename="game.py", fast_clock=True)
    except Exception as exc:  # the runner could not start: keep the program as it was
        return [f"the check run could not start: {type(exc).__name__}: {exc}"]
    if result.exit != "ok" or result.frames < frames:
        message = (result.error or {}).get("message", "") if result.error else ""
        return [f"the check run ended with {result.exit} after {result.frames} frames {message}".strip()]
    return []
