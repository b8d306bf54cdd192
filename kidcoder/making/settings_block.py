"""The SETTINGS block at the top of a game template: plain constants a child can read and change.

A template stays a valid, runnable program. Its named slots are the simple
assignments between the two marker lines:

    # ---- SETTINGS: change these values to make the game your own! ----
    PLAYER_NAME = "cat"
    SPEED = 6  # how fast the player moves
    # ---- END OF SETTINGS ----

read_settings() gives their values, fill_settings() writes new ones (and may
rewrite the comment after a value, to explain it in the child's language).
Only one-line assignments of literals are slots; anything else is left alone.
"""
from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Tuple

from kidcoder.codeparts import split_comment
from kidcoder.diagnosis import pyparse

START_MARK = re.compile(r"^#\s*-+\s*SETTINGS\b")
END_MARK = re.compile(r"^#\s*-+\s*END OF SETTINGS\b")
_SLOT_LINE = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]*)\s*=\s*(?P<rest>.*)$")


class SettingsError(ValueError):
    """A template without a well-formed SETTINGS block."""


def _block_lines(lines: List[str]) -> Tuple[int, int]:
    start = end = None
    for number, line in enumerate(lines):
        if start is None and START_MARK.match(line):
            start = number
        elif start is not None and END_MARK.match(line):
            end = number
            break
    if start is None or end is None:
        raise SettingsError("no SETTINGS block")
    return start, end


def _slot(line: str) -> Optional[Tuple[str, object, str]]:
    match = _SLOT_LINE.match(line)
    if not match:
        return None
    text, comment = split_comment(match.group("rest"))
    comment = comment.lstrip()
    try:
        value = pyparse.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return match.group("name"), value, comment


def read_settings(source: str) -> Dict[str, object]:
    """The slots of a template, NAME -> value, in the order they are written."""
    lines = source.splitlines()
    start, end = _block_lines(lines)
    found: Dict[str, object] = {}
    for line in lines[start + 1:end]:
        slot = _slot(line)
        if slot:
            found[slot[0]] = slot[1]
    return found


def format_value(value: object) -> str:
    """A value written as Python a child can read: (255, 0, 0), 6, 'cat' in double quotes."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, str):
        text = repr(value)
        if text.startswith("'") and '"' not in value:
            text = '"' + text[1:-1].replace("\\'", "'") + '"'
        return text
    if isinstance(value, float):
        return repr(round(value, 3))
    if isinstance(value, tuple):
        return "(" + ", ".join(format_value(item) for item in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(format_value(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"not a settings value: {value!r}")


def fill_settings(source: str, values: Mapping[str, object],
                  comments: Optional[Mapping[str, str]] = None) -> str:
    """The template with new values for the named slots; unknown names are ignored.

    A new value must have the same type as the old one (an int may become a
    float), so a filled program means the same as the template.
    """
    comments = comments or {}
    lines = source.splitlines(keepends=True)
    start, end = _block_lines([line.rstrip("\r\n") for line in lines])
    for number in range(start + 1, end):
        raw = lines[number]
        newline = raw[len(raw.rstrip("\r\n")):]
        slot = _slot(raw.rstrip("\r\n"))
        if not slot:
            continue
        name, old, comment = slot
        if name not in values and name not in comments:
            continue  # untouched lines stay exactly as the template wrote them
        value = values.get(name, old)
        if not _same_kind(old, value):
            raise TypeError(f"{name} should be like {old!r}, not {value!r}")
        comment = comments.get(name, comment[1:].strip() if comment else "")
        text = f"{name} = {format_value(value)}"
        if comment:
            text += "  # " + " ".join(comment.split())
        lines[number] = text + newline
    return "".join(lines)


def _same_kind(old: object, new: object) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new)
    if isinstance(old, (int, float)):
        return isinstance(new, (int, float))
    if isinstance(old, tuple):
        return isinstance(new, tuple) and len(new) == len(old)
    if isinstance(old, list):
        return isinstance(new, list)
    return type(old) is type(new)
