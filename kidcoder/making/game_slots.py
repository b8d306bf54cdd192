"""From a child's description to the values of a template's settings: who plays, what falls, how fast, which pictures.

Pure and deterministic: the same description always gives the same game.
"a red cat that catches 5 fish" -> PLAYER is a red circle named "cat", THING
an oval named "fish", COUNT 5. Nouns go to the template's roles (PLAYER,
THING, ...), colour words to the nearest noun, numbers to counts, lives or
speeds, "fast"/"rápido" to speeds, "space"/"noche" to the background.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from kidcoder import i18n
from kidcoder.making import library, nouns
from kidcoder.knowledge import words

Colour = Tuple[int, int, int]
_TOKEN = re.compile(r"\w+")
TITLE_MAX = 48


def _folded(text: str) -> frozenset:
    return frozenset(words.fold(word) for word in text.split())


# Words that say what the game does rather than who is in it (never an unknown noun).
GAME_WORDS = _folded("""
    game games juego juegos videojuego play plays playing jugar juega juegan jugando player players jugador jugadores
    that who which with and or from into around up down over under left right side sides top bottom each every
    que quien con y o desde hacia arriba abajo izquierda derecha lado cada todos todas
    moves move moving runs run running walks walk fly flies flying swim swims swimming goes go falls falling
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
    """)

_OBJECT_VERBS_SORTED = sorted(OBJECT_VERBS)
# Small words between a verb and its thing ("catches the flies").
LINK_WORDS = _folded("a an the some all el la los las un una unos unas al del de todos todas")
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

# Ranges a number may take in each setting, so that every game stays playable.
LIMITS: Dict[str, Tuple[int, int]] = {
    "SPEED": (1, 15), "FALL_SPEED": (1, 12), "PADDLE_SPEED": (2, 15), "STEER": (2, 12), "COUNT": (1, 12),
    "LIVES": (1, 9), "WIN_SCORE": (1, 999), "SECONDS": (5, 300), "MAX_NUMBER": (2, 1000), "SIZE": (10, 150),
    "JUMP": (5, 20),
}
SPEED_SLOTS = ("SPEED", "FALL_SPEED", "PADDLE_SPEED", "STEER")
ARTICLES = _folded("one uno una")  # "una nave" is "a ship", not "1 ship"


@dataclass
class _Word:
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
    tokens: List[_Word] = field(default_factory=list)
    speed_factor: float = 1.0
    scene: Optional[Colour] = None
    scene_picture: Optional[str] = None
    operation: Optional[str] = None
    controls: Optional[str] = None

    @property
    def nouns(self) -> List[_Word]:
        return [token for token in self.tokens if token.noun is not None]


def read_description(description: str, lang: str, template_words: Iterable[str] = ()) -> Reading:
    """Split a description into nouns, colours, numbers and modifiers (nothing is assigned yet)."""
    found = _TOKEN.findall(description.lower())
    stops = set(words.words(description)) - (set(words.topic_words(description, "en"))
                                             & set(words.topic_words(description, "es")))
    vocabulary = set(template_words) | GAME_WORDS | OBJECT_VERBS
    vocabulary_list = sorted(vocabulary)
    reading = Reading()
    strong = False
    for index, text in enumerate(found):
        folded = words.fold(text)
        token = _Word(index, text, folded)
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
        pictured = nouns.library_noun(folded) if _thing_word(reading.tokens, index) else None
        if pictured:  # "catches flies", "a mouse that eats cheese": game words that name a picture here
            token.noun, token.noun_lang, token.known = pictured[0], pictured[1], True
            continue
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


def _thing_word(tokens: List[_Word], index: int) -> bool:
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


def _thing_score(reading: Reading, token: _Word) -> int:
    """How much a noun sounds like the thing to catch or dodge rather than the one who plays."""
    score = 1 if token.noun.kind == "thing" else -1
    before = reading.tokens[max(0, token.index - 3):token.index]
    if any(_is_object_verb(word.folded) for word in before):
        score += 2
    return score


def assign_roles(reading: Reading, roles: Sequence[str]) -> Dict[str, _Word]:
    """Which noun plays which role: THING is the most thing-like noun, the others fill the rest in order."""
    seen = set()
    candidates = []
    for token in sorted(reading.nouns, key=lambda t: (not t.known, t.index)):  # known things first
        if token.noun.key not in seen:
            seen.add(token.noun.key)
            candidates.append(token)
    chosen: Dict[str, _Word] = {}
    others = [role for role in roles if role != "THING"]
    if "THING" in roles and candidates:
        best = min(candidates, key=lambda t: (-_thing_score(reading, t), -t.index))  # a tie: the later noun
        if _thing_score(reading, best) > 0 or len(candidates) > len(others) or not others:
            chosen["THING"] = best
            candidates.remove(best)
    for role in others:
        if candidates:
            chosen[role] = candidates.pop(0)
    return chosen


def _colour_targets(reading: Reading, lang: str) -> Tuple[Dict[int, Colour], List[Colour], Optional[Colour]]:
    """Colours said next to a noun (by token index), colours said alone, and a background colour."""
    by_noun: Dict[int, Colour] = {}
    loose: List[Colour] = []
    background = None
    tokens = reading.tokens
    for token in tokens:
        if token.colour is None:
            continue
        if any(word.folded in BACKGROUND_WORDS for word in tokens[max(0, token.index - 3):token.index]):
            background = background or token.colour
            continue
        after = [t for t in tokens[token.index + 1:token.index + 4] if t.noun is not None][:1]
        before = [t for t in reversed(tokens[max(0, token.index - 3):token.index]) if t.noun is not None][:1]
        order = (before + after) if lang == "es" else (after + before)
        target = next((t for t in order if t.index not in by_noun), None)
        if target is None:
            loose.append(token.colour)
        else:
            by_noun[target.index] = token.colour
    return by_noun, loose, background


def _number_slot(reading: Reading, token: _Word, template: Mapping, defaults: Mapping) -> Optional[str]:
    tokens = reading.tokens
    near = {t.folded for t in tokens[max(0, token.index - 2):token.index + 3]}
    if {t.folded for t in tokens[token.index + 1:token.index + 2]} & PLAYERS_WORDS:
        return None  # "two players" says who plays, not a setting
    wishes: List[str] = []
    if near & LIVES_WORDS:
        wishes.append("LIVES")
    if near & SPEED_WORDS:
        wishes.append("SPEED")
    if near & SECONDS_WORDS:
        wishes += ["SECONDS", "WIN_SCORE"] if template.get("id") == "dodge" else ["SECONDS"]
    if near & POINTS_WORDS:
        wishes.append("WIN_SCORE")
    if near & (ROWS_WORDS | QUESTION_WORDS) or any(t.noun for t in tokens[token.index + 1:token.index + 3]):
        wishes.append("COUNT")
    if near & UP_TO_WORDS:
        wishes.append("MAX_NUMBER")
    wishes += [template.get("number_slot", "COUNT"), "COUNT", "SPEED"]
    return next((slot for slot in wishes if slot in defaults), None)


def _limits(template: Mapping, slot: str) -> Tuple[int, int]:
    low, high = template.get("limits", {}).get(slot, LIMITS.get(slot, (0, 10 ** 6)))
    return int(low), int(high)


def _brightness(colour: Colour) -> float:
    return 0.3 * colour[0] + 0.59 * colour[1] + 0.11 * colour[2]


def _distance(one: Colour, two: Colour) -> float:
    return sum((a - b) ** 2 for a, b in zip(one, two)) ** 0.5


def _dark(colour: Colour) -> bool:
    return _brightness(colour) < 128


def _fit_colours(values: Dict[str, object], defaults: Mapping[str, object], wished: Optional[Colour]) -> None:
    """A wished background (a scene or a colour word) when it keeps the template's texts readable, and
    player and thing colours that stand out from what they are drawn on (lighter on dark, darker on light).
    """
    default = defaults["BACKGROUND"]
    if wished is not None and _dark(wished) == _dark(default) and wished != default:
        values["BACKGROUND"] = wished
    back = values.get("BACKGROUND", default)
    ground = defaults.get("ROAD_COLOUR", back)  # cars drive on the road, not on the grass
    for slot in ("PLAYER_COLOUR", "THING_COLOUR"):
        colour = values.get(slot, defaults.get(slot))
        if isinstance(colour, tuple) and slot in defaults and _distance(colour, ground) < 90:
            target = 255 if _dark(ground) else 0
            values[slot] = tuple(int((part + target) / 2) for part in colour)


def make_title(description: str) -> str:
    """The game's title: the description on one line, capitalised, cut at a word if it is long."""
    text = " ".join(description.split())
    if len(text) > TITLE_MAX:
        text = text[:TITLE_MAX].rsplit(" ", 1)[0] or text[:TITLE_MAX]
    return text[:1].upper() + text[1:]


