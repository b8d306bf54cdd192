""""Change my game": a child's request turned into edits of the program's named constants, rules first.

plan_changes("make the fish fall slower", source, "en") reads the request
(change_words.py), finds the constant it is about (a SETTINGS slot such as
FALL_SPEED, or a child's own PLAYER_SPEED), and returns each edit with the
line before and after, or a kind "I don't know how to change that yet".
Only when the rules do not understand the request at all, and a model is there
(`enrich`), the model reads it into {thing, property, change, ...} picked from the
game's own names (ChangeFacts, checked in model/understand.py); the same rules
then turn that reading into edits, with the same limits.
apply_edits() and still_runs() (program_constants.py) make and check the change.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Sequence, Tuple

from kidcoder import i18n
from kidcoder.making import change_words, nouns, templates
from kidcoder.making.change_words import Request
from kidcoder.making.clause_links import (bare_numbers_follow, concrete_first, other_roles, property_of,
                                          rules_of_new_things, says_other)
from kidcoder.making.model_reading import goes_against, request_from_reading
from kidcoder.making.named_values import name_by_values, reading_names
from kidcoder.making.game_slots import LIMITS
from kidcoder.making.settings_block import format_value
from kidcoder.making.program_constants import Constant, Edit, apply_edits, find_constants, make_edit, still_runs
from kidcoder.making.quoted_values import take_quotes
from kidcoder.making.setting_comments import counted_by, in_seconds, lasting_by
from kidcoder.making.text_wishes import text_wish
from kidcoder.making.wish_moods import new_action
from kidcoder.making.wish_words import ROLE_PREFIXES
from kidcoder.model.facts import ChangeFacts, Enrich, consult

__all__ = ["ChangePlan", "plan_changes", "apply_edits", "still_runs", "Edit"]

EXTRA_LIMITS = {"GRAVITY": (0.1, 3.0)}
_PLAYERISH = ("PLAYER", "PLAYER2", "PADDLE", "HERO")
# Name parts that say what a constant of a child's own program is about.
_PARTS = {
    "speed": {"SPEED", "VEL", "VELOCITY"}, "fall": {"FALL", "GRAVITY"}, "jump": {"JUMP"},
    "gravity": {"GRAVITY"}, "steer": {"STEER", "TURN"}, "lives": {"LIVES", "LIFE"}, "win": {"WIN", "GOAL"},
    "time": {"SECONDS", "TIME"}, "size": {"SIZE", "RADIUS"}, "count": {"COUNT", "NUM", "NUMBER"},
    "colour": {"COLOUR", "COLOR", "BG"}, "shape": {"SHAPE"}, "max_number": {"MAX"},
}
_ADDITIVE = ("count", "lives")       # one more enemy, one more life; the rest grow by half
_FACTORS = {"normal": 1.5, "strong": 2.0, "double": 2.0, "half": 2.0, "weak": 1.2}


@dataclass(frozen=True)
class ChangePlan:
    """The answer to one request: status ok | unknown | no_setting | no_thing | new_thing | at_limit | syntax |
    no_constants (or broken, from change_program), the edits (when ok or broken), what to tell the child, and
    the model that read the request when the rules could not."""
    status: str
    edits: Tuple[Edit, ...]
    message: str
    model: Optional[str] = None


def _prefixes(role: str) -> Tuple[str, ...]:
    return ROLE_PREFIXES.get(role, (role,))


def _named(role: Optional[str], attribute: str) -> List[str]:
    """The constants a made game (or a tidy program) uses for this property, best first."""
    prefixes = _prefixes(role) if role else ()
    playerish = role is None or any(prefix in _PLAYERISH for prefix in prefixes)
    if attribute == "colour":
        if role == "BACKGROUND":
            return ["BACKGROUND", "BACKGROUND_COLOUR", "BACKGROUND_COLOR", "BG_COLOUR", "BG_COLOR", "BG",
                    "PAPER_COLOUR"]
        prefixes = prefixes or ("PLAYER", "THING")
        return [f"{prefix}_{suffix}" for prefix in prefixes for suffix in ("COLOUR", "COLOR")]
    if attribute in ("shape", "picture"):
        return [f"{prefix}_{attribute.upper()}" for prefix in (prefixes or ("PLAYER", "THING"))]
    if attribute == "speed":
        own = [f"{prefix}_SPEED" for prefix in prefixes]
        if role is None:
            return ["SPEED", "FALL_SPEED", "PADDLE_SPEED"]
        return own + (["PADDLE_SPEED", "SPEED"] if playerish else ["FALL_SPEED", "SPEED"])
    if attribute == "fall":
        return ["GRAVITY", "FALL_SPEED"] if role and playerish else ["FALL_SPEED", "GRAVITY"]
    if attribute == "count":
        own = [name for prefix in prefixes for name in (f"{prefix}_COUNT", f"NUM_{prefix}S", f"{prefix}S")]
        falling = role is None or ({"THING", "ENEMY"} & set(prefixes) and not playerish)
        return own + ["COUNT"] if falling else own          # COUNT is how many things, not bullets
    if attribute == "size":
        return [f"{prefix}_SIZE" for prefix in prefixes] + ["SIZE"]
    return {"jump": ["JUMP", "JUMP_POWER", "JUMP_SPEED", "JUMP_HEIGHT", "JUMP_STRENGTH"], "gravity": ["GRAVITY"],
            "steer": ["STEER", "TURN_SPEED"], "lives": ["LIVES", "PLAYER_LIVES", "MAX_LIVES"],
            "win": ["WIN_SCORE", "WIN_POINTS", "GOAL", "TARGET_SCORE"], "time": ["SECONDS", "TIME", "GAME_TIME"],
            "max_number": ["MAX_NUMBER"], "controls": ["CONTROLS"], "operation": ["OPERATION"]}.get(attribute, [])


def _fits(attribute: str, value: object) -> bool:
    if attribute == "colour":
        return isinstance(value, tuple) and len(value) == 3
    if attribute in ("shape", "picture", "controls", "operation"):
        return isinstance(value, str)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _by_parts(constants: Dict[str, Constant], attribute: str, request: Request, role: Optional[str]) -> List[str]:
    """A child's own names: every constant whose name has the property's word (SPEED) and the thing's (ENEMY)."""
    wanted = _PARTS.get(attribute, set())
    matches = [c.name for c in constants.values()
               if wanted & set(c.name.split("_")) and _fits(attribute, c.value)]
    thing_parts = set(request.role_words) | set(_prefixes(role) if role else ())
    if thing_parts:
        named = [name for name in matches if thing_parts & set(name.split("_"))]
        plain = [name for name in matches if set(name.split("_")) <= wanted | {"FALL", "MOVE"}]
        if attribute == "count" and role and not {"THING", "ENEMY"} & set(_prefixes(role)):
            plain = []                 # "three bullets": COUNT is how many things fall, not bullets
        return named or plain
    return matches


