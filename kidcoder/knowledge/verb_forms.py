"""Spanish verb forms: the subjunctive a child uses ("que caiga", "para que se mueva") read as the forms cards use.

A Spanish child asks "¿qué hago para que caiga?" (so that it falls): after "que" the verb is in
the subjunctive, while the cards say "cae" or "caer". The stemmer does not join them ("caiga" ->
"caig", "cae" -> "cae"), nor irregular stems ("salga"/"sale", "mueva"/"mover"). Each word is read
as the present indicative of the same person (caiga -> cae, caigan -> caen: one thing falling is
not many) and as the infinitive (caer); only forms the cards' vocabulary has are kept, so a noun
that merely ends like a verb ("casa") gains nothing. Pure functions.
"""
from __future__ import annotations

from typing import Callable, List, Optional, Tuple

# (subjunctive ending, indicative ending, infinitive endings): -ar verbs take -e, -er/-ir verbs take -a.
# Longer endings first: spelling changes (choque/choca, siga/sigue, aparezca/aparece) and g-stems
# (caiga/cae, salga/sale, ponga/pone) before the plain ones.
_ENDINGS: Tuple[Tuple[str, str, Tuple[str, ...]], ...] = (
    ("que", "ca", ("car",)), ("quen", "can", ("car",)),
    ("gue", "ga", ("gar",)), ("guen", "gan", ("gar",)),
    ("ce", "za", ("zar",)), ("cen", "zan", ("zar",)),
    ("zca", "ce", ("cer", "cir")), ("zcan", "cen", ("cer", "cir")),
    ("iga", "e", ("er",)), ("igan", "en", ("er",)),             # caiga -> cae, traiga -> trae
    ("lga", "le", ("lir",)), ("lgan", "len", ("lir",)),         # salga -> sale
    ("nga", "ne", ("ner", "nir")), ("ngan", "nen", ("ner", "nir")),   # ponga -> pone
    ("ga", "gue", ("guir",)), ("gan", "guen", ("guir",)),       # siga -> sigue
    ("ja", "ge", ("ger", "gir")), ("jan", "gen", ("ger", "gir")),
    ("e", "a", ("ar",)), ("en", "an", ("ar",)),
    ("a", "e", ("er", "ir")), ("an", "en", ("er", "ir")),
)
# A stem's vowel that changes when stressed: mueva -> mover, pierda -> perder, repita -> repetir.
_STEM_VOWELS = (("ue", "o"), ("ie", "e"), ("i", "e"))
MIN_STEM = 2


def _infinitive_stems(stem: str) -> List[str]:
    """The stem as written, and with a stressed vowel undone (muev -> mov), last change first."""
    out = [stem]
    for changed, plain in _STEM_VOWELS:
        at = stem.rfind(changed)
        if at > 0:
            out.append(stem[:at] + plain + stem[at + len(changed):])
    return out


def forms(word: str) -> List[str]:
    """Every present indicative and infinitive a subjunctive form may stand for, known or not."""
    out: List[str] = []
    for ending, indicative, endings in _ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < MIN_STEM:
            continue
        stem = word[: len(word) - len(ending)]
        out.append(stem + indicative)
        out.extend(plain + infinitive for plain in _infinitive_stems(stem) for infinitive in endings)
    return list(dict.fromkeys(form for form in out if form != word))


def known_forms(word: str, card_word: Callable[[str], Optional[str]]) -> List[str]:
    """The forms of a Spanish word that the cards use: "caiga" -> ["cae", "caer"]; [] for most words.
    card_word: the cards' word written or said as a form, or None ("kae" -> "cae")."""
    if not word.isalpha():
        return []
    found = (card_word(form) for form in forms(word))
    return list(dict.fromkeys(form for form in found if form and form != word))