def _text(key_options: Sequence[str], lang: str) -> Optional[str]:
    for key in key_options:
        if i18n.has_key(key, "en"):
            return i18n.tr(key, lang)
    return None


def slots_for(description: str, lang: str, template: Mapping, defaults: Mapping[str, object],
              template_words: Iterable[str] = ()) -> Dict[str, object]:
    """New values for a template's settings from a description; only settings the template has."""
    tid = template.get("id", "")
    reading = read_description(description, lang, template_words)
    values: Dict[str, object] = {}

    def put(slot: str, value: object) -> None:
        if slot in defaults:
            values[slot] = value

    put("TITLE", make_title(description))
    for slot, default in defaults.items():  # words the game shows, in the child's language
        if slot.endswith("_TEXT"):
            text = _text([f"generate.text.{tid}.{slot}", f"generate.text.{slot}"], lang)
            if text:
                put(slot, text)
        elif slot.endswith("_NAME") and isinstance(default, str):
            known = nouns.exact_noun(default)
            name = known[0].name(lang) if known else _text([f"generate.name.{default}"], lang)
            if name:
                put(slot, name)

    by_noun, loose, background = _colour_targets(reading, lang)
    if "BALL_COLOUR" in defaults:  # breakout: "a green ball" colours the ball, it does not name the paddle
        for token in [t for t in reading.tokens if t.noun is not None and t.noun.key == "ball"]:
            token.noun = None
            if token.index in by_noun:
                values["BALL_COLOUR"] = by_noun[token.index]
    chosen = assign_roles(reading, template.get("roles", ["PLAYER", "THING"]))
    roles = list(template.get("roles", ["PLAYER", "THING"]))
    for role in roles:
        token = chosen.get(role)
        if token is not None:
            put(f"{role}_NAME", nouns.display_name(token.noun, token.text, lang) if token.known
                else token.noun.name(lang))
            put(f"{role}_SHAPE", token.noun.shape)
            picture = nouns.picture_of(token.noun)
            put(f"{role}_PICTURE", picture.project_path if picture else "")  # "" draws the shape
            put(f"{role}_COLOUR", by_noun.get(token.index, token.noun.colour))
    for role in roles:  # colours said on their own go to whoever has no colour of their own yet
        token = chosen.get(role)
        if loose and f"{role}_COLOUR" in defaults and (token is None or token.index not in by_noun):
            values[f"{role}_COLOUR"] = loose.pop(0)

    numbers_done = set()
    for token in reading.tokens:
        if token.number is None:
            continue
        slot = _number_slot(reading, token, template, defaults)
        if slot and slot not in numbers_done:
            numbers_done.add(slot)
            low, high = _limits(template, slot)
            values[slot] = max(low, min(high, token.number))
    if reading.speed_factor != 1.0:
        for slot in SPEED_SLOTS:
            if slot in defaults and slot not in numbers_done and isinstance(defaults[slot], (int, float)):
                low, high = _limits(template, slot)
                values[slot] = max(low, min(high, round(defaults[slot] * reading.speed_factor)))
    if reading.operation:
        put("OPERATION", reading.operation)
    if reading.controls:
        put("CONTROLS", reading.controls)

    if "BACKGROUND" in defaults:
        _fit_colours(values, defaults, background or reading.scene)
    scenery = library.find(library.PICTURE, reading.scene_picture or "")
    if scenery is not None and not _looks_like_a_role(scenery, values):
        put("BACKGROUND_PICTURE", scenery.project_path)
    return values


def _looks_like_a_role(scenery: library.Entry, values: Mapping[str, object]) -> bool:
    """Would the background picture be mistaken for the player or a thing (glowing stars behind stars to catch)?"""
    shown = [value for slot, value in values.items() if slot.endswith("_PICTURE") and isinstance(value, str)]
    return any(_picture_words(scenery.project_path) & _picture_words(path) for path in shown if path)


def _picture_words(path: str) -> set:
    """"images/glowing_star.png" -> {"glowing", "star"}."""
    return set(path.rsplit("/", 1)[-1].split(".")[0].split("_"))


def comments_for(template: Mapping, defaults: Mapping[str, object], lang: str) -> Dict[str, str]:
    """The comments after each setting, in the child's language (English keeps the template's own)."""
    if lang == "en":
        return {}
    tid = template.get("id", "")
    found = {}
    for slot in defaults:
        text = _text([f"generate.comment.{tid}.{slot}", f"generate.comment.{slot}"], lang)
        if text:
            found[slot] = text
    return found
