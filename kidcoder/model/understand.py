"""Understanding a child's words with a small model: short prompts, a JSON schema, and checks on the reply.

A 0.5B model explains poorly but reads well, so it gets three reading jobs, each
answered with one JSON object whose every value is picked from a list we give it
(the game's own names, ~13 property words, template ids, scenes, ~40 topic words) or is a number or
a word the child really wrote. It never writes a name or an amount of its own.

- "change": a "Change my game" request -> {thing, property, change, number, colour, shape}
- "describe": a game description -> {player, thing, scene, speed, count, template}: the nouns first, and a
  template that is not ours (Qwen 0.5B wrote "player" or a noun there, asked for the template first) is
  null, so the rules' template stands
- "search": a misspelled or Spanish question -> {language, topics} (topics from model/search_topics.py)

Each prompt keeps everything fixed in its system part (the same text every time,
so an engine can keep its state between calls) and stays under 200 tokens, its retry
and prefilled answer start included (measured with Qwen2.5-Coder's own tokenizer: at most 191,
SmolLM2's 198); the child's words get all the room the rest leaves, so a retry keeps about 60
characters of a long wish and 85 of a question; lists already in the prompt are pointed at, not
repeated, by a retry's error. A
classroom server gets the schema (`ChatPrompt.schema`) and is held to it; a local
gpt4all model has no grammar, so its answer starts with the JSON's first characters
(`prefill`) and is checked here: read_reply() says what is wrong, and the service
asks once more with that error before it falls back to the rules.
"""
from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from kidcoder.knowledge.words import fold
from kidcoder.making import nouns
from kidcoder.making.wish_words import SHAPE_WORDS
from kidcoder.model.chat import (CHATML, PROMPT_BUDGET, ChatFormat, ChatPrompt, estimate_tokens,
                                  trim_to_tokens)
from kidcoder.model.facts import ChangeFacts, DescriptionFacts, Facts, SearchFacts
from kidcoder.model.reply_json import colours_in, enum_word, json_object, numbers_in, whole_number, words_of
from kidcoder.model.search_topics import MAX_TOPICS, TOPIC_WORDS, TOPICS

PROPERTIES = ("speed", "fall speed", "jump", "gravity", "size", "count", "lives", "time", "win score",
              "biggest number", "colour", "shape", "difficulty", "other")
CHANGES = ("more", "less", "set")
# What a small model writes for a listed property instead of its name (Qwen 0.5B wrote "life", "zoom speed"):
# read as that property when its words point at one property only; a wish no word points at is "other".
PROPERTY_WORDS = {
    "speed": ("speed", "fast", "faster", "slow", "slower", "quick", "quicker", "velocity", "zoom", "pace", "move",
              "movement", "run", "running"),
    "fall speed": ("fall", "falling", "drop", "dropping"), "jump": ("jump", "jumping", "bounce", "leap"),
    "gravity": ("gravity",), "size": ("size", "big", "bigger", "small", "smaller", "tiny", "huge", "scale", "radius"),
    "count": ("count", "amount", "many", "quantity", "enemies", "number of"),
    "lives": ("lives", "life", "heart", "hearts", "health", "hp"), "time": ("time", "seconds", "timer"),
    "win score": ("win", "goal", "target"), "colour": ("colour", "color"), "shape": ("shape",),
    "difficulty": ("difficulty", "hard", "easy"),
}
COMMON_THINGS = ("player", "enemies", "background", "whole game")
SPEEDS = ("slow", "normal", "fast")
SCENE_WORDS = ("none", "space", "night", "sea", "sky", "forest", "jungle", "snow", "desert", "beach", "lava",
               "city", "castle")
SHAPES = nouns.SHAPES
ANSWER_TOKENS = {"change": 60, "describe": 60, "search": 40}
_NOUN = re.compile(r"^[a-z][a-z ]{1,23}$")
# What each template is, in a few words (the model chooses among these ids).
TEMPLATE_GLOSS = {"pong": "2 players", "quiz": "maths", "painter": "draw"}
THINGS_TOKENS = 20               # the game's things in a change prompt (more are cut)
CHILD_CHARS = 150                # the child's words in a prompt (a longer wish or idea is cut)
RETRY_ERROR_TOKENS = 20          # a retry's error is cut to about this many tokens (ours are at most 19)
# The label before the child's words in each prompt's user part (a retry finds the words by it).
CHILD_LABEL = {"change": "\nWish: ", "describe": "Idea: ", "search": "Question: "}


def _nullable_enum(values: Sequence[str]) -> dict:
    return {"enum": list(values) + [None]}


