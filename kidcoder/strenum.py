"""StrEnum: an Enum whose members are plain strings too, for states and kinds that travel as JSON text.

A member equals its text (RunExit.OK == "ok"), json.dumps writes the text, and str() and
f-strings give the text as well, like Python 3.11's enum.StrEnum (which Python 3.9 lacks).
"""
from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    """Subclass it with members such as OK = "ok"."""

    def __str__(self) -> str:
        return str.__str__(self)