def _targets(constants: Dict[str, Constant], attribute: str, request: Request, role: Optional[str]) -> List[str]:
    counted = counted_by(constants, request.role_words + request.more_of) \
        if attribute == "count" and (request.role_words or request.more_of) else None
    if counted:
        return [counted]                # "give me 5 balls": LIVES = 3  # how many balls you have
    if role is None and request.role_words:
        return _by_parts(constants, attribute, request, None)  # a thing the made game has no slot for
    present = [name for name in _named(role, attribute)
               if name in constants and _fits(attribute, constants[name].value)]
    if present:
        return present if (attribute == "speed" and role is None) else present[:1]
    found = _by_parts(constants, attribute, request, role)
    if attribute in ("speed", "count", "fall") or len(found) == 1:
        return found
    lasting = lasting_by(constants) if attribute == "time" and not found else None
    return [lasting] if lasting else []      # "the race is too short": WIN_SCORE = 2000  # drive this far to win


def _limits(name: str, old: object, template_limits: Dict[str, Tuple[float, float]]) -> Tuple[float, float]:
    if name in template_limits:
        return template_limits[name]
    if name in LIMITS or name in EXTRA_LIMITS:
        return LIMITS.get(name) or EXTRA_LIMITS[name]
    low = 1 if isinstance(old, (int, float)) and old >= 1 else 0
    return low, max(abs(old) * 5, 50) if isinstance(old, (int, float)) else 10 ** 6


