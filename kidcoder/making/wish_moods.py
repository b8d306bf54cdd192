"""What a wish says is wrong NOW, read as the change it asks for: "the ball is so slow" wants it faster.

Children often describe their game instead of asking for a change: "the ship is a snail", "la pelota
va demasiado rápido", "theres like a million trucks", "es muy difícil". A plain word (slow, not slower)
after a verb that says how things are, or after "like"/"como", is a complaint, and the change goes the
other way; "make it fast", "quiero que sea rápido" and "faster" are wishes and go the way they say.
Pure word lists and functions for change_words.read_request.
"""
from __future__ import annotations

import re
from typing import Sequence

from kidcoder.knowledge.words import fold, folded_words as _words


# Steering said as what the car does now: "it swerves crazy fast" is too much steering.
STEER_VERBS = _words("swerve swerves swerving drifts derrapa derrapan")
# Verbs that say how the game is now (not what the child wants it to be).
STATE_VERBS = STEER_VERBS | _words(
    "is isnt are arent r its was were theres thats there's seems looks goes go moves move runs run drives falls fall "
    "jumps jump drops drop walks walk turns turn takes feels es son esta estan era va van voy anda andan ando hay cae "
    "caen caigo baja bajan sube suben salta saltan salto corre corren corro gira giran giro muevo mueve mueven tarda "
    "tardan se siente")
LIKE = _words("like como parece parecen")
# Words before which a plain word is what the child wants: "make it fast", "quiero que sea rápido".
COMMANDS = _words("make let want wanna should put set give gimme add need needs haz hazlo hace hacer "
                  "pon ponlo ponle ponla quiero queria quisiera deberia debe puedes que ke ojala")
# Things a child likens their game's things to: a snail is slow, a rocket fast.
SLOW_LIKE = _words("snail snails turtle turtles tortoise sloth slug grandma grandmas granny grannies grandpa "
                   "caracol caracoles tortuga tortugas perezoso babosa abuela abuelita abuelo abuelito")
FAST_LIKE = _words("rocket rockets cheetah lightning jet cohete cohetes rayo guepardo")
# "a zillion aliens", "un montón de peces": how many, and more of them.
MANY = _words("many lots tons loads bunch million millions zillion zillions billion gazillion everywhere muchos muchas "
              "monton montones mogollon millon millones")
# "es muy poco", "too few": too little of something (so more); "un poco" is "a bit", not this.
FEW = _words("few poco pocos pocas")
MINUTES = _words("minute minutes minuto minutos")
SECONDS = _words("seconds second secs sec segundos segundo segs seg")
# The game ending: "the race ends too quick", "se acaba muy rápido" is how long it lasts, not how fast.
ENDS = _words("end ends ended over finish finishes finished acaba acabe acabo termina termine termino")
# Plain words of difficulty: "it's hard" complains, "make it harder" asks.
HARD_PLAIN = _words("hard difficult dificil impossible imposible")
EASY_PLAIN = _words("easy facil")
# Doing something new: "make the cat shoot lasers", "que la serpiente eche fuego". A game with no setting
# named for it (BULLET_..., FIRE_...) needs new code for that; a model must not guess a setting instead.
NEW_ACTIONS = {word: parts.split() for words, parts in (
    ("shoot shoots shooting fire dispare dispara disparar disparen eche echa lanza lance", "BULLET SHOOT FIRE"),
    ("explode explodes explote exploten explotar destroy destroys destruya destruir", "EXPLODE BOMB"),
    ("protect protects proteja proteger shield escudo", "SHIELD"),
    ("fly flies vuele vuela volar teleport", "FLY"),
) for word in _words(words)}
# Asking for a thing to be there: "que haya paredes", "que salgan corazones", "ponle paredes", "put walls".
APPEAR = _words("haya hayan hubiera salga salgan aparezca aparezcan appear appears spawn spawns pon ponle ponles "
                "put")
