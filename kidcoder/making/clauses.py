"""Who does what in a description's clauses, when no phrase says who plays: verbs known by their form, pronouns
that point back, and the one who escapes.

Pure. "zombies are coming and the ninja has to chop them": "coming" and "chop" are verbs (an -ing word, a word
after "has to"), not things; "them" points back to the zombies, so the ninja, who does it, plays, and the zombies
are the thing. "vienen los zombis y el ninja los corta": "los" right after a noun is a pronoun (an article never
follows a noun), so "corta" is a verb. "la princesa se escapa", "the astronaut fights back": the one who escapes
or fights back plays. Each function takes the description's words folded (words.fold), in order, and the
indices of the words read as nouns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Collection, List, Optional, Sequence

from kidcoder.knowledge import words
from kidcoder.knowledge.words import folded_words as _folded   # the words of a list, folded


# Words that end a clause: the next one starts another ("zombies are coming | and the ninja chops them").
CLAUSE_ENDS = _folded("and but then so when while y e pero luego entonces cuando mientras")
# Pronouns that stand for a thing named before ("chop them"); Spanish ones go before the verb ("los corta").
EN_PRONOUNS = _folded("them it")
ES_CLITICS = _folded("lo la los las le les")
ES_REFLEXIVES = _folded("se me te nos")
ARTICLES = {"en": _folded("the a an"), "es": _folded("el la los las un una unos unas")}
# Words after which an English word is a verb ("has to chop", "must jump").
EN_BEFORE_VERBS = _folded("to must can cannot cant could will should")
# Spanish verbs with a pronoun at their end: "tocarlas", "atraparlos", "comiendolas".
_ENCLITIC = re.compile(r"^[a-z]{2,}(ar|er|ir|ando|iendo)(se)?(lo|la|los|las|le|les)$")
_GERUND = re.compile(r"^[a-z]{2,}ing$")
# Verbs whose doer is the one the child plays: who escapes, hides or fights back is the hero.
ESCAPE_VERBS = _folded("""
    escape escapes escaping flee flees fleeing hide hides hiding defend defends defending
    escapa escapan huye huyen esconde esconden defiende defienden contraataca contraatacan salva
    """)
ESCAPE_AFTER = _folded("away back")           # "runs away", "fights back": said after any verb
NEGATIONS = _folded("not dont don t never cant cannot mustn no nunca jamas")
DANGER_BEFORE = _folded("from away de")       # "runs away from them", "huye de ellos"


def verb_by_form(folded: Sequence[str], index: int, lang: str, nouns: Collection[int],
                 is_noun: Callable[[str], bool]) -> bool:
    """Is the word at index a verb by its form or place (so never the name of a new thing)? folded: all the
    description's words; nouns: the indices of those before index read as nouns ("el ninja los corta": a pronoun
    after a noun, then a verb); is_noun: is a word the name of a known thing. A noun is never followed right away
    by an article and a thing ("llegan los lobos", "grabs the fish") nor by an -ing word ("keep coming")."""
    word = folded[index]
    before = folded[index - 1] if index > 0 else ""
    after = tuple(folded[index + 1:index + 3])
    if after and after[0] in ARTICLES.get(lang, ARTICLES["en"]) and (
            after[0] not in ES_CLITICS or (len(after) > 1 and is_noun(after[1]))):   # "las come": a pronoun
        return True
    if lang == "es":
        return bool(_ENCLITIC.match(word)) or before in ES_REFLEXIVES or (before in ES_CLITICS and index - 2 in nouns)
    return bool(_GERUND.match(word)) or before in EN_BEFORE_VERBS or bool(after and _GERUND.match(after[0]))


@dataclass(frozen=True)
class PointedBack:
    """A pronoun's clause: its doer (a noun index), the noun the pronoun stands for, and whether the doer
    keeps away from it ("runs away from them", "can't touch them")."""
    doer: int
    thing: int
    danger: bool


def _clause_start(folded: Sequence[str], index: int) -> int:
    start = index
    while start > 0 and folded[start - 1] not in CLAUSE_ENDS:
        start -= 1
    return start


def _pronoun_at(folded: Sequence[str], index: int, lang: str, nouns: Sequence[int]) -> bool:
    word = folded[index]
    if lang == "es":
        return bool(_ENCLITIC.match(word)) or (word in ES_CLITICS and index - 1 in nouns)
    return word in EN_PRONOUNS and index > 0


def pointed_back(folded: Sequence[str], nouns: Sequence[int], lang: str) -> List[PointedBack]:
    """Each pronoun whose clause has its own doer and that points back to a noun of an earlier clause."""
    found = []
    for index in range(len(folded)):
        if index in nouns or not _pronoun_at(folded, index, lang, nouns):
            continue
        start = _clause_start(folded, index)
        doers = [noun for noun in nouns if start <= noun < index]
        earlier = [noun for noun in nouns if noun < start]
        if not doers or not earlier:
            continue            # "a cat that catches fish and eats them": the pronoun's clause has no doer
        between = set(folded[doers[0] + 1:index + 1])
        danger = bool(between & NEGATIONS) or folded[index - 1] in DANGER_BEFORE
        found.append(PointedBack(doers[0], earlier[-1], danger))
    return found


def escaper(folded: Sequence[str], nouns: Sequence[int]) -> Optional[int]:
    """The noun that escapes, hides or fights back ("la princesa se escapa", "the astronaut fights back"), or None."""
    for index, word in enumerate(folded):
        if word in ESCAPE_VERBS or (word in ESCAPE_AFTER and index > 0 and index - 1 not in nouns):
            start = _clause_start(folded, index)
            doers = [noun for noun in nouns if start <= noun < index]
            if doers:
                return doers[0]
    return None


def acting_player(folded: Sequence[str], nouns: Sequence[int], lang: str) -> Optional[int]:
    """The noun the clauses make the player: the doer of a clause that points back, else who escapes."""
    pointed = pointed_back(folded, nouns, lang)
    return pointed[0].doer if pointed else escaper(folded, nouns)
