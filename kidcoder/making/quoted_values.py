"""A number the game already has is the child quoting it: "20 fish to win takes forever, make it 10".

Children say how the game is before what they want: "30 seconds is too short", "10 son muchas",
"aguantar 45 segundos es un montón, que sea 30". A number equal to one setting's value, in a part of the
wish that says how the game is (wish_moods: a state verb, no wish word), names that setting: the number
is its old value, not a new one. The part's complaint says which way it goes, and a bare number in the
next part ("make it 10", "que sea 30") is its new value. Pure functions over change_words.Request.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional

from kidcoder.making.change_words import Request


def _numbers(constants: Mapping[str, object]) -> Dict[str, float]:
    return {name: c.value for name, c in constants.items()
            if c.in_settings and isinstance(c.value, (int, float)) and not isinstance(c.value, bool)}


def quoted(constants: Mapping[str, object], request: Request, known_parts: Mapping[str, Iterable[str]],
           number: Optional[float] = None) -> Optional[str]:
    """The one setting whose value (number, else the clause's) a describing clause quotes, narrowed by the
    clause's own property words (parts of names, e.g. "time": SECONDS) and then to the settings the change
    rules know; None otherwise."""
    number = request.number if number is None else number
    if not request.describes or number is None or request.relative:
        return None
    same = [name for name, value in _numbers(constants).items() if value == number]
    for attribute in request.attributes + (["count"] if request.counting else []):
        narrowed = [name for name in same if set(name.split("_")) & set(known_parts.get(attribute, ()))]
        plainest = [name for name in narrowed if name.count("_") == min(n.count("_") for n in narrowed)]
        if len(plainest) == 1:
            return plainest[0]          # COUNT before MAX_NUMBER for "10 son muchas"
    if len(same) > 1:
        every = set().union(*map(set, known_parts.values()))
        same = [name for name in same if set(name.split("_")) & every]
    return same[0] if len(same) == 1 else None


def take_quotes(constants: Mapping[str, object], requests: List[Request],
                known_parts: Mapping[str, Iterable[str]]) -> None:
    """Give each quoting clause its setting (Request.target; its number is the other one it says, if any),
    and a next clause that is only a number ("make it 10") the same setting with that number as the new value."""
    for index, request in enumerate(requests):
        targets = [(quoted(constants, request, known_parts, number), number) for number in request.numbers]
        found = [(target, number) for target, number in targets if target]
        if len(found) != 1:
            continue
        request.target, request.number = found[0][0], None
        others = [number for number in request.numbers if number != found[0][1]]
        if len(others) == 1:
            request.number = others[0]          # "aguantar treinta segundos, 45 es mucho": 30 is the new value
        following = requests[index + 1] if index + 1 < len(requests) else None
        if following is not None and following.number is not None and not following.describes and not (
                following.attributes or following.roles or following.colour or following.counting):
            following.target = request.target
