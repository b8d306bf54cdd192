"""Questions about a person (the helper or the child), not about a program: no card answers them.

"¿Cómo te llamas?" (what is your name) shares a word with the recursion card ("una función que
se llama a sí misma"), and "¿quién es mi mejor amigo?" shares "amigo" with the two-player card
and "mejor" with the high-score card. Matching words cannot tell these apart; the shape of the
question can:
- it asks *who is* ("who is", "who are you", "quién es", "quién eres"): cards explain code, never people
  ("who wins", "quién gana" still ask about the game);
- all it is about is said to the helper: in Spanish the verb after "te" ("te llamas", "te
  gusta") or the thing after "tu" ("tu nombre"); in English the thing after "your" ("your
  name"). "how do you make your guy jump" still asks about jumping.
Pure: folded words only; shorthand ("kien", "ur") is read first.
"""
from __future__ import annotations

from typing import List

from kidcoder.knowledge import words
from kidcoder.knowledge.spelling import SHORTHAND

WHO = {"en": frozenset({"who", "whos", "whose"}), "es": frozenset({"quien", "quienes"})}
IS = {"en": frozenset({"is", "are", "was", "were", "am"}), "es": frozenset({"es", "eres", "son", "era", "fue", "sera"})}
# words that make the next word something of the helper's ("te llamas", "tu nombre", "your name")
TO_THE_HELPER = {"en": frozenset({"your", "yours"}), "es": frozenset({"te", "tu", "tus"})}


def _read(question: str, lang: str) -> List[str]:
    """The question's folded words with the shorthand written out ("kien" -> "quien", "ur" -> "your")."""
    shorthand = SHORTHAND.get(lang, {})
    return [part for word in words.words(question) for part in shorthand.get(word, word).split()]


def about_a_person(question: str, lang: str) -> bool:
    """True when the question asks about a person rather than about making a game."""
    lang = lang if lang in WHO else "en"
    said = _read(question, lang)
    if said and said[0] in WHO[lang] and (said[0] == "whos" or said[1:2] and said[1] in IS[lang]):
        return True
    stops = words.stop_words(lang)
    helpers = {at + 1 for at, word in enumerate(said[:-1]) if word in TO_THE_HELPER[lang]}
    asked = [word for at, word in enumerate(said) if word not in stops and at not in helpers]
    said_to_helper = [said[at] for at in helpers if said[at] not in stops]
    return bool(said_to_helper) and not asked