def _new_number(old, attribute: str, request: Request, limits: Tuple[float, float]):
    if request.number is not None and not request.relative:
        # "5 balls instead of 3", "a 10 xq a 5 se acaba": of two numbers, the game's value now is not the wish
        new = next((n for n in request.numbers if n != old), request.number) if old in request.numbers \
            else request.number
    elif request.number is not None:
        new = old + (request.direction or 1) * request.number
    else:
        direction = request.direction or (1 if request.amount == "double" else -1 if request.amount == "half" else 0)
        if not direction and attribute == "speed" and old == 0:
            direction = 1               # "make the cookie move"
        if not direction:
            return old
        if attribute in _ADDITIVE:
            step = 3 if request.amount == "strong" else 1
            new = old + direction * step
        else:
            factor = _FACTORS[request.amount]
            new = old * factor if direction > 0 else old / factor
            if isinstance(old, int):
                new = round(new)
                new = max(new, old + 1) if direction > 0 else min(new, old - 1)
    low, high = limits
    new = min(max(new, low), high)
    return int(round(new)) if isinstance(old, int) else round(float(new), 2)


def _new_value(constant: Constant, attribute: str, request: Request, limits) -> object:
    if attribute == "colour" and request.colour:
        return tuple(request.colour)
    if attribute == "colour":          # darker: towards black; lighter: half way to white
        if request.shade < 0:
            return tuple(int(channel * 0.6) for channel in constant.value)
        return tuple(int(channel + (255 - channel) * 0.5) for channel in constant.value)
    if attribute == "shape":
        return request.shape
    if attribute == "picture":
        return request.picture
    if attribute == "controls":
        return request.controls
    if attribute == "operation":
        return request.operation
    return _new_number(constant.value, attribute, request, limits)


def _template_limits(constants: Dict[str, Constant]) -> Dict[str, Tuple[float, float]]:
    """The limits of the template this game was made from: of those whose SETTINGS names it has, the one with
    the most (racing, not snake, whose few names a racing game has too)."""
    names = {c.name for c in constants.values() if c.in_settings}
    made_from = [template for template in templates.all_templates().values()
                 if names and names >= set(template.defaults) - {"MAZE", "COLOURS"}]
    if not made_from:
        return {}
    template = max(made_from, key=lambda template: len(template.defaults))
    return {slot: tuple(pair) for slot, pair in template.meta.get("limits", {}).items()}


def _clause_edits(constants, request: Request, template_limits, planned: Dict[str, object],
                  easier: int = 0) -> Tuple[List[Tuple[str, object]], Optional[str]]:
    """(name, new value) pairs for one clause, or a status saying why there are none. easier: the way the
    wish says the game should go (+1 "es muy difícil"), for a clause that only quotes a value it has now."""
    if request.new_thing or (request.appears and not _has_role(constants, request.roles)):
        return [], "new_thing"         # "add a dog", "que haya paredes": a new kind of thing needs new code
    if request.target:                 # a quoted setting: "30 seconds is too short" (quoted_values.py)
        return _quoted_edit(constants, request, template_limits, planned), None
    attribute = property_of(request)
    if attribute is None:
        return [], "unknown"
    if attribute == "easier":
        sign = request.easier
        parts = [("lives", Request(direction=sign)), ("speed", Request(roles=["THING"], direction=-sign))]
    else:
        parts = [(attribute, request)]
    changes: List[Tuple[str, object]] = []
    for part_attribute, part_request in parts:
        roles = list(dict.fromkeys(part_request.roles)) or [None]
        for role in roles:
            for name in _targets(constants, part_attribute, part_request, role):
                constant = constants[name]
                if part_attribute == "colour" and part_request.recolour:
                    part_request = replace(part_request, colour=_standing_out(constants, constant.value,
                                                                             role == "BACKGROUND"))
                if easier and not part_request.direction and not part_request.relative and \
                        part_request.numbers and set(part_request.numbers) == {constant.value}:
                    # "es muy difícil, con 5 vidas no me da": 5 is the value now; the wish is easier
                    way = easier if part_attribute in ("lives", "time") else -easier
                    part_request = replace(part_request, number=None, numbers=[], direction=way)
                if part_request.in_seconds and part_request.number is not None and not in_seconds(constant):
                    if not part_request.direction:
                        continue                 # "make the race 60 seconds": the race is counted in distance
                    part_request = replace(part_request, number=None, numbers=[])    # "I win in 10 secs"
                if name in planned:
                    constant = replace(constant, value=planned[name])
                new = _new_value(constant, part_attribute, part_request,
                                 _limits(name, constant.value, template_limits))
                changes.append((name, new))
    if not changes:
        return [], "no_thing" if request.role_words and not request.roles else "no_setting"
    return changes, None


