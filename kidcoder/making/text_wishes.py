"""'When the time runs out it should say NICE TRY', 'cuando acierto que diga ¡Eres un crack!': new words.

A new name for the game ("change the name of the game to ALIEN DESTROYER 3000", "cambia el título a La
Serpiente Loca", "call the game X") is the TITLE, as typed: a number in it is part of the name, not a count.

A made game keeps what it shows in *_TEXT settings (WIN_TEXT, LOSE_TEXT, RIGHT_TEXT, ...). The words after
"say"/"diga" (to the end of the wish, or to "and make ...") are the new text, exactly as the child wrote
them; the moment named before them (winning, losing, a right or a wrong answer, the title) says which
setting. No moment named, or a setting the game has not got: not a text wish. Pure functions.
"""
from __future__ import annotations

import re
from typing import Mapping, Optional, Tuple

from kidcoder.knowledge.words import fold

MAX_CHARS = 40               # a longer text would not fit the game's window
_SAY = re.compile(r"\b(?:says?|show|write|diga|digan|dice|ponga|escriba|salga|aparezca)\b\s*[:,]?\s*(.+)$",
                  re.IGNORECASE)
# Where a second wish starts after the text: "... and make the background black", "... y pon el fondo azul".
_NEXT_WISH = re.compile(r"\s+(?:and|y)\s+(?:make|put|give|change|set|haz|pon|dame|cambia)\b.*$", re.IGNORECASE)
_MOMENTS = (
    ("WIN_TEXT", "win wins won winning beat gano gane ganas ganar ganes gana victoria"),
    ("LOSE_TEXT", "lose lost losing die dies dead over out end ends ended pierdo pierda pierdes perder muero acaba "
                  "termina"),
    ("RIGHT_TEXT", "right correct acierto aciertas aciertes acierte bien"),
    ("WRONG_TEXT", "wrong fallo fallas falle mal equivoco"),
    ("TITLE", "title titulo name nombre"),
)
# Spanish verbs said in every person and tense ("cuando pierdas", "si pierdes", "al perder"): their stems.
_STEMS = (
    ("WIN_TEXT", ("gan",)),
    ("LOSE_TEXT", ("pierd", "perd", "muer", "mori", "muri", "acab", "termin")),
    ("RIGHT_TEXT", ("aciert", "acert")),
    ("WRONG_TEXT", ("equivoc",)),
)
# "when I get all the stars": all of them is winning, when no other moment is named.
_ALL = ("WIN_TEXT", "all todas todos")
# A run of words in capitals is the text, and a wish may go on after it: "diga GENIAL y el fondo azul".
_CAPITALS = re.compile(r"^((?:[^\w\s]*[A-ZÁÉÍÓÚÑÜ0-9]{2,}[^\w\s]*|[^\w\s]*[AIYOE][^\w\s]*)"
                       r"(?:\s+(?:[^\w\s]*[A-ZÁÉÍÓÚÑÜ0-9]+[^\w\s]*))*)(?:\s+(.*))?$")
# Renaming the game: "title"/"título", "the name of the game", "call the game", "que el juego se llame", then the name.
_RENAME = re.compile(
    r"\b(?:(?:title|titulo|título|(?:name|nombre)\s+(?:of|for|del|de)\s+(?:the\s+|my\s+|this\s+|mi\s+)?(?:game|juego))"
    r"(?:\s+(?:should\s+be|to\s+be|be|to|into|as|a|sea|por|en)\b\s*[:=]?|\s*[:=])"
    r"|(?:de|como|as)\s+(?:title|titulo|título)|(?:call|name|rename)\s+(?:the|my|this)\s+game(?:\s+to)?|(?:game|juego)\s+(?:(?:should\s+)?be\s+called|"
    r"se\s+llame|se\s+llamara|se\s+llamará))\s+(.+)$", re.IGNORECASE)
# Words a child ends a wish with that are not part of the text: "write Better luck next time instead".
_TRAILING = re.compile(r"\s+(?:instead|pls|plz|please|porfa|porfavor|por favor|en vez)\W*$", re.IGNORECASE)


def text_wish(request_text: str, constants: Mapping[str, object]) -> Optional[Tuple[str, str, str]]:
    """(setting, new text, the rest of the wish for the other rules), or None."""
    renamed = _RENAME.search(request_text)
    if renamed and "TITLE" in constants and isinstance(constants["TITLE"].value, str):
        found = _words_said(renamed.group(1))
        if found:
            return "TITLE", found[0], " ".join(part for part in (request_text[:renamed.start()], found[1]) if part)
    said = _SAY.search(request_text)
    if not said:
        return None
    before = {fold(word) for word in re.findall(r"\w+", request_text[:said.start()].lower())}
    name = next((name for name, words in _MOMENTS + (_ALL,) if before & set(words.split())), None) or next(
        (name for name, stems in _STEMS if any(word.startswith(stems) for word in before)), None)
    if name is None or name not in constants or not isinstance(constants[name].value, str):
        return None
    found = _words_said(said.group(1))
    return (name, found[0], found[1]) if found else None


def _words_said(text: str) -> Optional[Tuple[str, str]]:
    """(the new text, the rest of the wish) from the words after "say" or the new name, or None."""
    following = _NEXT_WISH.search(text)
    rest = following.group(0).strip() if following else ""
    text = text[:following.start()] if following else text
    shouted = _CAPITALS.match(text.strip())
    if shouted and shouted.group(2) and not shouted.group(2)[:1].isupper():
        text, rest = shouted.group(1), (shouted.group(2) + " " + rest).strip()
    text = _TRAILING.sub("", text).strip().strip("\"'“”«»").strip()
    if not text or len(text) > MAX_CHARS:
        return None
    return text, re.sub(r"^(?:and|y)\s+", "", rest, flags=re.IGNORECASE)
