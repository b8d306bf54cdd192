"""A value the game already has, said beside another wish, names a thing; it is not the wish.

"more rows of the orange blocks", "the blue trucks are everywhere", "la pala roja verde": children name
a thing by the colour it has now (and so say which of two paddles they mean), and "las sumas son de
bebés, números más grandes" names the sums the quiz asks already. Such a word is the wish only when the
part asks nothing else ("make the trucks blue"). Pure functions over change_words.Request.
"""
from __future__ import annotations

from typing import Mapping, Optional, Tuple

from kidcoder.making.change_words import Request
from kidcoder.making.wish_words import ROLE_PREFIXES

Colour = Tuple[int, int, int]
NEAR = 130            # how close a colour word must be to a thing's colour to be its name


def _gap(one: Colour, two: Colour) -> float:
    return sum((a - b) ** 2 for a, b in zip(one, two)) ** 0.5


def _colour_settings(constants: Mapping[str, object]) -> dict:
    return {name: c.value for name, c in constants.items()
            if c.in_settings and isinstance(c.value, tuple) and len(c.value) == 3}


def colour_owner(constants: Mapping[str, object], colour: Colour) -> Optional[str]:
    """The thing (a setting's prefix: THING, PLAYER2) whose colour now is nearest this colour word, when near
    enough for a child to call it so (lime-green aliens are "the green guys")."""
    settings = _colour_settings(constants)
    if not settings:
        return None
    name = min(settings, key=lambda one: _gap(settings[one], colour))
    if _gap(settings[name], colour) > NEAR:
        return None
    prefix = name.rsplit("_", 1)[0] if name.endswith(("_COLOUR", "_COLOR")) else name
    return prefix if prefix != "BG" else "BACKGROUND"


def _could_be(constants: Mapping[str, object], role: str, owner: str) -> bool:
    """May a thing called by this role's word be the colour's owner? Yes when the owner is one of the things
    the word stands for ("la pala roja": of the two paddles, the red one), or the word's things have no colour
    of their own ("the orange blocks"); "el fondo amarillo" is the background, whatever colour it is now."""
    if not role:
        return True
    candidates = set(ROLE_PREFIXES.get(role, (role,)))
    if "PLAYER" in candidates:
        candidates.add("PLAYER2")          # a game for two: the other player's paddle is a paddle too
    coloured = {c for c in candidates if f"{c}_COLOUR" in constants or c in constants}
    return owner in candidates or not coloured


def _asks_more(request: Request, colour_index: int) -> bool:
    """Does the part ask something besides this colour: another colour after it, or another property?"""
    later = any(at > colour_index for at, _ in request.colours_at)
    return later or bool(request.attributes or request.counting or request.direction or request.number is not None
                         or request.easier or request.shape or request.controls)


def name_by_values(constants: Mapping[str, object], request: Request) -> None:
    """Turn the colours (and operation) that only name a thing into who the part is about."""
    operation = constants.get("OPERATION")
    if request.operation and operation is not None and request.operation == operation.value and (
            request.attributes or request.direction or request.number is not None):
        request.operation = None          # "las sumas ... pon números más grandes": the sums it has
    for at, colour in list(request.colours_at):
        beside = [own for thing, own in request.things_at if abs(at - thing) == 1]
        owner = colour_owner(constants, colour) if beside and _asks_more(request, at) else None
        if owner is None or not all(_could_be(constants, role, owner) for role in beside):
            continue                      # "la nave verde": the ship (called so by the game) is to be green
        request.colours_at.remove((at, colour))
        request.roles = [owner]           # "the green guys": the aliens, not the ship
        request.colour = request.colours_at[-1][1] if request.colours_at else None