def _standing_out(constants: Dict[str, Constant], now: Tuple[int, int, int],
                  background: bool = False) -> Tuple[int, int, int]:
    """Another named colour, the one farthest from the colour now and the game's other colours ("no se ven
    bien las balas, cambiales el color": seen against the background); a dark one for a background, where
    the game's white words are."""
    others = [c.value for c in constants.values() if c.in_settings and _fits("colour", c.value)] + [now]
    named = [nouns.find_colour(name, "en") for name in nouns.colour_names()]
    return max([rgb for rgb in named if not background or sum(rgb) < 3 * 130],
               key=lambda rgb: min(sum((a - b) ** 2 for a, b in zip(rgb, other)) for other in others))


def _has_role(constants: Dict[str, Constant], roles: Sequence[str]) -> bool:
    """Has the game a setting for each of these things (WALL_COLOUR for walls)?"""
    return all(any(name.split("_")[0] in _prefixes(role) for name in constants) for role in roles)


def _quoted_edit(constants, request: Request, template_limits, planned) -> List[Tuple[str, object]]:
    """The new value of a setting a clause quoted: the next clause's number, or one step its complaint's way
    (none when another clause already set it: "5 preguntas, 10 son muchas")."""
    name = request.target
    if name in planned and request.number is None:
        return []
    constant = constants[name]
    step = next((attribute for attribute, parts in _PARTS.items() if set(name.split("_")) & parts), "speed")
    if not request.direction and request.easier:      # "it's too hard, I miss 5 fish": 5 lives, and easier
        request = replace(request, direction=request.easier if step in ("lives", "time") else -request.easier)
    new = _new_number(constant.value, step if step in _ADDITIVE else "speed", request,
                      _limits(name, constant.value, template_limits))
    return [(name, new)] if new != constant.value else []


def _message(status: str, lang: str, edits: Sequence[Edit] = (), attribute: Optional[str] = None,
             thing: str = "") -> str:
    if status == "ok":
        return i18n.tr("changes.done", lang=lang, count=len(edits))
    if status == "no_setting":
        what = i18n.tr(f"changes.what.{attribute}", lang=lang) if attribute else ""
        return i18n.tr("changes.no_setting", lang=lang, what=what)
    if status in ("no_thing", "new_thing"):
        return i18n.tr(f"changes.{status}", lang=lang, thing=thing)
    return i18n.tr(f"changes.{status}", lang=lang)


def plan_changes(request_text: str, source: str, lang: str = "en", enrich: Optional[Enrich] = None) -> ChangePlan:
    """The edits a request asks for in this program (nothing is changed yet). enrich: the optional model,
    asked only when the rules understand nothing of the request."""
    try:
        constants = find_constants(source)
    except SyntaxError as exc:
        return ChangePlan("syntax", (), i18n.tr("changes.syntax", lang=lang, line=exc.lineno or 1))
    if not constants:
        return ChangePlan("no_constants", (), _message("no_constants", lang))
    words = text_wish(request_text, constants)         # "when I win it should say GOOD JOB"
    rest = words[2] if words else request_text
    clauses = change_words.split_clauses(rest)
    requests = [change_words.read_request(clause, lang, reading_names(constants)) for clause in clauses]
    action = new_action(rest, constants)
    if action and not any(request.understood for request in requests):
        return ChangePlan("new_thing", (), _message("new_thing", lang, thing=action))   # nothing for a model
    plan = _plan(source, constants, clauses, requests, lang, {words[0]: words[1]} if words else None)
    if plan.status != "unknown" or enrich is None:
        return plan
    reply = consult(enrich, ChangeFacts(lang, request_text, game_things(constants)))
    if reply is None or not reply.data:
        return plan
    if goes_against(reply.data, requests, rest):
        return plan                                  # "bounce way up" read as less: the rules' answer stands
    read = plan_from_reading(reply.data, request_text, source, lang, constants)
    return replace(read, model=reply.model) if read.status in ("ok", "at_limit") else plan


