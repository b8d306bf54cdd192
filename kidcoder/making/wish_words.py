"""The words children use to ask for a change, in English and Spanish, and their misspellings mended.

Kept apart from the reading (change_words.read_request) so the word tables can grow without the rules
that read them: who a wish is about (ROLE_WORDS), which property (ATTRIBUTE_WORDS), which way (FAST, SLOW,
BIG, ...), and correct()/colour_of() for "fater", "bulits", "blak". Pure word lists and lookups.
"""
from __future__ import annotations

import difflib
import re
from typing import Dict, Mapping, Optional, Tuple

from kidcoder.knowledge.spelling import likeness, sound_key
from kidcoder.knowledge.words import fold, folded_words as _words
from kidcoder.making import description, nouns, wish_moods as moods

TOKEN = re.compile(r"\w+")
SAID_ALIKE = 0.75        # how alike two spellings must sound (spelling.likeness) for one to mend the other


# Who or what a request is about -> the constant-name prefixes it stands for, best first.
ROLE_WORDS: Dict[str, frozenset] = {
    "PLAYER": _words("player players jugador jugadora me myself yo character personaje hero heroe guy muñeco"),
    "ENEMY": _words("enemy enemies enemigo enemigos enemiga enemigas malo malos baddies baddie monster monsters guys "
                    "monstruo monstruos obstacle obstacles obstaculo obstaculos"),
    "THING": _words("thing things cosa cosas item items objeto objetos"),
    "BALL": _words("ball balls pelota pelotas bola bolas"),
    "PADDLE": _words("paddle paddles pala palas raqueta raquetas"),
    "BACKGROUND": _words("background fondo sky cielo space espacio grass hierba yerba pasto cesped floor suelo screen "
                         "pantalla"),
    "WALL": _words("wall walls pared paredes muro muros"),
    "ROAD": _words("road carretera calle pista"),
    "PLATFORM": _words("platform platforms plataforma plataformas"),
    "BULLET": _words("bullet bullets bala balas laser lasers disparo disparos shot shots"),
    "PAPER": _words("paper papel hoja"),
}
ROLE_PREFIXES: Dict[str, Tuple[str, ...]] = {
    "PLAYER": ("PLAYER", "HERO"), "ENEMY": ("ENEMY", "THING"), "THING": ("THING", "ENEMY"),
    "BALL": ("BALL", "THING"), "PADDLE": ("PADDLE", "PLAYER"), "BACKGROUND": ("BACKGROUND", "BG"),
    "WALL": ("WALL",), "ROAD": ("ROAD",), "PLATFORM": ("PLATFORM",), "BULLET": ("BULLET",), "PAPER": ("PAPER",),
}

# Words that say which property changes.
ATTRIBUTE_WORDS: Dict[str, frozenset] = {
    "jump": _words("jump jumps jumping jumped salta saltar salte salten salto saltos brinca brincar brinque"),
    "fall": _words("fall falls falling fell drop drops caer cae caen caiga caigan cayendo bajan baje bajen"),
    "gravity": _words("gravity gravedad"),
    "steer": _words("steer steers steering turn turns gira girar gire volante") | moods.STEER_VERBS,
    "lives": _words("lives life lifes live vidas vida hearts corazones"),
    "win": _words("win wins winning ganar gana gane ganes ganas victory"),
    "points": _words("points point puntos punto score"),
    "time": _words("time tiempo longer shorter minute minuto") | moods.SECONDS,
    "size": _words("size tamaño sized"),
    "numbers": _words("numbers number numeros numero"),
    "rows": _words("rows row filas fila"),
    "questions": _words("questions question preguntas pregunta"),
    "speed": _words("speed velocidad move moves moving run runs go goes mueve mueva muevan moverse corre corra "
                    "corran va vaya vayan anda ande drive drives maneja"),
    "controls": _words("wasd arrows arrow flechas flecha"),
}
FAST = description.FAST_WORDS | _words("fastest quicker veloces zoom zooms zooming pastilla")   # and "a toda pastilla"
SLOW = description.SLOW_WORDS | _words("slowest despacito sluggish chill")     # the descriptions' words, and more
HIGH = _words("higher high highest alto alta altos")
LOW = _words("lower low bajo baja bajos")
BIG = _words("bigger big biggest large larger huge giant gigantic enormous humongous ginormous massive grande "
             "grandes enorme enormes gigante gigantes grandote")
SMALL = _words("smaller small smallest tiny teeny little pequeño pequeña pequeños pequeñas chico chica chiquito "
               "chiquita mini")
LONG = _words("longer long largo larga")
SHORT = _words("shorter short corto corta")
MORE = _words("more mas another otro otra otros otras add anade anadir agrega agregar extra")
LESS = _words("less fewer menos remove quita quitar saca sacar")
DARK = _words("darker dark oscuro oscura oscuros oscuras")
LIGHT = _words("lighter light brighter bright claro clara claros claras")
EASY = _words("easier easy facil")
HARD = _words("harder hard dificil difficult")
INVERT = _words("too demasiado demasiada demasiados demasiadas tan")
TOO_MANY = _words("demasiados demasiadas")
NEGATE = moods.NOT_WORDS - moods.NOT_OF_A_VERB        # "not fast", "no tan rápido": the other way
STRONG = description.STRONG_WORDS | _words("much lot lots way mucho muchisimo bastante")
WEAK = _words("bit poco poquito slightly")
DOUBLE = _words("twice double doble")
HALF = _words("half mitad")
ARTICLES = _words("a an one un una uno")
OF_WORDS = _words("of the on de del la el los las")
HAVE = _words("have has get tenga tener tiene tengan want wanna quiero quisiera need needs necesita")  # + a new thing
ADDING = MORE | HAVE                  # "add a dog", "quiero un escudo": words before a new thing
SHAPE_WORDS: Dict[str, str] = {}
for _shape, _names in (("circle", "circle circles round circulo circulos redondo redonda"),
                       ("square", "square squares box cuadrado cuadrados cuadrada caja"),
                       ("triangle", "triangle triangles triangulo triangulos"),
                       ("diamond", "diamond diamonds diamante diamantes rombo rombos"),
                       ("star", "star stars estrella estrellas"), ("oval", "oval ovals ovalo ovalos")):
    for _word in _names.split():
        SHAPE_WORDS[fold(_word)] = _shape
