"""A value the game already has, said beside another wish, names a thing; it is not the wish.

And a thing is called by what it looks like: "la carita" is the player whose picture is the smiley, so
the names of the pictures a game shows name its things too (reading_names).

"more rows of the orange blocks", "the blue trucks are everywhere", "la pala roja verde": children name
a thing by the colour it has now (and so say which of two paddles they mean), and "las sumas son de
bebés, números más grandes" names the sums the quiz asks already. Such a word is the wish only when the
part asks nothing else ("make the trucks blue"). Pure functions over change_words.Request.
"""
from __future__ import annotations

from typing import Dict, Mapping, Optional, Tuple

from kidcoder.knowledge.words import fold
from kidcoder.making import library, nouns, wish_moods as moods
from kidcoder.making.change_words import Request
from kidcoder.making.wish_words import ROLE_PREFIXES, SHAPE_WORDS, VOCABULARY

Colour = Tuple[int, int, int]
PRONOUNS = {"ME", "MYSELF", "YO"}     # the child, not a thing of a game where nobody is drawn as the player
NEAR = 130            # how close a colour word must be to a thing's colour to be its name


def _plain_name(word: str) -> bool:
    """A one-word picture name that is no word the rules read otherwise ("rocket" is how fast; "star" a shape)."""
    folded = fold(word)
    return " " not in word and len(folded) > 2 and folded not in VOCABULARY and folded not in SHAPE_WORDS and \
        folded not in moods.FAST_LIKE | moods.SLOW_LIKE and not nouns.find_colour(folded, "en") and \
        not nouns.find_colour(folded, "es")


def reading_names(constants: Mapping[str, object]) -> Dict[str, str]:
    """The game's *_NAME settings by prefix, each with the one-word names of the picture that thing shows:
    {"PLAYER": "yo smiley carita sonrisa", ...} ("q la carita se mueva": the smiley is the player)."""
    names = {c.name[:-5]: str(c.value) for c in constants.values()
             if c.name.endswith("_NAME") and isinstance(c.value, str)}
    for prefix in list(names):
        shown = constants.get(f"{prefix}_PICTURE")
        path = shown.value if shown is not None and isinstance(shown.value, str) else ""
        entry = library.find(library.PICTURE, path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if path else None
        if entry is not None:
            names[prefix] = " ".join([names[prefix]] + [w for w in entry.en + entry.es if _plain_name(w)])
    return names


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
    """Turn the colours (and operation) that only name a thing into who the part is about; "me" in a game
    with no player ("son demasiadas preguntas, me canso") is the child, not a thing to change."""
    if PRONOUNS & set(request.role_words) and not any(name.startswith(("PLAYER", "HERO")) for name in constants):
        request.roles = [role for role in request.roles if role != "PLAYER"]
        request.role_words = [word for word in request.role_words if word not in PRONOUNS]
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
