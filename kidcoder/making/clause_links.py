"""How the parts of one wish lean on each other: which property a part changes, which part is only the
reason for another ("muy difícil, hay demasiados meteoritos"), a bare number that finishes the part before
it ("hasta cien"), "the other one" of a game for two, and the rule of a new thing ("y si no contestas...").
Pure functions over change_words.Request.
"""
from __future__ import annotations

import re
from typing import List, Mapping, Optional

from kidcoder.making.change_words import Request
from kidcoder.making.wish_moods import COMMANDS

_IF = re.compile(r"^\s*(?:if|si|when|cuando|unless)\b", re.IGNORECASE)
_OTHER = re.compile(r"\b(?:other|otra|otro)\b", re.IGNORECASE)


def property_of(request: Request) -> Optional[str]:
    """The one property a clause changes (colour first: "make the fast cat blue" is about colour)."""
    for attribute, present in (("colour", request.colour or request.shade or request.recolour),
                               ("shape", request.shape), ("picture", request.picture),
                               ("controls", request.controls), ("operation", request.operation)):
        if present:
            return attribute
    words = request.attributes
    if request.counting and not ({"lives", "win", "time", "points"} & set(words)):
        return "count"                  # "que caigan más meteoritos" is about how many, not how fast
    for attribute in ("gravity", "jump", "fall", "steer", "lives", "win", "time"):    # "float when he jumps": gravity
        if attribute in words:
            return attribute
    if "numbers" in words:
        return "max_number"
    if "points" in words and (request.number is not None or request.direction):
        return "win"
    if "rows" in words or "questions" in words:
        return "count"
    for attribute in ("size", "speed"):
        if attribute in words:
            return attribute
    if request.easier:
        return "easier"
    if request.roles and (request.direction or request.number is not None):
        return "count"
    return None


def says_other(clause: str) -> bool:
    """Does the part speak of "the other" one ("y la otra verde")?"""
    return bool(_OTHER.search(clause))


def other_roles(roles: List[str], constants: Mapping[str, object]) -> List[str]:
    """'the left paddle purple and the other green': the other player of a game for two (PLAYER <-> PLAYER2)."""
    swap = {"PLAYER": "PLAYER2", "PLAYER2": "PLAYER"}
    others = [swap[role] for role in roles if role in swap and any(n.startswith(swap[role] + "_") for n in constants)]
    return others or list(roles)


def concrete_first(requests: List[Request]) -> List[int]:
    """The parts to act on: "muy difícil, hay demasiados meteoritos": when one part says what to change, a
    part that only says the game is too hard (or easy) is the reason, not another change."""
    concrete = [r for r in requests if property_of(r) not in (None, "easier") and not r.new_thing]
    return [i for i, r in enumerate(requests) if not (concrete and property_of(r) == "easier" and not r.roles)]


def bare_numbers_follow(requests: List[Request]) -> None:
    """"números más grandes, hasta cien", "son muchas preguntas, mejor solo cinco": a part that is only a
    number is about what the part before it was about."""
    for before, request in zip(requests, requests[1:]):
        if request.number is not None and not (request.attributes or request.roles or request.role_words
                                               or request.colour or request.counting or request.target) \
                and property_of(before) not in (None, "easier", "colour", "shape", "controls", "operation"):
            request.attributes, request.counting = list(before.attributes), before.counting
            request.roles, request.target = list(before.roles), before.target


def rules_of_new_things(requests: List[Request], clauses: List[str]) -> None:
    """"q haya un reloj y si no contestas rápido pierdes la pregunta": a part that only says what happens
    when ("si", "if", "when", no wish word) after a part asking for a new thing is how that thing plays, so
    it needs the new code too, not a change of a setting."""
    for index in range(1, len(requests)):
        words = re.findall(r"\w+", clauses[index].lower())
        if requests[index - 1].new_thing and _IF.match(clauses[index]) and not COMMANDS & set(words):
            requests[index].new_thing = True