def _names(constants: Dict[str, Constant]) -> Dict[str, str]:
    """The game's *_NAME settings by prefix: {"PLAYER": "cat", "THING": "fish"}."""
    return {c.name[:-5]: c.value for c in constants.values() if c.name.endswith("_NAME") and isinstance(c.value, str)}


def game_things(constants: Dict[str, Constant]) -> Tuple[Tuple[str, str], ...]:
    """The game's own names for its things, for a model to pick from: (("cat", "PLAYER"), ("fish", "THING"))."""
    return tuple((str(value), prefix) for prefix, value in _names(constants).items() if str(value).strip())


def plan_from_reading(reading, request_text: str, source: str, lang: str,
                      constants: Optional[Dict[str, Constant]] = None) -> ChangePlan:
    """The edits a model's checked reading {thing, property, change, ...} asks for, made by the same rules."""
    constants = find_constants(source) if constants is None else constants
    return _plan(source, constants, [request_text], [request_from_reading(reading, _names(constants))], lang)


def _plan(source: str, constants: Dict[str, Constant], clauses: List[str], requests: List[Request],
          lang: str, first: Optional[Dict[str, object]] = None) -> ChangePlan:
    """The edits for the requests read from each clause (the rules' reading, or a model's), after the
    settings already decided (first: a new text)."""
    template_limits = _template_limits(constants)
    easier = next((request.easier for request in requests if request.easier), 0)
    kept = concrete_first(requests)
    requests, clauses = [requests[i] for i in kept], [clauses[i] for i in kept]
    for request in requests:
        name_by_values(constants, request)     # "the blue trucks are everywhere": the trucks, not blue
    take_quotes(constants, requests, _PARTS)
    bare_numbers_follow(requests)
    rules_of_new_things(requests, clauses)
    for index in range(len(requests) - 1):      # "the cat and the fish faster": the fish clause says how
        if requests[index].roles and property_of(requests[index]) is None:
            requests[index + 1].roles[:0] = requests[index].roles
            requests[index].roles = []
    planned: Dict[str, object] = dict(first or {})
    problems: List[Tuple[str, Request, str]] = []
    previous_roles: List[str] = []
    for request, clause in zip(requests, clauses):
        if not request.roles and not request.role_words and previous_roles:
            request.roles = other_roles(previous_roles, constants) if says_other(clause) \
                else list(previous_roles)          # "make the cat blue and faster", "... and the other green"
        previous_roles = request.roles or previous_roles
        if not (request.understood or request.roles or request.target or request.new_thing):
            continue                                # a new thing ("can there be a shop") is said so, not skipped
        changes, status = _clause_edits(constants, request, template_limits, planned, easier)
        if status:
            problems.append((status, request, clause))
        for name, new in changes:
            planned[name] = new
    edits = tuple(make_edit(source, constants[name], new) for name, new in planned.items()
                  if new != constants[name].value)
    if edits:
        message = _message("ok", lang, edits)
        if problems:                               # say which part was left out
            message += " " + i18n.tr("changes.partly", lang=lang, part=problems[0][2])
        return ChangePlan("ok", edits, message)
    if planned:
        return ChangePlan("at_limit", (), i18n.tr("changes.at_limit", lang=lang,
                                                  names=", ".join(sorted(planned))))
    status, request, _ = problems[0] if problems else ("unknown", Request(), "")
    return ChangePlan(status, (), _message(status, lang, attribute=property_of(request),
                                            thing=request.unknown_thing))


def change_program(request_text: str, source: str, lang: str = "en", run=None,
                   enrich: Optional[Enrich] = None) -> Tuple[ChangePlan, Optional[str]]:
    """Plan, apply and check a request: (plan, new source), or (plan with status "broken", None) when the
    changed game no longer runs 60 frames."""
    plan = plan_changes(request_text, source, lang, enrich)
    if plan.status != "ok":
        return plan, None
    changed = apply_edits(source, plan.edits)
    if still_runs(changed, run=run):
        return ChangePlan("broken", plan.edits, i18n.tr("changes.broken", lang=lang), plan.model), None
    return plan, changed


def describe_edit(edit: Edit, lang: str) -> str:
    """One line a child reads about an edit: "Line 12: FALL_SPEED was 3, now 2"."""
    return i18n.tr("changes.edit", lang=lang, line=edit.line, name=edit.name,
                   before=format_value(edit.old), after=format_value(edit.new))
