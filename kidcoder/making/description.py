"""Reading a child's game description: its nouns, colours, numbers and modifiers, in order.

Pure: "a red cat that catches 5 fish" reads as the nouns cat and fish, the colour red before
cat and the number 5; which noun plays which role is assign_roles(). The words that carry
speed, scenes and counts live here too, so game_slots.py and change_words.py share them.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from kidcoder.making import clauses, nouns, role_words
from kidcoder.knowledge import words
from kidcoder.knowledge.words import folded_words as _folded   # the words of a list, folded


Colour = Tuple[int, int, int]
_TOKEN = re.compile(r"\w+")


# Words that say what the game does rather than who is in it (never an unknown noun).
GAME_WORDS = _folded("""
    game games juego juegos videojuego play plays playing jugar juega juegan jugando player players jugador jugadores
    that who which with and or from into around up down over under left right side sides top bottom each every
    que quien con y o desde hacia arriba abajo izquierda derecha lado cada todos todas
    moves move moving runs run running walks walk fly flies flying swim swims swimming goes go falls falling
    drop drops dropping
    se mueve mueven corre corren camina caminan vuela vuelan nada nadan va van cae caen
    big small little tiny huge giant large long short grande grandes pequeño pequeña pequeños chico chica gigante
    against versus contra friend friends amigo amiga amigos amigas
    happy sad angry hungry funny cute crazy cool magic magical evil good bad scary brave
    feliz triste enojado hambriento hambrienta gracioso bonito bonita loco loca mágico malo malvado bueno valiente
    fast faster quick quickly speedy slow slowly super very really rapido rapida rapidos veloz lento lenta despacio muy
    lots many much more some few lot muchos muchas mucho mas pocos pocas varios varias
    points point score lives life seconds second time speed rows questions level levels
    puntos punto vidas vida segundos segundo tiempo velocidad filas preguntas nivel niveles
    background fondo world mundo start empieza begin win wins lose loses gana ganar pierde perder end fin
    where donde when cuando until hasta without sin need needs tiene tienen has have had
    night noche space espacio sea ocean underwater mar oceano agua sky cielo forest bosque jungle selva
    snow nieve ice hielo desert desierto sand arena lava volcano volcan city ciudad castle castillo
    """)

# Verbs after which a noun is the thing to catch, dodge, shoot or click.
OBJECT_VERBS = _folded("""
    catch catches catching caught collect collects collecting grab grabs eat eats eating shoot shoots shooting
    hit hits dodge dodges dodging avoid avoids avoiding click clicks clicking chase chases chasing find finds
    break breaks breaking smash smashes pick picks get gets escape escapes flee flees hide hunt hunts
    paint paints painting draw draws stamp stamps
    atrapa atrapar atrapan atrapando coge coger cogen recoge recoger recogen agarra agarrar come comer comen
    dispara disparar disparan esquiva esquivar esquivan evita evitar evitan pincha pinchar clic persigue
    perseguir busca buscar encuentra rompe romper rompen caza cazar escapa escapar huye huir pinta pintar
    dibuja dibujar
    """) | role_words.MORE_OBJECT_VERBS

_OBJECT_VERBS_SORTED = sorted(OBJECT_VERBS)
# Small words between a verb and its thing ("catches the flies").
LINK_WORDS = _folded("a an the some all up el la los las un una unos unas al del de todos todas")
FAST_WORDS = _folded("fast faster quick quickly speedy rapid rapido rapida rapidos rapidas veloz deprisa")
SLOW_WORDS = _folded("slow slower slowly lento lenta lentos lentas despacio")
STRONG_WORDS = _folded("very super really so muy super")
LIVES_WORDS = _folded("lives life vidas vida")
SPEED_WORDS = _folded("speed velocidad")
SECONDS_WORDS = _folded("seconds second segundos segundo")
POINTS_WORDS = _folded("points point puntos punto")
ROWS_WORDS = _folded("rows filas")
QUESTION_WORDS = _folded("questions preguntas")
TIMES_WORDS = _folded("times multiply multiplying multiplication multiplicar multiplica multiplicacion tablas tabla")
MINUS_WORDS = _folded("minus subtract subtracting subtraction takeaway resta restas restar menos")
PLUS_WORDS = _folded("plus add adding addition sum sums suma sumas sumar")
BACKGROUND_WORDS = _folded("background fondo")
PLAYERS_WORDS = _folded("players player people jugadores jugador personas")
UP_TO_WORDS = _folded("up to hasta biggest max maximum mayor maximo")

SCENES: Dict[str, Colour] = {}
for _words, _rgb in (("space espacio galaxy galaxia", (0, 0, 25)), ("night noche", (10, 10, 45)),
                     ("sea ocean underwater mar oceano agua", (20, 80, 160)), ("sky cielo", (120, 190, 255)),
                     ("forest bosque jungle selva", (20, 90, 40)), ("snow nieve ice hielo", (225, 235, 250)),
                     ("desert desierto sand arena beach playa", (230, 200, 130)),
                     ("lava volcano volcan", (90, 20, 10)), ("city ciudad", (60, 60, 80)),
                     ("castle castillo", (70, 60, 60))):
    for _word in _words.split():
        SCENES[words.fold(_word)] = _rgb

# The picture drawn a few times in the background of a scene ("a cat in the forest": trees).
SCENE_PICTURES: Dict[str, str] = {}
for _words, _picture in (("space espacio galaxy galaxia", "planet"), ("night noche", "glowing_star"),
                         ("sea ocean underwater mar oceano agua", "bubble"), ("sky cielo", "cloud"),
                         ("forest bosque", "pine_tree"), ("jungle selva", "palm_tree"),
                         ("snow nieve ice hielo", "snowflake"), ("desert desierto", "cactus"),
                         ("sand arena beach playa", "palm_tree"), ("lava volcano volcan", "volcano"),
                         ("city ciudad", "city"), ("castle castillo", "castle")):
    for _word in _words.split():
        SCENE_PICTURES[words.fold(_word)] = _picture
ARTICLES = _folded("one uno una")  # "una nave" is "a ship", not "1 ship"


@dataclass
class Word:
    index: int
    text: str          # as written, lower case
    folded: str
    noun: Optional[nouns.Noun] = None
    noun_lang: str = ""
    known: bool = False
    colour: Optional[Colour] = None
    number: Optional[int] = None


@dataclass
class Reading:
    """What a description says: its nouns, colours and numbers in order, and its modifiers."""
    tokens: List[Word] = field(default_factory=list)
    speed_factor: float = 1.0
    scene: Optional[Colour] = None
    scene_picture: Optional[str] = None
    operation: Optional[str] = None
    controls: Optional[str] = None
    lang: str = "en"

    @property
    def nouns(self) -> List[Word]:
        return [token for token in self.tokens if token.noun is not None]


def read_description(description: str, lang: str, template_words: Iterable[str] = ()) -> Reading:
    """Split a description into nouns, colours, numbers and modifiers (nothing is assigned yet)."""
    found = _TOKEN.findall(description.lower())
    all_folded = [words.fold(text) for text in found]
    stops = set(words.words(description)) - (set(words.topic_words(description, "en"))
                                             & set(words.topic_words(description, "es")))
    vocabulary = set(template_words) | GAME_WORDS | OBJECT_VERBS | role_words.PHRASE_WORDS
    vocabulary_list = sorted(vocabulary)
    reading = Reading(lang=lang)
    strong = False
    for index, (text, folded) in enumerate(zip(found, all_folded)):
        token = Word(index, text, folded)
        reading.tokens.append(token)
        token.number = nouns.find_number(text)
        if token.number is not None and folded not in ARTICLES:
            continue
        token.number = None
        token.colour = nouns.find_colour(text, lang)
        if token.colour is not None:
            continue
        _read_modifier(reading, folded, strong)
        strong = folded in STRONG_WORDS
        exact = nouns.exact_noun(folded)
        if exact and folded not in stops and folded not in GAME_WORDS:
            token.noun, token.noun_lang, token.known = exact[0], exact[1], True
            continue
        thing_word = folded not in role_words.NOT_THINGS and _thing_word(reading.tokens, index)
        pictured = nouns.library_noun(folded) if thing_word else None
        if pictured:  # "catches flies", "a mouse that eats cheese": game words that name a picture here
            token.noun, token.noun_lang, token.known = pictured[0], pictured[1], True
            continue
        if clauses.verb_by_form(all_folded, index, lang,
                                {word.index for word in reading.nouns}, _names_a_thing):
            continue  # "has to chop", "zombies are coming", "el ninja los corta": a verb, not a new thing
        if folded in stops or folded in vocabulary or not folded.isalpha() or len(folded) < 3:
            continue
        if len(folded) >= 5 and difflib.get_close_matches(folded, vocabulary_list, n=1, cutoff=0.8):
            continue  # a misspelt game word ("cathces"), not a new thing
        close = nouns.library_noun(folded) or nouns.find_noun(folded)
        if close:
            token.noun, token.noun_lang, token.known = close[0], close[1], True
        else:
            token.noun, token.noun_lang = nouns.named_shape(text), lang
    return reading


def _names_a_thing(folded: str) -> bool:
    return bool(nouns.exact_noun(folded) or nouns.library_noun(folded))


def _thing_word(tokens: List[Word], index: int) -> bool:
    """Is the word at index a thing even if it is a game word: the object of "catches", or a mouse not clicked with?"""
    word = tokens[index].folded
    if nouns.is_device_word(word):
        return nouns.device_is_animal([token.folded for token in tokens], index)
    before = [token for token in tokens[:index] if token.folded not in LINK_WORDS][-1:]
    return bool(before) and _is_object_verb(before[0].folded)


def _read_modifier(reading: Reading, folded: str, strong: bool) -> None:
    if folded in FAST_WORDS:
        reading.speed_factor = 2.0 if strong else 1.5
    elif folded in SLOW_WORDS:
        reading.speed_factor = 0.4 if strong else 0.6
    elif folded in SCENES and reading.scene is None:
        reading.scene = SCENES[folded]
        reading.scene_picture = SCENE_PICTURES.get(folded)
    elif folded in TIMES_WORDS:
        reading.operation = "x"
    elif folded in MINUS_WORDS and reading.operation is None:
        reading.operation = "-"
    elif folded in PLUS_WORDS and reading.operation is None:
        reading.operation = "+"
    elif folded == "wasd":
        reading.controls = "wasd"


def _is_object_verb(folded: str) -> bool:
    """"catches", "atrapa", and close misspellings of them ("cathces")."""
    if folded in OBJECT_VERBS:
        return True
    return len(folded) >= 5 and bool(difflib.get_close_matches(folded, _OBJECT_VERBS_SORTED, n=1, cutoff=0.8))


def _thing_score(reading: Reading, token: Word) -> int:
    """How much a noun sounds like the thing to catch or dodge rather than the one who plays."""
    score = 1 if token.noun.kind == "thing" else -1
    before = reading.tokens[max(0, token.index - 3):token.index]
    if any(_is_object_verb(word.folded) for word in before):
        score += 2
    if role_words.is_danger([word.folded for word in reading.tokens], token.index, LINK_WORDS):
        score += 3
    if any(pointed.thing == token.index for pointed in _pointed_back(reading)):
        score += 3  # named, then pointed back to by a pronoun ("zombies are coming ... chop them"): the thing
    return score


def _pointed_back(reading: Reading) -> List[clauses.PointedBack]:
    return clauses.pointed_back([token.folded for token in reading.tokens], [token.index for token in reading.nouns],
                                reading.lang)


def assign_roles(reading: Reading, roles: Sequence[str]) -> Dict[str, Word]:
    """Which noun plays which role: THING is the most thing-like noun, the others fill the rest in order."""
    seen = set()
    candidates = []
    for token in sorted(reading.nouns, key=lambda t: (not t.known, t.index)):  # known things first
        if token.noun.key not in seen:
            seen.add(token.noun.key)
            candidates.append(token)
    chosen: Dict[str, Word] = {}
    others = [role for role in roles if role != "THING"]
    named = _named_player(reading, candidates)
    if named is not None and "PLAYER" in roles and len(candidates) > 1:   # "stay away from the bees, you are a bear"
        chosen["PLAYER"] = named
        candidates.remove(named)
        others.remove("PLAYER")
    if "THING" in roles and candidates:
        best = min(candidates, key=lambda t: (-_thing_score(reading, t), -t.index))  # a tie: the later noun
        if _thing_score(reading, best) > 0 or len(candidates) > len(others) or not others:
            chosen["THING"] = best
            candidates.remove(best)
    for role in others:
        if candidates:
            chosen[role] = candidates.pop(0)
    return chosen


def named_roles(description: str, lang: str, template_words: Iterable[str] = (),
                reading: Optional[Reading] = None) -> Tuple[bool, bool, bool]:
    """(a phrase names the thing the child plays, a phrase names a thing to keep away from, two known things
    are named): "stay away from the bees, you are a bear" asks for a bear to move and bees to dodge.
    reading: the description already read (read_description with these template_words), else it is read here."""
    reading = reading or read_description(description, lang, template_words)
    folded = [token.folded for token in reading.tokens]
    indices = [token.index for token in reading.nouns]
    known = {token.noun.key for token in reading.nouns if token.known}
    dangers = role_words.dangers(folded, indices, LINK_WORDS) | {pointed.thing for pointed in _pointed_back(reading)
                                                                 if pointed.danger}
    return player_index(reading, indices) >= 0, bool(dangers), len(known) >= 2


def player_index(reading: Reading, indices: Sequence[int]) -> int:
    """The index of the noun (of indices) the child plays, or -1: a phrase that says so ("you are a bear"), else
    the doer of a clause ("... and the ninja chops them", "la princesa se escapa"), else "my"/"your" ("my dog")."""
    folded = [token.folded for token in reading.tokens]
    phrase = role_words.player_index(folded, indices, LINK_WORDS)
    if phrase >= 0 and role_words.player_strength(folded, phrase, LINK_WORDS) >= role_words.NAMED:
        return phrase
    acting = clauses.acting_player(folded, [token.index for token in reading.nouns], reading.lang)
    return acting if acting is not None and acting in indices else phrase


def _named_player(reading: Reading, candidates: List[Word]) -> Optional[Word]:
    """The noun a phrase names as the one the child plays ("you are a bear", "el jugador es un robot"), if any."""
    index = player_index(reading, [token.index for token in candidates])
    return next((token for token in candidates if token.index == index), None)
