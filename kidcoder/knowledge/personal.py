"""Questions about a person (the helper or the child), not about a program: no card answers them.

"¿Cómo te llamas?" (what is your name) shares a word with the recursion card ("una función que
se llama a sí misma"), and "¿quién es mi mejor amigo?" shares "amigo" with the two-player card
and "mejor" with the high-score card. Matching words cannot tell these apart; the shape of the
question can:
- it asks *who is* ("who is", "who are you", "quién es", "quién eres"): cards explain code, never people
  ("who wins", "quién gana" still ask about the game);
- all it is about is said to the helper: in Spanish the verb after "te" ("te llamas", "te
  gusta") or the thing after "tu" ("tu nombre"); in English the thing after "your" ("your
  name"). "how do you make your guy jump" still asks about jumping;
- it asks about a thing of the helper's that no card talks about ("tu perro", "tu comida favorita", "your
  favrit food"): "tu personaje salte" has only cards' words, so it is about a game, and so is a question
  that asks how to make or do something ("how do i make your dinosaur jump", "como hago que tu robot dispare");
Pure: folded words only; shorthand ("kien", "ur") is read first, and with the cards' words by sound
(`said`: SoundAlikes.said) every word is read as the index reads it ("wats ur naim": whats your name).
"""
from __future__ import annotations

from typing import Callable, List, Optional, Tuple

from kidcoder.knowledge import words
from kidcoder.knowledge.spelling import SHORTHAND

Said = Callable[[str], List[Tuple[str, List[str], bool]]]   # question -> each word typed, read, known to cards

WHO = {"en": frozenset({"who", "whos", "whose"}), "es": frozenset({"quien", "quienes"})}
IS = {"en": frozenset({"is", "are", "was", "were", "am"}), "es": frozenset({"es", "eres", "son", "era", "fue", "sera"})}
# words that make the next word something of the helper's ("te llamas", "tu nombre", "your name")
TO_THE_HELPER = {"en": frozenset({"your", "yours"}), "es": frozenset({"te", "tu", "tus"})}
# words that make the next word a thing the helper has ("tu perro", "your dog")
HELPERS_THING = {"en": frozenset({"your", "yours"}), "es": frozenset({"tu", "tus"})}
# a question that asks how to make or do something is about a game, whatever it names ("how do i make your
# dinosaur jump", "cómo hago que tu robot dispare": the dinosaur is no card's word, the question is a card's)
HOW = {"en": frozenset({"how"}), "es": frozenset({"como"})}
HOW_TO = {"en": frozenset({"make", "do", "does", "can", "could", "get", "let"}),
          "es": frozenset({"hago", "hacer", "hace", "hacemos", "puedo", "puede", "pongo", "consigo", "logro"})}


def _read(question: str, lang: str) -> List[Tuple[str, List[str], bool]]:
    """The question's folded words with the shorthand written out ("kien" -> "quien", "ur" -> "your"), each
    taken as a word cards may talk about (without the cards' words nothing else is known)."""
    shorthand = SHORTHAND.get(lang, {})
    return [(word, shorthand.get(word, word).split(), True) for word in words.words(question)]


def _helpers_unknown_thing(read: List[Tuple[str, List[str], bool]], lang: str) -> bool:
    """A thing of the helper's that no card talks about: a word the cards do not know in the words after
    "tu"/"your" (up to a question word): "tu perro", "tu comida favorita", "your favrit game"."""
    stops = words.stop_words(lang)
    for at, (_typed, entry, _known) in enumerate(read):
        if entry[-1:] and entry[-1] in HELPERS_THING[lang]:
            thing = []
            for typed, _entry, known in read[at + 1:]:
                if typed in stops:
                    break
                thing.append(known)
            if not all(thing):
                return True
    return False


def about_a_person(question: str, lang: str, said: Optional[Said] = None) -> bool:
    """True when the question asks about a person rather than about making a game. said: the question's words
    as the index reads them (SoundAlikes.said), or None for shorthand only."""
    lang = lang if lang in WHO else "en"
    read = said(question) if said is not None else _read(question, lang)
    said_words = [word for _typed, entry, _known in read for word in entry]
    how_to = said_words[:1] and said_words[0] in HOW[lang] and HOW_TO[lang] & set(said_words[1:3])
    if not how_to and _helpers_unknown_thing(read, lang):
        return True
    if said_words and said_words[0] in WHO[lang] and (said_words[0] == "whos" or said_words[1:2]
                                                      and said_words[1] in IS[lang]):
        return True
    stops = words.stop_words(lang)
    helpers = {at + 1 for at, word in enumerate(said_words[:-1]) if word in TO_THE_HELPER[lang]}
    asked = [word for at, word in enumerate(said_words) if word not in stops and at not in helpers]
    said_to_helper = [said_words[at] for at in helpers if said_words[at] not in stops]
    return bool(said_to_helper) and not asked