def change_schema(things: Sequence[str]) -> dict:
    """The JSON a change request becomes: every value picked from a list, or a number, or null."""
    return {"type": "object", "additionalProperties": False,
            "required": ["thing", "property", "change", "number", "colour", "shape"],
            "properties": {
                "thing": {"enum": list(dict.fromkeys(list(things) + list(COMMON_THINGS)))},
                "property": {"enum": list(PROPERTIES)},
                "change": {"enum": list(CHANGES)},
                "number": {"type": ["integer", "null"]},
                "colour": _nullable_enum(nouns.colour_names()),
                "shape": _nullable_enum(SHAPES)}}


def describe_schema(templates: Sequence[str]) -> dict:
    """The JSON a game description becomes: two nouns first (what a small model reads best), a scene, a speed,
    a count, and a template id or null (the rules' template stands)."""
    noun = {"anyOf": [{"type": "string", "pattern": "^[a-z]{2,20}$"}, {"type": "null"}]}
    return {"type": "object", "additionalProperties": False,
            "required": list(DESCRIBE_KEYS),
            "properties": {"player": noun, "thing": noun,
                           "scene": {"enum": list(SCENE_WORDS)}, "speed": {"enum": list(SPEEDS)},
                           "count": {"type": ["integer", "null"]}, "template": _nullable_enum(templates)}}


SEARCH_SCHEMA = {"type": "object", "additionalProperties": False, "required": ["topics", "language"],
                 "properties": {"topics": {"type": "array", "minItems": 1, "maxItems": MAX_TOPICS,
                                           "items": {"enum": list(TOPIC_WORDS)}},
                                "language": {"enum": ["en", "es"]}}}
SEARCH_PREFILL = '{"topics": ["'

# Each property with the everyday words that mean it (a small model wrote the wish itself as the property:
# "dance", "zoom around"), "other" for a wish no property holds, and "set" only with a value to set.
_PROPERTY_HINTS = {"speed": "fast, slow", "size": "big, small", "lives": "hearts"}
_CHANGE_SYSTEM = (
    'Read a game wish into JSON: {"thing", "property", "change", "number", "colour", "shape"}. '
    "thing: a listed thing, player, enemies, background or whole game. property: "
    + ", ".join(f"{prop} ({_PROPERTY_HINTS[prop]})" if prop in _PROPERTY_HINTS else prop for prop in PROPERTIES)
    + ". change: more, less or set. number, colour, shape: the child's in English, or null.")
DESCRIBE_KEYS = ("player", "thing", "scene", "speed", "count", "template")
DESCRIBE_PREFILL = '{"player": "'


def describe_system(templates: Sequence[str]) -> str:
    """The fixed part of a game-idea prompt: each value on its own, the template types listed (a 0.5B model
    that saw the keys in a row, {"template", "player", ...}, wrote "player" as the template's value)."""
    kinds = ", ".join(f"{tid} ({TEMPLATE_GLOSS[tid]})" if tid in TEMPLATE_GLOSS else tid for tid in templates)
    return ("Read a child's game idea into JSON. player: who the child plays, one English noun or null. "
            "thing: what they catch, avoid or shoot, one English noun or null. scene: a place (space, sea, "
            "snow...) or none. speed: slow, normal or fast. count: how many things or null. template: one of "
            + kinds + ", or null.")


_SEARCH_SYSTEM = (
    "Turn a question into one JSON object. topics: 1 or 2 words for what it asks about, only from: "
    + ", ".join(TOPIC_WORDS) + '. language: "en" or "es". Example: "hola k tal" -> '
    '{"topics": ["other"], "language": "es"}.')
RETRY_WORDS = "\nWrong: {error}."         # the prefilled answer start (or a server's schema) keeps it JSON
CUT_MARK = " …"


def _fit(system: str, head: str, child: str, tail: str, fmt: ChatFormat, prefill: str) -> str:
    """head, the child's words and tail, the words cut so the prompt with its prefilled answer start
    stays within PROMPT_BUDGET (no floor: a game with many long names leaves fewer of the words).

    The whole prompt is measured for each cut (whole words, then " …"), so the words get every token the
    budget leaves: a retry's error takes room from them, and nothing else does."""
    words = " ".join(child.split())[:CHILD_CHARS]

    def fits(text: str) -> bool:
        return estimate_tokens(fmt.full_prompt(system, head + text + tail) + prefill) <= PROMPT_BUDGET

    if fits(words):
        return head + words + tail
    spaces = [match.start() for match in re.finditer(r" ", words)]
    cut = _longest(spaces, lambda end: fits(words[:end] + CUT_MARK)) or _longest(     # no whole word fits:
        range(1, len(words)), lambda end: fits(words[:end] + CUT_MARK))              # cut inside one
    kept = words[:cut] + CUT_MARK if cut else ""
    return head + kept + tail