OPERATIONS: Dict[str, str] = {}
for _operation, _names in (("x", "times multiply multiplying multiplication multiplicar multiplica multiplicacion "
                                 "multiplicaciones tablas"),
                           ("-", "minus subtract subtracting subtraction takeaway resta restas restar"),
                           ("+", "plus adding addition sum sums suma sumas sumar")):
    for _word in _names.split():
        OPERATIONS[fold(_word)] = _operation
SHAPE_CUES = _words("a an un una into like como shape shaped forma be sea sean")
INSTEAD = _words("instead vez not no")        # "stars instead of squares", "en vez de cuadrados": not this one
SPLIT_WORDS = _words("and y also tambien then luego plus")

# "cambiales el color", "change the colour of the bullets", "a different colour": a colour, none named.
COLOUR_WORDS = _words("colour colours color colors colores")
CHANGE_WORDS = _words("change cambia cambiale cambiales cambiar cambien cambies different diferente otro otra "
                      "another new nuevo nueva")
FLOATY = _words("floaty floatier float flota flotar flote")          # less gravity
DIRECTION_SETS = ((FAST, "speed", 1), (SLOW, "speed", -1), (HIGH, None, 1), (LOW, None, -1), (FLOATY, "gravity", -1),
                  (BIG, "size", 1), (SMALL, "size", -1), (LONG, "time", 1), (SHORT, "time", -1))
VOCABULARY = sorted(set().union(*ROLE_WORDS.values(), *ATTRIBUTE_WORDS.values(), FAST, SLOW, HIGH, LOW, BIG,
                                SMALL, LONG, SHORT, MORE, LESS, DARK, LIGHT, EASY, HARD, SHAPE_WORDS, OPERATIONS,
                                FLOATY, COLOUR_WORDS, CHANGE_WORDS))


# Words the rules read as they are are never mended into others: "cant" is not "cat", "esta" not "resta",
# "grandmas" not "grandes".
_NEVER_MENDED = frozenset().union(
    moods.NOT_WORDS, moods.STATE_VERBS, moods.COMMANDS, moods.SLOW_LIKE, moods.FAST_LIKE, moods.MANY, moods.LIKE,
    moods.ENDS,
    _words("want wont what that this then than when with went very"))


def correct(word: str, extra: Tuple[str, ...] = (), lang: str = "en") -> str:
    """A misspelt request word mended to the closest known one ("fater" -> "faster"), or to the one it sounds
    like ("bulits" -> "bullets", "valas" -> "balas", knowledge/spelling.py), else the word itself."""
    if len(word) < 4 or not word.isalpha() or word in VOCABULARY or word in extra or word in _NEVER_MENDED:
        return word
    cutoff = 0.85 if len(word) <= 5 else 0.8
    close = [known for known in difflib.get_close_matches(word, list(extra) + VOCABULARY, n=3, cutoff=cutoff)
             if len(known) >= len(word) - 1]          # "losing" is not "long"
    if close:
        return close[0]
    return _said_alike(word, tuple(extra) + tuple(VOCABULARY), lang) or word


def _said_alike(word: str, known: Tuple[str, ...], lang: str) -> Optional[str]:
    """The one known word said exactly like this one, when it is not itself a word we know as a thing."""
    key = sound_key(word, lang)
    if len(key) < 3 or nouns.exact_noun(word):
        return None
    alike = [other for other in known if len(other) >= 4 and other.isalpha() and abs(len(other) - len(word)) <= 1
             and sound_key(other, lang) == key and likeness(word, other, lang) >= SAID_ALIKE]
    return alike[0] if len(set(alike)) == 1 else None


def colour_of(raw: str, lang: str, known: Mapping[str, str]):
    """The colour a word names, or sounds like when misspelt ("blak", "purpel", "amariyo")."""
    colour = nouns.find_colour(raw, lang) if len(raw) > 2 else None
    if colour or len(raw) < 4 or not raw.isalpha() or raw in known or raw in VOCABULARY:
        return colour
    names = [fold(name) for name in nouns.colour_names()] + list(nouns.colour_words(lang))
    alike = _said_alike(raw, tuple(names), lang)
    return nouns.find_colour(alike, lang) if alike else None


def plain_word(word: str) -> str:
    """'rapidísimo' -> 'rapido', 'lentisimas' -> 'lentas', 'grandisimo' -> 'grande', 'flechitas' -> 'flechas'
    (when we know the word)."""
    match = re.match(r"^(\w{3,}?)(?:isim|it)([oa]s?)$", word)
    if not match:
        return word
    stem, end = match.groups()
    for known in (stem + end, stem + "e" + end[1:]):
        if known in VOCABULARY:
            return known
    return word


def is_role(word: str, name_roles: Mapping[str, str]) -> bool:
    return word in name_roles or any(word in members for members in ROLE_WORDS.values())


def is_attribute(word: str) -> bool:
    """'hearts', 'drops': words that name a property, though they are things too."""
    return any(word in members for members in ATTRIBUTE_WORDS.values())


def has_direction(word: str) -> bool:
    return any(word in members for members, _, _ in DIRECTION_SETS)

