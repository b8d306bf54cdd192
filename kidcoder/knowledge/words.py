"""How children phrase questions: the words that carry no topic, and which language a question is in.

Pure functions, shared by the search index (index.py) and the answer builder
(answer.py). "how do i make my guy jump" keeps only "guy jump"; "como hago que mi
personaje salte" keeps "personaje salte".
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional, Tuple

_WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: "Cómo SALTÉ" -> "como salte" (ñ becomes n too)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def folded_words(words: str) -> frozenset:
    """The words of a space-separated list, folded (lower case, no accents): the making rules' word lists too."""
    return frozenset(fold(word) for word in words.split())


_folded = folded_words


# Words that say "I have a question" rather than what it is about (with kid spellings).
_KID_STOPS_EN = _folded("""
    a an the i im ive me my mine myself you your youre u ur we us our it its itself he she they them
    how hw hwo what wat wut wht whats why where which who whom when whenever
    do does did doing done dont doesnt didnt cant cannot wont isnt arent wasnt shouldnt couldnt
    don doesn didn can couldn won isn aren wasn t s m ve ll d re
    make makes making made can could would should will shall may might must want wants wanna wantto
    need needs gonna gotta please pls plz pleas help helps thanks thx ok okay hi hello hey
    is are was were be been being am to of on at by about into onto than then so just really very
    this that these those there here some something anything thing things stuff way ways
    get gets got getting have has had having use uses using used put let lets tell know
    code coding program programming python script work works working worked wrong problem
    like also still even again too much many lot lots one ones thing
    mean means meaning explain
    """)
# Python words that are ordinary words as well, and small numbers: dropped from long questions,
# and weaker than the other words of a short one ("what is a for loop", "colision entre dos cosas").
_AMBIGUOUS_EN = _folded("and or not if in is for as with from one two three")

_KID_STOPS_ES = _folded("""
    a al algo algun alguna alguno algunos algunas ante antes como cómo con contra cual cuál cuando cuándo
    de del desde donde dónde durante e el él ella ellas ellos en entre era eran es esa esas ese eso esos
    esta está estan están estas este esto estos estoy estar fue ha han has hay he la las le les lo los
    me mi mis mí mucho muchos muy mas más nada ni nos nosotros nuestro nuestra otra otro otros para pero
    poco por porque porqué que qué quien quién se sea ser son soy su sus tambien también tanto te ti
    tiene tienen tienes todo todos tu tus tú un una uno unos unas ya yo
    hago hacer hace hacen hice haga hagan haces puedo puede pueden podria podría quiero quieres quiere
    quisiera necesito necesita ayuda ayudame ayúdame favor porfa porfavor hola gracias
    q k ke xq pq porq komo kiero ago aga agan acer aser ace ase pa sirbe nose nse xfa plis pls alguien
    ayudenme ayúdenme
    cosa cosas algo eso asi así usar uso usa pongo poner sirve funciona funcionan anda
    codigo código programa programar python significa explica explicame explícame
    """)
_AMBIGUOUS_ES = _folded("y o no si uno dos tres")

# Words weaker than the others of a question: those Python words, and "game": every question to a
# game-making helper is about a game, so the word says little about which card answers it ("the game doesn't let me jump" asks about jumping, not the platformer recipe).
_WEAK_EN = _folded("not in is as with from one two three game games")
_WEAK_ES = _folded("no uno dos tres juego juegos videojuego videojuegos")
# Verbs whose object is what the question is about: "add a picture", "show a picture", "make a photo appear"
# ask about the picture; alone ("how do i show something") they keep their whole weight.
_PUT_IN = {"en": _folded("add adds added adding show shows showed showing appear appears appeared appearing"),
           "es": _folded("agregar agrego agrega agregue anadir anado anade anada aparecer aparece aparecen "
                         "aparezca aparezcan mostrar muestra muestran muestre muestren")}
_SHORT_QUESTION = 2
WEAK_WEIGHT = 0.35
PUT_IN_WEIGHT = 0.4

