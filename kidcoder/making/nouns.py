"""The things a child may put in a game, in English and Spanish, each with a shape, a colour and a picture.

Pure lookups used by game_slots.py: "gato" and "cats" both find the cat (an
orange circle, and the picture images/cat.png), "dragn" still finds the
dragon, a thing only the picture library knows ("tractor", "búho") is a noun
too, and a word we do not know gets a shape and colour of its own, always the
same one for the same word.
"""
from __future__ import annotations

import difflib
import zlib
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from kidcoder.knowledge.words import fold
from kidcoder.making import library

Colour = Tuple[int, int, int]
SHAPES = ("circle", "square", "triangle", "diamond", "star", "oval")


@dataclass(frozen=True)
class Noun:
    """One thing: its names in each language (the first is the one shown), how it looks, and its kind.

    kind is "character" for things that move by themselves (cat, rocket) and
    "thing" for things to catch, dodge or collect (fish, rock, star).
    """
    key: str
    en: Tuple[str, ...]
    es: Tuple[str, ...]
    shape: str
    colour: Colour
    kind: str

    def name(self, lang: str) -> str:
        """The name a child reads, in lang."""
        return (self.es if lang == "es" else self.en)[0]


def _noun(key, en, es, shape, colour, kind="thing") -> Noun:
    return Noun(key, tuple(en.split()), tuple(es.split()), shape, colour, kind)


