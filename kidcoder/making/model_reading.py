"""What a model's reading of a wish means in change_words.Request terms, for the same rules to act on.

A model (model/understand.py) reads a wish the rules did not understand into checked JSON, {thing, property,
change, number, colour, shape}, every value picked from a list; this turns it into a Request.
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from kidcoder.knowledge.words import fold
from kidcoder.making import nouns
from kidcoder.making.change_words import Request

# What a model's reading of a request (model/understand.py, already checked) means in Request terms.
_MODEL_THINGS = {"player": "PLAYER", "enemies": "ENEMY", "background": "BACKGROUND"}
_MODEL_PROPERTIES = {"speed": "speed", "fall speed": "fall", "jump": "jump", "gravity": "gravity", "size": "size",
                     "lives": "lives", "time": "time", "win score": "win", "biggest number": "numbers"}


def request_from_reading(reading: Mapping[str, object], names: Mapping[str, str]) -> Request:
    """A Request from a model's checked reading {thing, property, change, number, colour, shape}: the thing
    is one of the game's names (its *_NAME prefix) or player/enemies/background/whole game."""
    request = Request()
    if reading.get("property") == "other":
        return request          # a wish no setting holds: nothing ("more" of a thing would read as more things)
    thing = str(reading.get("thing") or "")
    prefix = next((prefix for prefix, value in names.items() if fold(str(value)).lower() == thing), None)
    prefix = prefix or _MODEL_THINGS.get(thing)
    if prefix:
        request.roles.append(prefix)
        request.role_words.append(thing.upper())
    change = reading.get("change")
    request.direction = 1 if change == "more" else -1 if change == "less" else 0
    number = reading.get("number")
    if isinstance(number, int):
        request.number = number
        request.relative = change in ("more", "less")
    prop = str(reading.get("property") or "")
    if prop == "colour" and reading.get("colour"):
        request.colour = nouns.find_colour(str(reading["colour"]), "en")
    elif prop == "shape" and reading.get("shape"):
        request.shape = str(reading["shape"])
    elif prop == "count":
        request.counting = True
    elif prop == "difficulty":
        request.easier = -request.direction or 1
        request.direction = 0
    elif prop in _MODEL_PROPERTIES:
        request.attributes.append(_MODEL_PROPERTIES[prop])
    return request


_UP = frozenset({"up", "arriba"})      # "bounce way up", "más arriba": more, whatever the property
_NO_WAY = ("difficulty", "colour", "shape", "other")


def goes_against(reading: Mapping[str, object], requests: Sequence[Request], text: str) -> bool:
    """Does the model's change go the other way from what the wish itself says (the rules' reading of its
    words, "too fast" included, or "up")? "my frog needs to bounce way up" read as less jump: such a
    reading is not used (never worse than the rules' own answer)."""
    change = reading.get("change")
    sign = 1 if change == "more" else -1 if change == "less" else 0
    if not sign or reading.get("property") in _NO_WAY:
        return False
    said = {request.direction for request in requests if request.direction}
    if not said and _UP & set(re.findall(r"\w+", text.lower())):
        said = {1}
    return -sign in said and sign not in said
