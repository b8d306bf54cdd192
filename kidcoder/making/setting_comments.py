"""A made game's comments say what each number counts ("LIVES = 3  # how many balls you have"): a thing a
child wants more or fewer of, counted by one comment's "how many ...", is that setting.

The templates' comments are written for children, in their words, so they name what a child asks for
("give me 5 balls" in breakout is lives, not rows of bricks), and how long a game without a clock lasts
("drive this far to win"). Pure functions over program_constants.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping, Optional

from kidcoder.knowledge.words import fold

_HOW_MANY = re.compile(r"\b(?:how many|cuant[oa]s)\s+(\w+)")


def _singular(word: str) -> str:
    return word[:-2] if word.endswith("es") and len(word) > 4 else word[:-1] if word.endswith("s") else word


def counted_by(constants: Mapping[str, object], words: Iterable[str]) -> Optional[str]:
    """The one SETTINGS number whose comment counts one of these words, or None (none, or more than one)."""
    wanted = {_singular(fold(word).lower()) for word in words}
    hits = [c.name for c in constants.values()
            if c.in_settings and isinstance(c.value, int) and not isinstance(c.value, bool)
            and any(_singular(counted) in wanted for counted in _HOW_MANY.findall(fold(c.comment).lower()))]
    return hits[0] if len(hits) == 1 else None


# A goal measured in time or distance: "stay alive this many seconds to win", "drive this far to win", "la
# distancia para ganar", "cuántos segundos dura una partida" is how long the game lasts.
_LASTING = re.compile(r"\b(?:seconds?|segundos?|far|distance|distancia|lejos|long|lasts?|dura)\b")
_IN_SECONDS = re.compile(r"\b(?:seconds?|segundos?|long|lasts?|dura)\b")


def lasting_by(constants: Mapping[str, object]) -> Optional[str]:
    """The one SETTINGS number whose comment says how long (or how far) a game goes, or None."""
    hits = [c.name for c in constants.values()
            if c.in_settings and isinstance(c.value, (int, float)) and not isinstance(c.value, bool)
            and _LASTING.search(fold(c.comment).lower())]
    return hits[0] if len(hits) == 1 else None


def in_seconds(constant) -> bool:
    """Is the setting counted in seconds, by its name or its comment (so "30 seconds" may be its value; a
    distance may not)?"""
    return bool({"SECONDS", "TIME"} & set(constant.name.split("_"))) or bool(
        _IN_SECONDS.search(fold(constant.comment).lower()))