_C = "character"
NOUNS: Tuple[Noun, ...] = (
    # animals and people
    _noun("cat", "cat cats kitten kittens kitty", "gato gatos gata gatas gatito gatitos", "circle", (255, 165, 0), _C),
    _noun("dog", "dog dogs puppy puppies", "perro perros perrito perritos", "square", (160, 100, 50), _C),
    _noun("fish", "fish fishes", "pez peces pescado pescados", "oval", (80, 160, 255)),
    _noun("bird", "bird birds", "pájaro pájaros ave aves pajarito", "triangle", (255, 220, 0), _C),
    _noun("dragon", "dragon dragons", "dragón dragones", "triangle", (40, 180, 60), _C),
    _noun("horse", "horse horses pony", "caballo caballos poni", "oval", (140, 90, 40), _C),
    _noun("cow", "cow cows", "vaca vacas", "square", (250, 250, 250), _C),
    _noun("pig", "pig pigs piggy", "cerdo cerdos cerdito chancho", "circle", (255, 170, 190), _C),
    _noun("frog", "frog frogs", "rana ranas sapo sapos", "circle", (60, 200, 60), _C),
    _noun("bee", "bee bees", "abeja abejas", "oval", (255, 210, 0), _C),
    _noun("butterfly", "butterfly butterflies", "mariposa mariposas", "diamond", (255, 130, 0), _C),
    _noun("spider", "spider spiders", "araña arañas", "circle", (60, 60, 60), _C),
    _noun("snake", "snake snakes", "serpiente serpientes culebra culebras", "square", (120, 255, 120), _C),
    _noun("worm", "worm worms", "gusano gusanos", "square", (255, 150, 150), _C),
    _noun("bear", "bear bears", "oso osos", "circle", (130, 80, 40), _C),
    _noun("lion", "lion lions", "león leones", "circle", (230, 170, 40), _C),
    _noun("tiger", "tiger tigers", "tigre tigres", "circle", (255, 140, 0), _C),
    _noun("monkey", "monkey monkeys", "mono monos", "circle", (150, 100, 60), _C),
    _noun("rabbit", "rabbit rabbits bunny bunnies", "conejo conejos conejito", "circle", (230, 230, 230), _C),
    _noun("penguin", "penguin penguins", "pingüino pingüinos", "oval", (40, 40, 60), _C),
    _noun("duck", "duck ducks", "pato patos", "oval", (255, 230, 0), _C),
    _noun("chicken", "chicken chickens hen", "gallina gallinas pollo pollos", "circle", (255, 250, 230), _C),
    _noun("shark", "shark sharks", "tiburón tiburones", "triangle", (120, 130, 150), _C),
    _noun("octopus", "octopus", "pulpo pulpos", "circle", (200, 60, 120), _C),
    _noun("unicorn", "unicorn unicorns", "unicornio unicornios", "diamond", (255, 180, 255), _C),
    _noun("dinosaur", "dinosaur dinosaurs dino", "dinosaurio dinosaurios dino", "triangle", (90, 170, 70), _C),
    _noun("princess", "princess", "princesa princesas", "triangle", (255, 120, 200), _C),
    _noun("knight", "knight knights", "caballero caballeros", "square", (180, 180, 200), _C),
    _noun("ninja", "ninja ninjas", "ninja ninjas", "square", (50, 50, 70), _C),
    _noun("wizard", "wizard wizards witch", "mago magos bruja brujas", "triangle", (110, 60, 200), _C),
    _noun("pirate", "pirate pirates", "pirata piratas", "square", (150, 50, 50), _C),
    _noun("hero", "hero superhero", "héroe superhéroe", "square", (30, 80, 220), _C),
    _noun("alien", "alien aliens martian martians invader invaders",
          "marciano marcianos extraterrestre extraterrestres alien aliens", "oval", (120, 255, 80), _C),
    _noun("robot", "robot robots", "robot robots", "square", (170, 170, 190), _C),
    _noun("monster", "monster monsters", "monstruo monstruos", "square", (150, 50, 200), _C),
    _noun("ghost", "ghost ghosts", "fantasma fantasmas", "oval", (235, 235, 255), _C),
    _noun("zombie", "zombie zombies", "zombi zombis zombie zombies", "square", (100, 170, 90), _C),
    # vehicles
    _noun("rocket", "rocket rockets", "cohete cohetes", "triangle", (230, 230, 240), _C),
    _noun("ship", "ship ships spaceship spaceships", "nave naves", "triangle", (0, 200, 255), _C),
    _noun("car", "car cars", "coche coches carro carros auto autos", "square", (230, 30, 30), _C),
    _noun("truck", "truck trucks lorry", "camión camiones", "square", (40, 90, 230), _C),
    _noun("bus", "bus buses", "autobús autobuses", "square", (255, 200, 0), _C),
    _noun("plane", "plane planes airplane", "avión aviones", "triangle", (200, 200, 220), _C),
    _noun("boat", "boat boats", "barco barcos bote", "oval", (150, 90, 40), _C),
    _noun("basket", "basket baskets", "cesta cestas canasta", "square", (200, 120, 40), _C),
    # things
    _noun("rock", "rock rocks stone stones boulder", "roca rocas piedra piedras", "square", (130, 110, 90)),
    _noun("meteor", "meteor meteors asteroid asteroids meteorite",
          "meteorito meteoritos asteroide asteroides", "circle", (150, 110, 80)),
    _noun("ball", "ball balls", "pelota pelotas bola bolas balón", "circle", (255, 255, 255)),
    _noun("cookie", "cookie cookies biscuit biscuits", "galleta galletas", "circle", (200, 140, 60)),
    _noun("star", "star stars", "estrella estrellas", "star", (255, 220, 0)),
    _noun("apple", "apple apples", "manzana manzanas", "circle", (220, 20, 60)),
    _noun("banana", "banana bananas", "plátano plátanos banana bananas", "oval", (255, 225, 50)),
    _noun("strawberry", "strawberry strawberries", "fresa fresas", "circle", (230, 30, 60)),
    _noun("carrot", "carrot carrots", "zanahoria zanahorias", "triangle", (255, 140, 0)),
    _noun("cheese", "cheese", "queso quesos", "triangle", (255, 220, 80)),
    _noun("pizza", "pizza pizzas", "pizza pizzas", "triangle", (250, 180, 60)),
    _noun("cake", "cake cakes cupcake cupcakes", "pastel pasteles tarta tartas", "square", (255, 170, 200)),
    _noun("candy", "candy candies sweet sweets", "caramelo caramelos dulce dulces", "diamond", (255, 100, 200)),
    _noun("donut", "donut donuts doughnut", "dona donas rosquilla rosquillas", "circle", (255, 150, 200)),
    _noun("egg", "egg eggs", "huevo huevos", "oval", (255, 250, 235)),
    _noun("bone", "bone bones", "hueso huesos", "oval", (245, 245, 230)),
    _noun("food", "food", "comida", "circle", (255, 60, 60)),
    _noun("coin", "coin coins money", "moneda monedas dinero", "circle", (255, 200, 0)),
    _noun("gem", "gem gems diamond diamonds jewel jewels", "gema gemas diamante diamantes joya joyas",
          "diamond", (0, 220, 255)),
    _noun("treasure", "treasure treasures", "tesoro tesoros", "diamond", (255, 215, 0)),
    _noun("heart", "heart hearts", "corazón corazones", "diamond", (255, 60, 100)),
    _noun("flower", "flower flowers", "flor flores", "star", (255, 120, 200)),
    _noun("tree", "tree trees", "árbol árboles", "triangle", (30, 140, 40)),
    _noun("leaf", "leaf leaves", "hoja hojas", "oval", (60, 180, 60)),
    _noun("bomb", "bomb bombs", "bomba bombas", "circle", (50, 50, 50)),
    _noun("fire", "fire fireball fireballs flame flames", "fuego llama llamas", "diamond", (255, 100, 0)),
    _noun("snowflake", "snowflake snowflakes snowball snowballs", "copo copos", "star", (220, 240, 255)),
    _noun("raindrop", "raindrop raindrops drop drops", "gota gotas", "oval", (80, 140, 255)),
    _noun("balloon", "balloon balloons", "globo globos", "oval", (255, 60, 60)),
    _noun("bubble", "bubble bubbles", "burbuja burbujas", "circle", (150, 220, 255)),
    _noun("brick", "brick bricks block blocks", "ladrillo ladrillos bloque bloques", "square", (255, 120, 40)),
    _noun("box", "box boxes", "caja cajas", "square", (190, 140, 80)),
    _noun("cloud", "cloud clouds", "nube nubes", "oval", (240, 240, 255)),
    _noun("sun", "sun", "sol", "circle", (255, 220, 0)),
    _noun("moon", "moon moons", "luna lunas", "circle", (240, 240, 200)),
    _noun("planet", "planet planets", "planeta planetas", "circle", (100, 150, 255)),
)

