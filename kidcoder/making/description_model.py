"""When a model may help read a game description, and what its checked reading changes.

The rules read descriptions well (60 of 60 made games fit the request in the
relevance bench), so the model is asked only when the rules are unsure: no template
matched, a template role is left without a noun, or a noun the child wrote is not in
the game. Its reading ({template, player, thing, scene, speed, count}, checked in
model/understand.py) is used only when it puts more of the child's own nouns into
the game than the rules did, or when no template matched; every noun must be one the
child wrote (or a word we did not know, translated), so the model never adds a thing
of its own. The game is then built by the same rules from a plain description of
that reading ("gato atrapa 5 peces space fast"), in the child's language.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from kidcoder.knowledge import words
from kidcoder.making import nouns
from kidcoder.making.description import GAME_WORDS, OBJECT_VERBS, Reading, assign_roles, read_description

VERBS = {"en": "catches", "es": "atrapa"}
LIKE = 0.5           # how alike a word we did not know and the model's noun must be ("pececitos", "pez")


@dataclass(frozen=True)
class RulesReading:
    """What the rules made of a description: the template, its score (None: nothing matched), the noun
    keys they put into the game, and the child's known nouns."""

    template: str
    score: Optional[float]
    used: Tuple[str, ...]
    said: Tuple[str, ...]
    roles_left: Tuple[str, ...]

    @property
    def unsure(self) -> bool:
        return self.score is None or bool(self.roles_left and self.said) or bool(set(self.said) - set(self.used))


def rules_reading(description: str, lang: str, template_id: str, score: Optional[float],
                  roles: Sequence[str], settings: Mapping[str, object], template_words: Sequence[str] = (),
                  reading: Optional[Reading] = None) -> RulesReading:
    """The rules' own reading, judged by the game they made (settings): a noun is used when its picture
    is in the game (a pong game has no picture for a robot the rules gave a paddle to). reading: the description
    already read with these template_words (read here when not given)."""
    reading = reading or read_description(description, lang, template_words)
    chosen = assign_roles(reading, roles)
    shown = {str(value) for name, value in settings.items() if name.endswith("_PICTURE") and value}
    said = tuple(dict.fromkeys(token.noun.key for token in reading.nouns if token.known))
    used = tuple(dict.fromkeys(token.noun.key for token in reading.nouns if token.known and _shown(token.noun, shown)))
    left = tuple(role for role in roles if role not in chosen)
    return RulesReading(template_id, score, used, said, left)


def _shown(noun: nouns.Noun, pictures: set) -> bool:
    picture = nouns.picture_of(noun)
    return picture is not None and picture.project_path in pictures


def _child_word(noun: nouns.Noun, reading: Reading) -> Optional[str]:
    """The word the child wrote for this noun, if they wrote one."""
    for token in reading.tokens:
        if token.noun is not None and token.known and token.noun.key == noun.key:
            return token.text
    return None


def _unknown_words(reading: Reading) -> List[str]:
    """Words the rules could not place: not a game word, not a noun we know (a model may translate them)."""
    return [token.text for token in reading.tokens
            if token.noun is not None and not token.known and token.folded not in GAME_WORDS
            and token.folded not in OBJECT_VERBS]


def _noun_for(word: Optional[str], reading: Reading, unknown: List[str]
              ) -> Tuple[Optional[nouns.Noun], Optional[str]]:
    """(the known noun a model's word names, the child's word for it) when the child wrote it; a noun for one
    of the words we did not know uses that word up (a translation); else (None, None)."""
    if not word:
        return None, None
    found = nouns.exact_noun(word) or nouns.library_noun(word) or nouns.find_noun(word)
    if found is None:
        return None, None
    noun = found[0]
    child = _child_word(noun, reading)
    if child is not None:
        return noun, child
    names = [words.fold(name) for name in noun.en + noun.es]
    likeness = {text: max(difflib.SequenceMatcher(None, words.fold(text), name).ratio() for name in names)
                for text in unknown}
    closest = max(likeness, key=likeness.get, default=None)
    if closest is None or likeness[closest] < LIKE:
        return None, None                # the child wrote no such thing: the model made it up
    unknown.remove(closest)
    return noun, None


def model_description(data: Mapping[str, object], description: str, lang: str, rules: RulesReading,
                      template_roles: Mapping[str, Sequence[str]], template_words: Sequence[str] = ()
                      ) -> Optional[Tuple[str, str]]:
    """(template id, a plain description of the model's reading) when it adds to the rules' reading; else None.
    With no template from the model (it named none of ours: the reply was checked) the rules' template stands."""
    template = str(data.get("template") or rules.template)
    roles = list(template_roles.get(template, ()))
    if not roles:
        return None
    reading = read_description(description, lang, template_words)
    unknown = _unknown_words(reading)
    player, player_word = _noun_for(data.get("player"), reading, unknown)     # type: ignore[arg-type]
    thing, thing_word = _noun_for(data.get("thing"), reading, unknown)        # type: ignore[arg-type]
    if player is not None and "PLAYER" not in roles:
        return None
    if thing is not None and "THING" not in roles:
        return None
    picked = [noun for noun in (player, thing) if noun is not None]
    if len({noun.key for noun in picked}) < len(picked):
        return None
    covered = len(picked)
    if covered < len(rules.used) or (rules.score is not None and covered == len(rules.used)):
        return None                      # the rules put as much of the child's words into the game
    parts: List[str] = []
    if player is not None:
        parts.append(player_word or player.name(lang))
    parts.append(VERBS.get(lang, VERBS["en"]))
    count = data.get("count")
    if isinstance(count, int):
        parts.append(str(count))
    if thing is not None:
        parts.append(thing_word or thing.name(lang))
    for extra in (data.get("scene"), data.get("speed")):
        if extra and extra not in ("none", "normal"):
            parts.append(str(extra))
    return template, " ".join(parts)


def template_roles(templates: Mapping[str, object]) -> Dict[str, Tuple[str, ...]]:
    """Each template's roles (PLAYER, THING, ...), from its metadata."""
    return {tid: tuple(getattr(t, "meta", {}).get("roles", ("PLAYER", "THING"))) for tid, t in templates.items()}