# Turning one thing into another: "que el gato sea un perro", "can my car be a lambo", "turn it into a dog".
BECOME = _words("be sea sean fuera fueran ser become becomes into")
# "not fast enough", "can't jump high": there is too little of it now (so more, not less).
ENOUGH = _words("enough enuf suficiente suficientemente")
# A "not" that belongs to its verb: "isn't fast enough", "can't jump high" are read with the verb (too_little).
NOT_OF_A_VERB = _words("isnt arent doesnt cant cannot")
NOT_WORDS = _words("not no dont nunca") | NOT_OF_A_VERB
CANNOT = _words("cant cannot")
CAN = _words("puedo puede puedes podemos pueda")        # after "no": can't
SO_WORDS = _words("so too soo muy tan demasiado demasiada re")
_STRONGER = SO_WORDS | _words("way super really very bien mucho")
# Said of a time, "at the same time", "a la vez", "al mismo tiempo": how many at once, not how long.
AT_ONCE = (("same", "time"), ("la", "vez"), ("mismo", "tiempo"))
IN_TIME = (("in", "time"), ("a", "tiempo"))        # "i cant steer in time": soon enough, not how long
OFTEN_TIMES = _words("time times tiempo rato")
OFTEN_BEFORE = _words("every each single next this last")


# "a toda leche", "a toda pastilla", "a todo gas", "a todo trapo": Spanish slang for flat out, any last word.
FLAT_OUT = (("a", "toda"), ("a", "todo"))
# "too much", "demasiado" said of a verb, with no direction word after: "it turns way too much".
TOO_MUCH = _words("demasiado demasiada")
MUCH = _words("much mucho")


def flat_out(tokens: Sequence[str], index: int) -> bool:
    """Is the word at index the last of "a toda X" / "a todo X" (flat out, whatever X is)?"""
    return index >= 2 and tuple(tokens[index - 2:index]) in FLAT_OUT


def too_much(tokens: Sequence[str], index: int, direction_after: bool) -> bool:
    """Is the word at index "too much" (its "too") or a "demasiado" that is not before a direction word
    ("demasiado rápido" says which way itself), nor before a thing ("demasiados" counts, elsewhere)?"""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if tokens[index] == "too":
        return following in MUCH
    return tokens[index] in TOO_MUCH and not direction_after and following not in MANY


def verb_before(tokens: Sequence[str], index: int, attribute_of) -> list:
    """[the property of the nearest word before index that names one] ("turns way too much": steer), or []."""
    for back in range(index - 1, max(-1, index - 5), -1):
        attribute = attribute_of(tokens[back])
        if attribute:
            return [attribute]
    return []


def comparative(word: str, previous: str, more_or_less: frozenset) -> bool:
    """'faster', 'más rápido', 'less fast': a word that already says which way."""
    return previous in more_or_less or (word.endswith(("er", "est")) and len(word) > 4)


def complains(tokens: Sequence[str], index: int) -> bool:
    """Does the word at index describe the game as it is now: after a state verb or a likening word,
    with no wish word ('make', 'quiero que') before that verb?"""
    for back in range(index - 1, -1, -1):
        word = tokens[back]
        if word in COMMANDS:
            return False
        if word in STATE_VERBS or word in LIKE:
            return not any(earlier in COMMANDS for earlier in tokens[:back])
    return False


def said(tokens: Sequence[str], at: int, words: frozenset = NOT_WORDS) -> bool:
    """Is the token at `at` one of words (a "not"), also when its "n't" came apart ("can't" is "can", "t")?"""
    word = tokens[at]
    return word in words or (word == "t" and at > 0 and tokens[at - 1] + "t" in words)


def too_little(tokens: Sequence[str], index: int) -> bool:
    """Does the direction word at index say there is too little of it: "isn't fast enough", "no va
    suficientemente rápido" (a "not" before, "enough" near), or "the frog can't jump high" ("can't" and one
    verb right before, and no "so"/"too": "I can't, it's so fast" complains of too much)?"""
    before = range(max(0, index - 4), index)
    near = set(tokens[max(0, index - 2):index + 3])
    if ENOUGH & near and any(said(tokens, at) for at in before):
        return True
    if index and tokens[index - 1] in SO_WORDS:
        return False
    return any(said(tokens, at, CANNOT) for at in range(max(0, index - 3), index - 1))


def appears(tokens: Sequence[str], index: int, articles: frozenset) -> bool:
    """Is the thing at index asked to be there ("que haya paredes", "que salgan corazones", "can there be a
    shop", "ponle paredes"), right after such a word (articles between)?"""
    back = _before(tokens, index, articles)
    return back >= 0 and (tokens[back] in APPEAR or (tokens[back] == "be" and "there" in tokens[max(0, back - 3):back]))