_COLOURS: Dict[str, Colour] = {}
_COLOUR_ROWS = (
    ((230, 30, 30), "red", "rojo roja rojos rojas"),
    ((255, 140, 0), "orange", "naranja naranjas anaranjado"),
    ((255, 220, 0), "yellow", "amarillo amarilla amarillos amarillas"),
    ((40, 190, 60), "green", "verde verdes"),
    ((40, 100, 240), "blue", "azul azules"),
    ((150, 60, 210), "purple violet", "morado morada morados moradas violeta lila"),
    ((255, 120, 190), "pink", "rosa rosas rosado rosada"),
    ((140, 90, 40), "brown", "marrón marrones café"),
    ((20, 20, 20), "black", "negro negra negros negras"),
    ((250, 250, 250), "white", "blanco blanca blancos blancas"),
    ((140, 140, 140), "grey gray", "gris grises"),
    ((255, 200, 40), "gold golden", "dorado dorada dorados doradas oro"),
    ((200, 200, 210), "silver", "plateado plateada plata"),
    ((0, 220, 230), "cyan turquoise", "turquesa celeste cian"),
    ((225, 200, 140), "sand sandy beige", "arena beis beige"),
    ((160, 230, 40), "lime", "lima fosforito fosforescente"),
)
_COLOUR_BY_LANG: Dict[str, Dict[str, Colour]] = {"en": {}, "es": {}}
for _rgb, _en, _es in _COLOUR_ROWS:
    for _word in _en.split():
        _COLOUR_BY_LANG["en"][fold(_word)] = _rgb
    for _word in _es.split():
        _COLOUR_BY_LANG["es"][fold(_word)] = _rgb

_NUMBER_WORDS: Dict[str, int] = {}
for _i, _word in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                           "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()):
    _NUMBER_WORDS[_word] = _i
for _i, _word in enumerate("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
                           "quince dieciseis diecisiete dieciocho diecinueve veinte".split()):
    _NUMBER_WORDS[_word] = _i
