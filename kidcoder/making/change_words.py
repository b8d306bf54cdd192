"""How children ask to change a game, in English and Spanish: a request read into what, which way, how much.

read_request("make the fish fall slower", names={"THING": "fish"}) says: the
THING, its falling, down. Rules over the words of wish_words.py (where close misspellings
are forgiven: "fater", "enemys", "bakground"); changes.py turns a Request into edits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

from kidcoder.knowledge.words import fold
from kidcoder.making import nouns, wish_moods as moods
from kidcoder.making.wish_words import (
    ADDING, ARTICLES, ATTRIBUTE_WORDS, CHANGE_WORDS, COLOUR_WORDS, DARK, DIRECTION_SETS, DOUBLE, EASY, FAST, HALF,
    HARD, INSTEAD, INVERT, LESS, LIGHT, MORE, NEGATE, OF_WORDS, OPERATIONS, ROLE_WORDS, SHAPE_CUES, SHAPE_WORDS,
    SLOW, SPLIT_WORDS, STRONG, TOKEN, TOO_MANY, VOCABULARY, WEAK, colour_of, correct, has_direction, is_attribute,
    is_role, plain_word)
_A_WAY = frozenset("the a an my your this that any no".split())     # "out of the way": a way, not much


@dataclass
class Request:
    """What one clause of a request asks: roles and properties in the order written, and which way."""
    roles: List[str] = field(default_factory=list)        # ROLE_WORDS keys or constant-name prefixes
    role_words: List[str] = field(default_factory=list)   # the words that named them, upper case (CAT)
    unknown_thing: str = ""                                # a thing the game has no name for ("dragón")
    attributes: List[str] = field(default_factory=list)
    direction: int = 0                                     # +1 more, -1 less, 0 a value is given
    amount: str = "normal"                                 # normal, strong, weak, double, half
    number: Optional[int] = None
    relative: bool = False                                 # "3 more" rather than "3"
    colour: Optional[Tuple[int, int, int]] = None
    shape: Optional[str] = None
    controls: Optional[str] = None
    operation: Optional[str] = None
    easier: int = 0                                        # +1 easier, -1 harder
    counting: bool = False                                 # "more enemies", "menos meteoritos": how many
    new_thing: bool = False                                # "add a dog": a thing the game has not got
    describes: bool = False                                # says how the game is ("30 seconds is too short")
    numbers: List[int] = field(default_factory=list)       # every number, in order ("treinta ... 45 es mucho")
    target: Optional[str] = None                           # the setting a quoted value named (quoted_values.py)
    shade: int = 0                                         # +1 lighter, -1 darker
    in_seconds: bool = False                               # the number is a time ("30 segundos", "2 minutes")
    appears: bool = False                                  # a thing asked to be there ("que haya paredes")
    picture: Optional[str] = None                          # what a thing turns into ("images/dog.png")
    more_of: List[str] = field(default_factory=list)       # the words after "more"/"menos" ("golpes")
    recolour: bool = False                                 # another colour, none named ("cambiales el color")
    colours_at: List[Tuple[int, Tuple[int, int, int]]] = field(default_factory=list)   # every colour, where
    things_at: List[Tuple[int, str]] = field(default_factory=list)   # where a thing was named, and its role
    #                                                        (a prefix or ROLE_WORDS key; "" for another noun)

    @property
    def understood(self) -> bool:
        return bool(self.attributes or self.colour or self.shape or self.controls or self.operation
                    or self.easier or self.direction or self.shade or self.picture or self.recolour)


_SPELLED_WASD = re.compile(r"\bw[\s,.-]*a[\s,.-]*s[\s,.-]*d\b", re.IGNORECASE)     # "w a s d", "w,a,s,d"
# Two of those keys by their letters: "con la A y la D", "A and D", "the w and s keys" (a small letter needs
# "la"/"the"/"tecla" before it: "a" alone is a word).
_KEY_LETTER = r"(?:\b[WASD]|\b(?:la|the|tecla|letra|key)\s+[wasdWASD])"
_LETTER_KEYS = re.compile(_KEY_LETTER + r"\s*(?:,|y|and|e|&|/)\s*" + _KEY_LETTER + r"\b")


def split_clauses(text: str) -> List[str]:
    """'make the cat blue and faster' -> ['make the cat blue', 'faster'] (also at commas and full stops);
    "w a s d" spelt out comes back as one word, so read_request need not look for it again."""
    clauses, current = [], []
    for piece in re.split(r"([,.;!?]|\s+)", _LETTER_KEYS.sub("wasd", _SPELLED_WASD.sub("wasd", text))):
        if not piece or piece.isspace():
            continue
        if piece in ",.;!?" or fold(piece) in SPLIT_WORDS:
            if current:
                clauses.append(" ".join(current))
            current = []
        else:
            current.append(piece)
    if current:
        clauses.append(" ".join(current))
    return clauses


def _name_roles(names: Mapping[str, str]) -> Dict[str, str]:
    """Folded words (and the same thing's names in both languages) -> the prefix of the *_NAME that holds them."""
    found: Dict[str, str] = {}
    for prefix, value in names.items():
        for word in TOKEN.findall(fold(value)):
            found.setdefault(word, prefix)
            noun = nouns.exact_noun(word)
            if noun:
                for other in noun[0].en + noun[0].es:
                    found.setdefault(fold(other), prefix)
    return found


def read_request(text: str, lang: str, names: Mapping[str, str] = ()) -> Request:
    """One clause of a child's request (from split_clauses), read with the game's own names (PLAYER -> "gato",
    THING -> "fish")."""
    names = dict(names or {})
    name_roles = _name_roles(names)
    request = Request()
    originals = TOKEN.findall(text.lower())
    raw = [plain_word(re.sub(r"([^\W\d])\1{2,}", r"\1", fold(word))) for word in originals]  # "soooo": "so", not "1000"
    tokens = [correct(word, tuple(name_roles), lang) for word in raw]
    invert = cannot = False
    number_at = more_at = None
    named: List[str] = []                      # the roles named with the game's own words
    role_at: List[int] = []                    # where each role was named
    colour_at: Optional[int] = None
    too_much_at: Optional[int] = None          # "it turns way too much", "gira demasiado": less of that verb
    for index, word in enumerate(tokens):
        previous = tokens[index - 1] if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if moods.flat_out(tokens, index):
            word = "rapido"                       # "bajan a toda leche", "a todo gas": flat out
        if word in moods.COMMANDS and invert and request.direction:
            invert = False                        # "its too slow i want to go super fast": the wish, as said
        if moods.too_much(tokens, index, has_direction(following)):
            too_much_at = index
        colour = colour_of(raw[index], lang, name_roles)
        request.in_seconds = request.in_seconds or word in moods.SECONDS or word in moods.MINUTES
        if word in NEGATE or (word in INVERT and _inverts(tokens, index)) or (
                word in ("to", "2") and (has_direction(following) or following in moods.MANY)
                and (previous in moods.STATE_VERBS or previous in ("way", "r"))):    # "is to slow", not "need to chill"
            invert = invert or word != "tan" or previous in NEGATE   # "too fast", "is to slow", "no tan"
            if word in TOO_MANY:                  # "hay demasiados meteoritos"
                request.counting, request.direction = True, -1
        elif colour and word not in name_roles:
            request.colour, colour_at = colour, index
            request.colours_at.append((index, colour))
        elif word in SHAPE_WORDS and word not in name_roles:
            if INSTEAD & set(tokens[max(0, index - 3):index]):
                continue                              # "stars instead of squares"
            if previous in SHAPE_CUES or SHAPE_CUES & set(tokens) or is_role(previous, name_roles):
                request.shape = SHAPE_WORDS[word]     # "a star", "shape", "the bricks circles", not "in circles"
        elif word in name_roles:
            request.things_at.append((index, name_roles[word]))
            request.roles.append(name_roles[word])
            request.role_words.append(word.upper())
            named.append(name_roles[word])
            role_at.append(index)
        elif is_role(word, {}):
            role = next(role for role, members in ROLE_WORDS.items() if word in members)
            request.things_at.append((index, role))
            request.roles.append(role)
            request.role_words.append(word.upper())
            role_at.append(index)
            if moods.appears(tokens, index, ARTICLES):    # "que haya paredes": new code when the game has none
                request.appears = True
                request.unknown_thing = request.unknown_thing or originals[index]
        elif word in moods.MANY and (word not in STRONG or following in ("of", "de")):   # not "lots faster"
            # "a zillion aliens", "lots of fish"; "theres like a million trucks" is too many
            request.counting = True
            request.direction = -1 if invert or moods.complains(tokens, index) else 1
        elif (word in moods.SLOW_LIKE or word in moods.FAST_LIKE) and moods.complains(tokens, index):
            _read_property(request, "slow" if word in moods.SLOW_LIKE else "fast", "", True)   # "is a snail"
        elif nouns.exact_noun(word) and (not is_attribute(word) or moods.appears(tokens, index, ARTICLES)):
            noun = nouns.exact_noun(word)[0]          # a thing the game does not name ("the dragon")
            request.things_at.append((index, ""))
            request.role_words.extend(sorted({word.upper(), noun.key.upper()}))
            request.unknown_thing = request.unknown_thing or originals[index]
            request.new_thing = request.new_thing or _after(tokens, index, ADDING) or moods.appears(
                tokens, index, ARTICLES)                   # "add a dog", "que salgan corazones"
            picture = nouns.picture_of(noun) if moods.becomes(tokens, index, ARTICLES) else None
            if picture is not None and not request.new_thing:
                request.picture = picture.project_path     # "que el gato sea un perro"
            if noun.kind == "thing" and "THING" in name_roles.values() and _after(tokens, index, LESS):
                # "que lluevan menos piedras": fewer of something that falls or comes is fewer of the game's things
                request.roles.append("THING")
                request.counting, request.direction = True, -1
        elif word.isdigit() or (nouns.find_number(word) is not None and word not in ARTICLES
                                and not (lang == "en" and word == "once")):    # "at once" is not 11
            if previous not in NEGATE and not moods.compared(tokens, index):   # "60 seconds not 30", "formula 1"
                request.number, number_at = nouns.find_number(word), index
                request.numbers.append(request.number)
        elif word in MORE or word in LESS:
            request.direction = request.direction or (1 if word in MORE else -1)
            more_at = index
            after = [token for token in tokens[index + 1:index + 3] if not token.isdigit()][:1]
            request.counting = request.counting or any(is_role(token, name_roles) for token in after)
            request.more_of.extend(after)         # "más golpes": a comment may count them (setting_comments)
        elif word in DARK or word in LIGHT:
            request.shade = 1 if word in LIGHT else -1
        elif word in EASY or word in HARD:
            request.easier = 1 if word in EASY else -1
            if (word in moods.HARD_PLAIN or word in moods.EASY_PLAIN) and (
                    invert or moods.complains(tokens, index) or moods.unasked_difficulty(tokens)):
                request.easier = -request.easier          # "it's too hard", "muy difícil": easier
        elif word in OPERATIONS:
            if not INSTEAD & set(tokens[max(0, index - 2):index]):     # "de multiplicar no de sumar"
                request.operation = OPERATIONS[word]
        elif (word in WEAK and not (word in moods.FEW and previous not in ARTICLES)) or (
                word == "little" and (following in MORE or has_direction(following))):
            request.amount = "weak"              # "a bit faster", "a little slower", "un poco más"
        elif (word in STRONG and not (word == "way" and previous in _A_WAY) and not (
                word in moods.MUCH and previous == "too")) or word in DOUBLE or word in HALF:   # "too much": a step
            request.amount = "strong" if word in STRONG else ("double" if word in DOUBLE else "half")
        elif word in moods.FEW and previous not in ARTICLES and not request.direction:
            request.direction = 1 if invert or moods.complains(tokens, index) else -1    # "es muy poco"
            request.counting = request.counting or is_role(following, name_roles)      # "pocos meteoritos"
        elif word in moods.MINUTES:
            # "2 minutes", "dos minutos", "a whole minute" (60 seconds; not the "30 seconds" said before it)
            counted = number_at is not None and index - number_at <= 2 and request.number is not None
            if counted and request.numbers and request.numbers[-1] == request.number:
                request.numbers.pop()
            request.number, number_at = (request.number if counted else 1) * 60, index
            request.numbers.append(request.number)
            if "time" not in request.attributes:
                request.attributes.append("time")
        elif moods.at_once(tokens, index):        # "at the same time": how many, not how long
            request.counting = request.counting or moods.how_many_at_once(tokens, index)
        elif previous in ARTICLES and (_after(tokens, index, ADDING) or moods.appears(tokens, index, ARTICLES)) \
                and word.isalpha() and word not in VOCABULARY:
            request.new_thing = True              # "add a nitro boost": something the game has not got
            request.unknown_thing = request.unknown_thing or originals[index]
        elif has_direction(word) and moods.too_little(tokens, index):
            _read_property(request, word, previous, False)    # "not fast enough", "can't jump high": more
        else:
            complaint = not moods.comparative(word, previous, MORE | LESS) and moods.complains(tokens, index)
            negated = bool(NEGATE & set(tokens[max(0, index - 2):index])) or (
                word in ATTRIBUTE_WORDS["controls"] and bool(INSTEAD & set(tokens[max(0, index - 3):index])))
            if (word in FAST or word in SLOW) and moods.ends_soon(tokens, index):
                word = "short" if word in FAST else "long"       # "the race ends too quick": too short
            _read_property(request, word, previous, invert or complaint, negated)
            cannot = cannot or (is_attribute(word) and moods.cannot_do(tokens, index))    # "i cant steer"
    if request.unknown_thing and not request.roles and not request.new_thing and "fall" in request.attributes \
            and "THING" in name_roles.values():
        request.roles.append("THING")             # "q caigan más rápido las piedras": what falls is the game's thing
    if too_much_at is not None and not request.direction:
        request.direction = -1
        request.attributes = moods.verb_before(tokens, too_much_at, _attribute_of) or request.attributes
    if cannot and not request.direction and not request.number:
        request.direction = 1                     # "i cant steer in time", "no puedo saltar": more of it
    if request.direction and moods.says_half_as(tokens, HALF):
        request.direction = -request.direction    # "half as fast", "la mitad de rápido": slower
    request.relative = number_at is not None and more_at is not None and abs(number_at - more_at) <= 2
    request.describes = moods.describes(tokens)
    request.recolour = request.colour is None and not request.shade and bool(
        COLOUR_WORDS & set(tokens) and CHANGE_WORDS & set(tokens))      # "cambiales el color porfa"
    if len(set(request.roles)) > 1:               # "the cat is too slow, it can't get the fish": the cat
        request.roles = [_subject(tokens, request.roles, role_at, named, colour_at)]
    return request


def _subject(tokens: List[str], roles: List[str], role_at: List[int], named: List[str],
             colour_at: Optional[int] = None) -> str:
    """The first thing a clause names, or the game's own name that says which one it is: "la pala de la
    derecha" (of the paddles, the right one), or the one a colour is said of ("balas verdes", "green bullets")."""
    if colour_at is not None:
        beside = [role for role, at in zip(roles, role_at) if abs(at - colour_at) == 1]
        if len(set(beside)) == 1:
            return beside[0]
    if roles[0] not in named and roles[1] in named and all(
            word in OF_WORDS for word in tokens[role_at[0] + 1:role_at[1]]):
        return roles[1]
    return roles[0]


def _attribute_of(word: str) -> Optional[str]:
    return next((attribute for attribute, members in ATTRIBUTE_WORDS.items() if word in members), None)


def _inverts(tokens: List[str], index: int) -> bool:
    """"too fast", "demasiado rápido", "too many": yes; "the cat is slow too, make him faster": no (also)."""
    if tokens[index] != "too":
        return True
    ahead = [word for word in tokens[index + 1:index + 3] if word not in STRONG]
    return bool(ahead) and (has_direction(ahead[0]) or ahead[0] in moods.MANY or ahead[0] in EASY | HARD
                            or ahead[0] in moods.SLOW_LIKE | moods.FAST_LIKE)


def _after(tokens: List[str], index: int, words: frozenset) -> bool:
    """Is the word at index right after one of words (articles between): "add a", "another", "más", "menos"?"""
    before = [word for word in tokens[max(0, index - 3):index] if word not in ARTICLES]
    return bool(before) and before[-1] in words


def _read_property(request: Request, word: str, previous: str, invert: bool, negated: bool = False) -> None:
    """Adjectives ("faster", "más lento") and property words ("jump", "vidas") of one token."""
    for members, attribute, sign in DIRECTION_SETS:
        if word in members:
            if previous in LESS:
                sign = -sign                 # "less fast", "menos rápido"
            if invert:
                sign = -sign                 # "too fast", "no tan rápido"
            request.direction = sign
            if attribute and attribute not in request.attributes:
                request.attributes.append(attribute)
            return
    for attribute, members in ATTRIBUTE_WORDS.items():
        if word in members:
            if attribute == "controls":
                # "wasd not the arrows", "wasd, my arrows broke", "he takes the arrow keys so I want wasd"
                if not negated and (not request.controls or word == "wasd"):
                    request.controls = "wasd" if word == "wasd" else "arrows"
            elif attribute not in request.attributes:
                request.attributes.append(attribute)
            return

