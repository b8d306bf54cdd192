"""Phrases that say who the child plays and what to stay away from: "you are a bear", "stay away from the bees".

Pure. Word order alone reads "stay away from the bees, you are a bear" backwards (the first noun plays);
children name their hero with a handful of phrases in both languages, so those phrases decide the roles
when they are there. Each function takes the description's words, folded (words.fold), in order, and the
small words to skip between a phrase and its noun ("a", "the", "las").
"""
from __future__ import annotations

from typing import Collection, Dict, Sequence, Set, Tuple

# (the words right before the noun, how sure): a label beats "you are", which beats "your".
PLAYER_PHRASES: Dict[Tuple[str, ...], int] = {}
NAMED = 2       # "you are" and surer: beats what the clauses say (clauses.py); "your" does not
for _strength, _phrases in (
        (3, "player is|hero is|character is|main character is|jugador es|heroe es|personaje es|protagonista es"),
        (2, "you are|you re|youre|i am|i m|im|be|play as|playing as|as|you play|you control|control|help|"
            "eres|soy|ser|se|sere|seras|juegas como|juego como|como|juegas con|ayuda|ayudar|ayuda a"),
        (1, "your|my|tu|tus|mi|mis")):
    for _phrase in _phrases.split("|"):
        PLAYER_PHRASES[tuple(_phrase.split())] = _strength

# Words right before a noun that make it something to keep away from.
DANGER_PHRASES = {tuple(phrase.split()) for phrase in (
    "away from|run from|runs from|running from|hide from|hides from|escape from|out for|look out for|"
    "enemies are|enemy is|enemies|bad guys are|baddies are|bad guy is|villains are|monsters are|"
    "don t let|dont let|not let|no dejes que|alejate de|aleja de|alejarse de|lejos de|huye de|huir de|"
    "escapa de|escapar de|cuidado con|"
    "enemigos son|enemigo es|malos son|malo es|villanos son|monstruos son").split("|")}

# Verbs a child puts before the thing a game is about, besides those description.OBJECT_VERBS already has.
MORE_OBJECT_VERBS = frozenset("""
    want wants like likes love loves steal steals stealing hunt hunting zap zaps stomp stomps squash squashes
    attack attacks fight fights snap snaps munch munches gobble gobbles rescue rescues save saves
    quiere quieren gusta gustan ama aman roba robar roban junta juntar juntan congela congelar aplasta
    aplastar aplastan ataca atacar atacan salva salvar rescata rescatar
    """.split())

# Verbs of "don't let the sharks touch your boat", words for "game" and pronouns ("the cats want me"):
# never the name of a thing.
NOT_THINGS = frozenset("touch touches touching toca tocan toque toquen tocar game games juego juegos "
                       "videojuego videojuegos me you him her them it us ti te lo le les nos".split())

# Every word of those phrases, and NOT_THINGS: never the name of a new thing ("eres" is not a creature).
PHRASE_WORDS = frozenset(word for phrase in list(PLAYER_PHRASES) + list(DANGER_PHRASES) for word in phrase) | NOT_THINGS


def _before(folded: Sequence[str], index: int, skip: Collection[str], longest: int) -> Tuple[str, ...]:
    """Up to `longest` words before folded[index], the small words right before it skipped."""
    start = index
    while start > 0 and folded[start - 1] in skip:
        start -= 1
    return tuple(folded[max(0, start - longest):start])


def _ends_with(words_before: Tuple[str, ...], phrase: Tuple[str, ...]) -> bool:
    return len(words_before) >= len(phrase) and words_before[len(words_before) - len(phrase):] == phrase


def player_strength(folded: Sequence[str], index: int, skip: Collection[str]) -> int:
    """How surely the noun at index is the one the child plays (0: no phrase says so)."""
    before = _before(folded, index, skip, 3)
    return max((strength for phrase, strength in PLAYER_PHRASES.items() if _ends_with(before, phrase)), default=0)


def is_danger(folded: Sequence[str], index: int, skip: Collection[str]) -> bool:
    """Does a phrase before the noun at index make it a thing to keep away from ("away from the bees")?"""
    before = _before(folded, index, skip, 3)
    return any(_ends_with(before, phrase) for phrase in DANGER_PHRASES)


def player_index(folded: Sequence[str], noun_indices: Sequence[int], skip: Collection[str]) -> int:
    """The index of the noun a phrase names as the player (the surest; the first of equals), or -1."""
    best, best_strength = -1, 0
    for index in noun_indices:
        strength = player_strength(folded, index, skip)
        if strength > best_strength:
            best, best_strength = index, strength
    return best


def dangers(folded: Sequence[str], noun_indices: Sequence[int], skip: Collection[str]) -> Set[int]:
    """The indices of nouns a phrase marks as things to keep away from."""
    return {index for index in noun_indices if is_danger(folded, index, skip)}
