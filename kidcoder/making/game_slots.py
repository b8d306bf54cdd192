"""From a child's description to the values of a template's settings: who plays, what falls, how fast, which pictures.

Pure and deterministic: the same description always gives the same game (description.py reads it).
"a red cat that catches 5 fish" -> PLAYER is a red circle named "cat", THING
an oval named "fish", COUNT 5. Nouns go to the template's roles (PLAYER,
THING, ...), colour words to the nearest noun, numbers to counts, lives or
speeds, "fast"/"rápido" to speeds, "space"/"noche" to the background.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from kidcoder import i18n
from kidcoder.making import library, nouns
from kidcoder.making.description import (BACKGROUND_WORDS, LIVES_WORDS, PLAYERS_WORDS, POINTS_WORDS, QUESTION_WORDS,
                                         ROWS_WORDS, SECONDS_WORDS, SPEED_WORDS, UP_TO_WORDS, Colour, Reading, Word,
                                         assign_roles, read_description)

TITLE_MAX = 48

# Ranges a number may take in each setting, so that every game stays playable. Lives are shown as a number
# in every game that has them ("Lives: 99"), so a child may have as many as two digits show.
LIMITS: Dict[str, Tuple[int, int]] = {
    "SPEED": (1, 15), "FALL_SPEED": (1, 12), "PADDLE_SPEED": (2, 15), "STEER": (2, 12), "COUNT": (1, 12),
    "LIVES": (1, 99), "WIN_SCORE": (1, 999), "SECONDS": (5, 300), "MAX_NUMBER": (2, 1000), "SIZE": (10, 150),
    "JUMP": (5, 20),
}
SPEED_SLOTS = ("SPEED", "FALL_SPEED", "PADDLE_SPEED", "STEER")


def _colour_targets(reading: Reading, lang: str) -> Tuple[Dict[int, Colour], List[Colour], Optional[Colour]]:
    """Colours said next to a noun (by token index), colours said alone, and a background colour."""
    by_noun: Dict[int, Colour] = {}
    loose: List[Colour] = []
    background = None
    tokens = reading.tokens
    for token in tokens:
        if token.colour is None:
            continue
        if any(word.folded in BACKGROUND_WORDS for word in tokens[max(0, token.index - 3):token.index]):
            background = background or token.colour
            continue
        after = [t for t in tokens[token.index + 1:token.index + 4] if t.noun is not None][:1]
        before = [t for t in reversed(tokens[max(0, token.index - 3):token.index]) if t.noun is not None][:1]
        order = (before + after) if lang == "es" else (after + before)
        target = next((t for t in order if t.index not in by_noun), None)
        if target is None:
            loose.append(token.colour)
        else:
            by_noun[target.index] = token.colour
    return by_noun, loose, background


def _number_slot(reading: Reading, token: Word, template: Mapping, defaults: Mapping) -> Optional[str]:
    tokens = reading.tokens
    near = {t.folded for t in tokens[max(0, token.index - 2):token.index + 3]}
    if {t.folded for t in tokens[token.index + 1:token.index + 2]} & PLAYERS_WORDS:
        return None  # "two players" says who plays, not a setting
    wishes: List[str] = []
    if near & LIVES_WORDS:
        wishes.append("LIVES")
    if near & SPEED_WORDS:
        wishes.append("SPEED")
    if near & SECONDS_WORDS:
        wishes += ["SECONDS", "WIN_SCORE"] if template.get("id") == "dodge" else ["SECONDS"]
    if near & POINTS_WORDS:
        wishes.append("WIN_SCORE")
    if near & (ROWS_WORDS | QUESTION_WORDS) or any(t.noun for t in tokens[token.index + 1:token.index + 3]):
        wishes.append("COUNT")
    if near & UP_TO_WORDS:
        wishes.append("MAX_NUMBER")
    wishes += [template.get("number_slot", "COUNT"), "COUNT", "SPEED"]
    return next((slot for slot in wishes if slot in defaults), None)


def _limits(template: Mapping, slot: str) -> Tuple[int, int]:
    low, high = template.get("limits", {}).get(slot, LIMITS.get(slot, (0, 10 ** 6)))
    return int(low), int(high)


def _brightness(colour: Colour) -> float:
    return 0.3 * colour[0] + 0.59 * colour[1] + 0.11 * colour[2]


def _distance(one: Colour, two: Colour) -> float:
    return sum((a - b) ** 2 for a, b in zip(one, two)) ** 0.5


def _dark(colour: Colour) -> bool:
    return _brightness(colour) < 128


def _fit_colours(values: Dict[str, object], defaults: Mapping[str, object], wished: Optional[Colour]) -> None:
    """A wished background (a scene or a colour word) when it keeps the template's texts readable, and
    player and thing colours that stand out from what they are drawn on (lighter on dark, darker on light).
    """
    default = defaults["BACKGROUND"]
    if wished is not None and _dark(wished) == _dark(default) and wished != default:
        values["BACKGROUND"] = wished
    back = values.get("BACKGROUND", default)
    ground = defaults.get("ROAD_COLOUR", back)  # cars drive on the road, not on the grass
    for slot in ("PLAYER_COLOUR", "THING_COLOUR"):
        colour = values.get(slot, defaults.get(slot))
        if isinstance(colour, tuple) and slot in defaults and _distance(colour, ground) < 90:
            target = 255 if _dark(ground) else 0
            values[slot] = tuple(int((part + target) / 2) for part in colour)


def make_title(description: str) -> str:
    """The game's title: the description on one line, capitalised, cut at a word if it is long."""
    text = " ".join(description.split())
    if len(text) > TITLE_MAX:
        text = text[:TITLE_MAX].rsplit(" ", 1)[0] or text[:TITLE_MAX]
    return text[:1].upper() + text[1:]