# Symbols children ask about, said in words the cards use.
_SYMBOLS = {
    "en": (("==", " equal compare "), ("!=", " not equal compare "), ("+=", " add "), ("#", " comment "),
           (":", " colon "), ("%", " remainder "), ("//", " divide "), ("[]", " list "), ("{}", " dictionary ")),
    "es": (("==", " igual comparar "), ("!=", " distinto comparar "), ("+=", " sumar "), ("#", " comentario "),
           (":", " dos puntos "), ("%", " resto "), ("//", " dividir "), ("[]", " lista "), ("{}", " diccionario ")),
}

# Words that mark a question as Spanish or English (folded); accents, ñ, ¿ and ¡ count for Spanish.
_SPANISH_MARKS = _folded("""
    como que por porque cuando donde cual quiero puedo hago hacer mi mis tu el la los las un una es esta
    esta estan son del al para con sin se pantalla juego personaje salta saltar salte mover mueve
    tecla teclas error bucle lista ventana pelota puntos choca choque raton dibujar color colores
    variable variables funcion funciones numero numeros texto imagen sonido enemigo enemigos jugador
    no funciona sale aparece negra negro pasa significa tiempo vidas nivel niveles
    q xq ke komo kiero pa acer aser sirbe nose muneco pantaya
    """)
_ENGLISH_MARKS = _folded("""
    how what why where when which who the my is are do does did can make i you it to of in on and with
    want get game guy player jump move moves moving loop screen window key keys score error my mine
    doesnt dont isnt wont cant work works working frozen black nothing happens something
    """)
_SPANISH_CHARS = set("áéíóúñ¿¡ü")


def words(text: str) -> List[str]:
    """The folded words of a text, in order."""
    return _WORD_RE.findall(fold(text))


def topic_words(question: str, lang: str) -> List[str]:
    """The words of a question that say what it is about (kid phrasing and stop words removed)."""
    return [word for word, _weight in weighted_topic_words(question, lang)]


def weighted_topic_words(question: str, lang: str) -> List[Tuple[str, float]]:
    """topic_words() with a weight each: an everyday word that is also a Python word counts less."""
    stops, ambiguous = (_KID_STOPS_ES, _AMBIGUOUS_ES) if lang == "es" else (_KID_STOPS_EN, _AMBIGUOUS_EN)
    kept = [word for word in words(spell_symbols(question, lang)) if word not in stops]
    if len(kept) > _SHORT_QUESTION:
        kept = [word for word in kept if word not in ambiguous]
    weak = _WEAK_ES if lang == "es" else _WEAK_EN
    put_in = _PUT_IN.get(lang, _PUT_IN["en"])
    if all(word in weak or word in put_in for word in kept):
        return [(word, 1.0) for word in kept]
    return [(word, WEAK_WEIGHT if word in weak else PUT_IN_WEIGHT if word in put_in else 1.0) for word in kept]


def stop_words(lang: str) -> frozenset:
    """The words that say "I have a question" rather than what it is about, folded."""
    return _KID_STOPS_ES if lang == "es" else _KID_STOPS_EN


def spell_symbols(text: str, lang: str) -> str:
    """Symbols standing alone are said in words: "what does # mean" -> "what does comment mean"."""
    for symbol, said in _SYMBOLS.get(lang, _SYMBOLS["en"]):
        text = re.sub(r"(?<!\S)" + re.escape(symbol) + r"(?!\S)", said, text)
    return text


def guess_language(text: str) -> Optional[str]:
    """"es" or "en" when the text clearly reads as that language, else None."""
    lowered = text.lower()
    spanish = sum(2 for ch in lowered if ch in _SPANISH_CHARS)
    english = 0
    for word in words(text):
        if word in _SPANISH_MARKS:
            spanish += 1
        if word in _ENGLISH_MARKS:
            english += 1
    if spanish >= 2 and spanish >= 2 * english + 1:
        return "es"
    if english >= 2 and english >= 2 * spanish + 1:
        return "en"
    return None


def choose_language(question: str, lang: Optional[str]) -> str:
    """The language to answer in: the one asked for, unless the question is clearly in the other."""
    asked = lang if lang in ("en", "es") else "en"
    guessed = guess_language(question)
    return guessed if guessed and guessed != asked else asked