def _longest(ends: Sequence[int], fits) -> int:
    """The largest of the rising ends for which fits(end) holds (0 when none does), found by halving."""
    low, high = 0, len(ends)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(ends[middle - 1]):
            low = middle
        else:
            high = middle - 1
    return ends[low - 1] if low else 0


def _prompt(kind: str, system: str, user: str, fmt: ChatFormat, lang: str, schema: dict, prefill: str) -> ChatPrompt:
    return ChatPrompt(kind, system, user, fmt, ANSWER_TOKENS[kind], lang, schema=schema, prefill=prefill)


def _things(facts: ChangeFacts) -> List[str]:
    return [fold(name).lower() for name, _role in facts.things if name]


def change_prompt(facts: ChangeFacts, lang: str, fmt: ChatFormat = CHATML) -> ChatPrompt:
    """The game's things and the wish; the rules of the answer stay in the (fixed) system part."""
    named = ", ".join(f"{fold(name).lower()} ({role.lower()})" for name, role in facts.things if name) or "none"
    named = trim_to_tokens(named, THINGS_TOKENS)      # a game with many long names leaves room for the wish
    prefill = '{"thing": "'
    user = _fit(_CHANGE_SYSTEM, f"Things: {named}." + CHILD_LABEL["change"], facts.request, "", fmt, prefill)
    return _prompt("change", _CHANGE_SYSTEM, user, fmt, lang, change_schema(_things(facts)), prefill)


def describe_prompt(facts: DescriptionFacts, lang: str, fmt: ChatFormat = CHATML) -> ChatPrompt:
    """The child's idea; the game types and what each value is stay in the (fixed) system part."""
    system = describe_system(facts.templates)
    user = _fit(system, CHILD_LABEL["describe"], facts.description, "", fmt, DESCRIBE_PREFILL)
    return _prompt("describe", system, user, fmt, lang, describe_schema(facts.templates), DESCRIBE_PREFILL)


def search_prompt(facts: SearchFacts, lang: str, fmt: ChatFormat = CHATML) -> ChatPrompt:
    """The child's question, nothing else."""
    user = _fit(_SEARCH_SYSTEM, CHILD_LABEL["search"], facts.question, "", fmt, SEARCH_PREFILL)
    return _prompt("search", _SEARCH_SYSTEM, user, fmt, lang, SEARCH_SCHEMA, SEARCH_PREFILL)


BUILDERS = {"change": change_prompt, "describe": describe_prompt, "search": search_prompt}


def retry_prompt(prompt: ChatPrompt, _reply: str, error: str) -> ChatPrompt:
    """The same request once more, told what was wrong with the reply (the system part is unchanged).

    The wrong reply is not quoted (its tokens cannot be foreseen; the error says what to fix). The error
    is cut to RETRY_ERROR_TOKENS, and when the whole retry would pass PROMPT_BUDGET the end of the child's
    words is cut (only long words are: the first try keeps more of them)."""
    head, label, child = prompt.user.partition(CHILD_LABEL[prompt.kind])
    tail = RETRY_WORDS.format(error=trim_to_tokens(error, RETRY_ERROR_TOKENS))
    user = _fit(prompt.system, head + label, child, tail, prompt.format, prompt.prefill)
    return ChatPrompt(prompt.kind, prompt.system, user, prompt.format, prompt.max_tokens, prompt.lang,
                      schema=prompt.schema, prefill=prompt.prefill)


# ---- reading a reply ------------------------------------------------------------------------

def property_of(value) -> Optional[str]:
    """A model's property made one of PROPERTIES: the listed word itself, or the one property its words point at
    ("zoom speed", "life" -> "lives", "jump height"); "other" when they point at none ("dance"), None for no
    value or words that point at two ("speed size")."""
    word = enum_word(value)
    if word is None or word in PROPERTIES:
        return word
    said = " ".join(re.findall(r"[a-z]+", word))
    found = {prop for prop, hints in PROPERTY_WORDS.items()
             if any(re.search(r"\b" + hint + r"\b", said) for hint in hints)}
    if "fall speed" in found:
        found.discard("speed")                   # "falling speed" is about falling
    return found.pop() if len(found) == 1 else None if found else "other"


def _named_thing(facts: ChangeFacts) -> Optional[str]:
    """The game's thing the rules find named in the wish ("the aliens need to chill": alien), or None."""
    from kidcoder.making.change_words import read_request

    names = {role: fold(name).lower() for name, role in facts.things if name}
    roles = read_request(facts.request, facts.lang, names).roles
    named = [names[role] for role in dict.fromkeys(roles) if role in names]
    return named[0] if len(named) == 1 else None