_NUMBER_WORDS.update({"una": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
                      "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100})

# Folded word -> (noun, language of the word). A word in both lists (robot, ninja) counts as English.
_BY_WORD: Dict[str, Tuple[Noun, str]] = {}
for _noun_ in NOUNS:
    for _word in _noun_.es:
        _BY_WORD[fold(_word)] = (_noun_, "es")
    for _word in _noun_.en:
        _BY_WORD[fold(_word)] = (_noun_, "en")
_ALL_WORDS = sorted(_BY_WORD)

_BRIGHT = ((255, 90, 90), (255, 170, 0), (250, 220, 40), (90, 210, 90), (70, 170, 255), (180, 110, 255),
           (255, 120, 200), (0, 210, 200))


def find_noun(word: str) -> Optional[Tuple[Noun, str]]:
    """The known thing a word names, and the language of that word; close misspellings count too."""
    folded = fold(word)
    if folded in _BY_WORD:
        return _BY_WORD[folded]
    if len(folded) < 3 or not folded.isalpha():
        return None
    if folded.endswith("ys") and folded[:-2] + "ies" in _BY_WORD:  # "cookys" -> "cookies"
        return _BY_WORD[folded[:-2] + "ies"]
    cutoff = 0.85 if len(folded) <= 4 else 0.8
    close = difflib.get_close_matches(folded, _ALL_WORDS, n=1, cutoff=cutoff)
    return _BY_WORD[close[0]] if close else None


def exact_noun(word: str) -> Optional[Tuple[Noun, str]]:
    """Like find_noun(), but only for words spelt exactly as in the list (accents do not matter)."""
    return _BY_WORD.get(fold(word))


def display_name(noun: Noun, word: str, lang: str) -> str:
    """The name to show for a noun the child wrote as word: their own word, in the singular when we know it.

    "carros" -> "carro", "pinguino" -> "pingüino", "dragón" -> "dragón"; a misspelt or
    unknown word shows the noun's usual name.
    """
    folded = fold(word)
    for names in ((noun.es, noun.en) if lang == "es" else (noun.en, noun.es)):
        plain = [fold(name) for name in names]
        if folded in plain:
            index = plain.index(folded)
            if index > 0 and folded.endswith("s") and not plain[index - 1].endswith("s"):
                index -= 1  # the lists put each singular right before its plural
            return names[index]
    return noun.name(lang)


def noun_by_key(key: str) -> Optional[Noun]:
    """A known thing by its key ("cat")."""
    for noun in NOUNS:
        if noun.key == key:
            return noun
    return None


def named_shape(word: str) -> Noun:
    """A thing we do not know: it keeps its own name and always gets the same shape and colour."""
    code = zlib.crc32(fold(word).encode("utf-8"))
    name = word.lower()
    return Noun(fold(word), (name,), (name,), SHAPES[code % len(SHAPES)], _BRIGHT[(code // 7) % len(_BRIGHT)],
                "character")


# Words for what a game is played with that are also animals: "a mouse that eats cheese", "click with the mouse".
_DEVICE_WORDS = frozenset(fold(word) for word in "mouse mice ratón ratones".split())
_WITH_WORDS = frozenset(fold(word) for word in "with using use con usando usa click clic".split())


def is_device_word(word: str) -> bool:
    """Is this folded word both an animal and something a game is played with ("mouse", "ratón")?"""
    return word in _DEVICE_WORDS


def device_is_animal(folded_words: List[str], index: int) -> bool:
    """Is the device word at index the animal (not "with the mouse", "clic con el ratón")?"""
    return not any(word in _WITH_WORDS for word in folded_words[max(0, index - 2):index])


def find_colour(word: str, lang: str) -> Optional[Colour]:
    """The colour a word names in lang (or in the other language, except words with two meanings)."""
    folded = fold(word)
    if folded in _COLOUR_BY_LANG.get(lang, {}):
        return _COLOUR_BY_LANG[lang][folded]
    other = "en" if lang == "es" else "es"
    if lang == "es" and folded == "red":  # "red" is a net in Spanish
        return None
    return _COLOUR_BY_LANG[other].get(folded)


def colour_words(lang: str) -> Tuple[str, ...]:
    """Every folded word that names a colour in lang ("rojo", "roja", "rosa", ...)."""
    return tuple(_COLOUR_BY_LANG.get(lang, {}))


def colour_names() -> Tuple[str, ...]:
    """The English name of every colour KidCoder knows ("red", "orange", ...), one per colour."""
    return tuple(english.split()[0] for _rgb, english, _spanish in _COLOUR_ROWS)


def find_number(word: str) -> Optional[int]:
    """A whole number written with digits or in words ("7", "seven", "siete")."""
    if word.isdigit():
        return int(word[:6])
    return _NUMBER_WORDS.get(fold(word))


def known_words() -> List[str]:
    """Every folded word that names a known thing (for tests and the index)."""
    return list(_ALL_WORDS)


# Nouns whose picture has another id: a "ship" in a game is a spaceship.
_PICTURE_IDS = {"ship": "rocket", "food": "burger"}
_GROUP_SHAPES = {"food": "circle", "vehicles": "square", "buildings": "square", "space": "star",
                 "sports": "circle", "nature": "triangle", "things": "diamond"}


def picture_of(noun: Noun) -> Optional[library.Entry]:
    """The library picture of a noun (its own id, else one of its names); None when nothing fits."""
    found = library.find(library.PICTURE, _PICTURE_IDS.get(noun.key, noun.key))
    if found is not None:
        return found
    for name in noun.en + noun.es:
        found = library.best_match(name, fuzzy=False)
        if found is not None:
            return found
    return None


def library_noun(word: str) -> Optional[Tuple[Noun, str]]:
    """A thing the picture library names but NOUNS does not ("tractors", "búho"), and the word's language."""
    named = library.name_match(word)
    entry, lang = named if named is not None else (library.best_match(word, fuzzy=False), "en")
    if entry is None:
        return None
    known = noun_by_key(entry.id)  # "hound" is the dog we know
    if known is not None:
        return known, lang
    return Noun(entry.id, entry.en, entry.es, _GROUP_SHAPES.get(entry.group, "circle"),
                tuple(entry.colour or (255, 255, 255)), entry.role), lang