def _text(key_options: Sequence[str], lang: str) -> Optional[str]:
    for key in key_options:
        if i18n.has_key(key, "en"):
            return i18n.tr(key, lang)
    return None


def slots_for(description: str, lang: str, template: Mapping, defaults: Mapping[str, object],
              template_words: Iterable[str] = (), reading: Optional[Reading] = None) -> Dict[str, object]:
    """New values for a template's settings from a description; only settings the template has. reading: the
    description already read with these template_words (read here when not given; never changed)."""
    tid = template.get("id", "")
    reading = reading or read_description(description, lang, template_words)
    values: Dict[str, object] = {}

    def put(slot: str, value: object) -> None:
        if slot in defaults:
            values[slot] = value

    put("TITLE", make_title(description))
    for slot, default in defaults.items():  # words the game shows, in the child's language
        if slot.endswith("_TEXT"):
            text = _text([f"generate.text.{tid}.{slot}", f"generate.text.{slot}"], lang)
            if text:
                put(slot, text)
        elif slot.endswith("_NAME") and isinstance(default, str):
            known = nouns.exact_noun(default)
            name = known[0].name(lang) if known else _text([f"generate.name.{default}"], lang)
            if name:
                put(slot, name)

    by_noun, loose, background = _colour_targets(reading, lang)
    if "BALL_COLOUR" in defaults:  # breakout: "a green ball" colours the ball, it does not name the paddle
        balls = {t.index for t in reading.tokens if t.noun is not None and t.noun.key == "ball"}
        for index in balls & set(by_noun):
            values["BALL_COLOUR"] = by_noun[index]
        reading = replace(reading, tokens=[replace(t, noun=None) if t.index in balls else t for t in reading.tokens])
    chosen = assign_roles(reading, template.get("roles", ["PLAYER", "THING"]))
    roles = list(template.get("roles", ["PLAYER", "THING"]))
    for role in roles:
        token = chosen.get(role)
        if token is not None:
            put(f"{role}_NAME", nouns.display_name(token.noun, token.text, lang) if token.known
                else token.noun.name(lang))
            put(f"{role}_SHAPE", token.noun.shape)
            picture = nouns.picture_of(token.noun)
            put(f"{role}_PICTURE", picture.project_path if picture else "")  # "" draws the shape
            put(f"{role}_COLOUR", by_noun.get(token.index, token.noun.colour))
    for role in roles:  # colours said on their own go to whoever has no colour of their own yet
        token = chosen.get(role)
        if loose and f"{role}_COLOUR" in defaults and (token is None or token.index not in by_noun):
            values[f"{role}_COLOUR"] = loose.pop(0)

    numbers_done = set()
    for token in reading.tokens:
        if token.number is None:
            continue
        slot = _number_slot(reading, token, template, defaults)
        if slot and slot not in numbers_done:
            numbers_done.add(slot)
            low, high = _limits(template, slot)
            values[slot] = max(low, min(high, token.number))
    if reading.speed_factor != 1.0:
        for slot in SPEED_SLOTS:
            if slot in defaults and slot not in numbers_done and isinstance(defaults[slot], (int, float)):
                low, high = _limits(template, slot)
                values[slot] = max(low, min(high, round(defaults[slot] * reading.speed_factor)))
    if reading.operation:
        put("OPERATION", reading.operation)
    if reading.controls:
        put("CONTROLS", reading.controls)

    if "BACKGROUND" in defaults:
        _fit_colours(values, defaults, background or reading.scene)
    scenery = library.find(library.PICTURE, reading.scene_picture or "")
    if scenery is not None and not _looks_like_a_role(scenery, values):
        put("BACKGROUND_PICTURE", scenery.project_path)
    return values


def _looks_like_a_role(scenery: library.Entry, values: Mapping[str, object]) -> bool:
    """Would the background picture be mistaken for the player or a thing (glowing stars behind stars to catch)?"""
    shown = [value for slot, value in values.items() if slot.endswith("_PICTURE") and isinstance(value, str)]
    return any(_picture_words(scenery.project_path) & _picture_words(path) for path in shown if path)


def _picture_words(path: str) -> set:
    """"images/glowing_star.png" -> {"glowing", "star"}."""
    return set(path.rsplit("/", 1)[-1].split(".")[0].split("_"))


def comments_for(template: Mapping, defaults: Mapping[str, object], lang: str) -> Dict[str, str]:
    """The comments after each setting, in the child's language (English keeps the template's own)."""
    if lang == "en":
        return {}
    tid = template.get("id", "")
    found = {}
    for slot in defaults:
        text = _text([f"generate.comment.{tid}.{slot}", f"generate.comment.{slot}"], lang)
        if text:
            found[slot] = text
    return found