def becomes(tokens: Sequence[str], index: int, articles: frozenset) -> bool:
    """Is the thing at index what another is to turn into: "que el gato sea un perro", "can my car be a lambo",
    "turn the cat into a dog", "convierte el gato en un perro" (not "like a rocket": that says how fast)?"""
    back = _before(tokens, index, articles)
    return back >= 0 and (tokens[back] in BECOME or (
        tokens[back] == "en" and any(word.startswith("convi") for word in tokens[:back])))


def _before(tokens: Sequence[str], index: int, skipped: frozenset) -> int:
    """Where the word before index is, past the skipped ones (-1 when there is none)."""
    back = index - 1
    while back >= 0 and tokens[back] in skipped:
        back -= 1
    return back


def compared(tokens: Sequence[str], index: int) -> bool:
    """Is the word at index part of what the game is likened to: "as fast as a formula 1 car", "tan rápido
    como un fórmula 1" (its number names the thing, it is not a value)?"""
    return any(tokens[at] in ("as", "tan") and tokens[at + 2] in ("as", "como")
               for at in range(max(0, index - 8), index - 2))


def ends_soon(tokens: Sequence[str], index: int) -> bool:
    """Is the fast or slow word at index said of the game ending ("is over way too quick", "se acaba muy
    rápido"): the game is short (or long), not fast?"""
    back = _before(tokens, index, _STRONGER)
    return back >= 0 and tokens[back] in ENDS


def cannot_do(tokens: Sequence[str], index: int) -> bool:
    """Is the word at index what the child can't do: "i cant steer", "no puedo girar" (too little of it)?"""
    return any(said(tokens, at, CANNOT) or (tokens[at] in CAN and at and tokens[at - 1] in NOT_WORDS)
               for at in range(max(0, index - 2), index))


def at_once(tokens: Sequence[str], index: int) -> bool:
    """Is the time word at index part of 'at the same time', 'a la vez', 'al mismo tiempo' (how many at once),
    or of a way of saying "often": 'I crash all the time', 'every single time', 'todo el rato'?"""
    if not index:
        return False
    two_before = tuple(tokens[max(0, index - 2):index])
    if tokens[index] == "tiempo" and tokens[index - 1] in ("da", "dio", "daba", "dar"):
        return True           # "no me da tiempo a girar": I have no time to turn (it is too fast)
    return (tokens[index - 1], tokens[index]) in AT_ONCE + IN_TIME or (tokens[index] in OFTEN_TIMES and (
        tokens[index - 1] in OFTEN_BEFORE or two_before in (("all", "the"), ("todo", "el"))))


def how_many_at_once(tokens: Sequence[str], index: int) -> bool:
    """'6 peces a la vez', 'three bullets at the same time': the phrase at index counts things at once
    (not 'all the time', which only says often)."""
    return (tokens[index - 1], tokens[index]) in AT_ONCE


def says_half_as(tokens: Sequence[str], half_words: frozenset) -> bool:
    """'half as fast', 'la mitad de rápido': the way its direction word says is the other way."""
    return any(word in half_words and following in ("as", "de") for word, following in zip(tokens, tokens[1:]))


def unasked_difficulty(tokens: Sequence[str]) -> bool:
    """'muy difícil', "it's too hard": difficulty with no wish word in the clause is a complaint."""
    return not any(word in COMMANDS for word in tokens)


def describes(tokens: Sequence[str]) -> bool:
    """Does the clause say how the game is ('30 seconds is too short'), not what the child wants?"""
    return any(word in STATE_VERBS for word in tokens) and not any(word in COMMANDS for word in tokens)


def new_action(text: str, constants) -> str:
    """The words of a new thing to do ("shoot lazers") when the wish asks for one and no setting's name is
    about it, else ''."""
    words = re.findall(r"\w+", text.lower())
    for index, word in enumerate(words):
        parts = NEW_ACTIONS.get(fold(word))
        if parts and not any(set(name.split("_")) & set(parts) for name in constants):
            return " ".join(words[index:index + 2])
    return ""