def _check_change(data: dict, facts: ChangeFacts) -> Tuple[Optional[dict], str]:
    things = list(dict.fromkeys(_things(facts) + list(COMMON_THINGS)))
    out = {"thing": enum_word(data.get("thing")), "property": property_of(data.get("property")),
           "change": enum_word(data.get("change"))}
    for name, allowed, words in (("thing", things, "the listed things"), ("property", PROPERTIES, "the listed words"),
                                 ("change", CHANGES, "more, less, set")):
        if out[name] not in allowed:               # the lists are in the prompt: the error stays short
            return None, f"{name} must be one of {words}"
    named = _named_thing(facts)
    if named and out["thing"] != "background":
        out["thing"] = named                       # the thing the child named ("the ship is a snail": ship)
    number, problem = whole_number(data.get("number"))
    if problem:
        return None, problem
    if out["change"] == "set" and number is None and out["property"] not in ("colour", "shape", "other"):
        return None, "change must be more or less"     # set, with nothing to set it to
    if number is not None and number not in numbers_in(facts.request):
        if out["change"] == "set" and out["property"] not in ("colour", "shape"):
            return None, f"the child wrote no number {number}; use null"
        number = None                    # a number nobody wrote is dropped, not believed
    colour = enum_word(data.get("colour") or data.get("color")) if out["property"] == "colour" else None
    shape = enum_word(data.get("shape")) if out["property"] == "shape" else None
    if out["property"] == "colour":
        rgb = nouns.find_colour(colour, "en") if colour else None
        if rgb is None:
            return None, "colour must be an English colour word"
        if rgb not in colours_in(facts.request, facts.lang):
            return None, "the child named no such colour"
    if out["property"] == "shape":
        said = {SHAPE_WORDS[fold(word)] for word in words_of(facts.request) if fold(word) in SHAPE_WORDS}
        if shape not in SHAPES or shape not in said:
            return None, "the child named no such shape"
    out.update(number=number, colour=colour, shape=shape)
    return out, ""


def _check_describe(data: dict, facts: DescriptionFacts) -> Tuple[Optional[dict], str]:
    template = enum_word(data.get("template"))
    template = template.replace(" ", "_") if template else template
    # a template that is not listed (a noun, a key's name) is no template: the rules' template stands
    out: Dict[str, object] = {"template": template if template in facts.templates else None}
    for role in ("player", "thing"):
        value = enum_word(data.get(role))
        if value is not None and not _NOUN.match(fold(value)):
            return None, f"{role} must be one noun or null"
        out[role] = fold(value) if value else None
    scene, speed = enum_word(data.get("scene")) or "none", enum_word(data.get("speed")) or "normal"
    scene = scene if scene in SCENE_WORDS else "none"      # a place we have no scene for: no scene, not an error
    if speed not in SPEEDS:
        return None, "speed must be slow, normal or fast"
    count, problem = whole_number(data.get("count"))
    if problem:
        return None, problem.replace("number", "count")
    if count is not None and count not in numbers_in(facts.description):
        count = None                     # a count the child did not write is dropped, not an error
    out.update(scene=scene, speed=speed, count=count)
    return out, ""


def _topic(value) -> Optional[str]:
    """A topic word as a small model may write it ("Loops", "color") -> the list's word, else None."""
    word = enum_word(value) if isinstance(value, str) else None
    word = "colour" if word == "color" else word
    for candidate in (word, word[:-1] if word and word.endswith("s") else None):
        if candidate in TOPICS:
            return candidate
    return None


def _check_search(data: dict, facts: SearchFacts) -> Tuple[Optional[dict], str]:
    language = enum_word(data.get("language"))
    if language not in ("en", "es"):
        return None, 'language must be "en" or "es"'
    topics = data.get("topics")
    if isinstance(topics, str):
        topics = [topics]
    if not isinstance(topics, list) or not topics:
        return None, f"topics must be a list of 1 or {MAX_TOPICS} topics"
    picked = [topic for topic in dict.fromkeys(_topic(value) for value in topics) if topic]
    if not picked:                       # a word off the list is dropped; none on it is an error
        return None, "use only topics from the list"
    return {"language": language, "topics": picked[:MAX_TOPICS]}, ""


_CHECKS = {"change": _check_change, "describe": _check_describe, "search": _check_search}


def read_reply(text: str, facts: Facts, prefill: str = "") -> Tuple[Optional[dict], str]:
    """(the checked JSON object, "") or (None, what was wrong, in words a retry prompt can carry)."""
    data = json_object(text, prefill)
    if data is None:
        return None, "the reply was not one JSON object"
    return _CHECKS[facts.kind](data, facts)


def change_things(names: Mapping[str, str]) -> Tuple[Tuple[str, str], ...]:
    """The game's things for ChangeFacts from its *_NAME settings: (("cat", "PLAYER"), ("fish", "THING"))."""
    return tuple((str(value), prefix) for prefix, value in names.items() if str(value).strip())
