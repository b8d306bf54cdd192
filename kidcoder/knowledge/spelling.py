"""Spelling by sound: a child's word the cards never use becomes the card word (or the question word) it sounds like.

Children aged 8-14 spell by ear, in English and in Spanish: "hw du i mak a lup", "komo
aso q xoquen". Before a question is searched, every word the cards' vocabulary does not
know is compared, by a sound key per language, with the words the cards do use (and with
the "how do i" words, which are then dropped): "lup" -> "loop", "bidas" -> "vidas",
"du" -> "do". A word that sounds like nothing we know stays as it was (the index still
tries its spelling corrections). Pure functions: the vocabulary comes from the index.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from kidcoder.knowledge import compounds, verb_forms, words

# Shorthand children type that no sound rule reaches (letters and digits said as words, chat spellings).
# General kid and chat writing, not words picked from a test set.
SHORTHAND: Dict[str, Dict[str, str]] = {
    "en": {"u": "you", "ur": "your", "r": "are", "b4": "before", "pls": "please", "plz": "please",
           "thx": "thanks", "bc": "because", "cuz": "because", "coz": "because", "wat": "what", "wut": "what", "wot": "what", "wots": "whats", "gai": "guy",
           "gui": "guy", "pix": "pictures", "pics": "pictures", "ppl": "people",
           "im": "i am", "idk": "i do not know", "dunno": "do not know", "gonna": "going to",
           "wanna": "want to", "hw": "how", "hv": "have", "bcuz": "because",
           "kool": "cool", "nite": "night", "lite": "light", "thru": "through", "tho": "though"},
    "es": {"q": "que", "k": "que", "ke": "que", "xq": "porque", "pq": "porque", "porq": "porque",
           "xa": "para", "pa": "para", "d": "de", "tb": "tambien", "tmb": "tambien",
           "tbn": "tambien", "dnd": "donde", "xfa": "por favor", "porfa": "por favor", "kien": "quien",
           "kiero": "quiero", "nose": "no se", "aki": "aqui", "ora": "ahora", "toy": "estoy",
           "ta": "esta", "tas": "estas", "mui": "muy", "bn": "bien", "sta": "esta"},
}

MIN_LIKENESS = 0.6       # how alike two spellings must be (difflib ratio) to take one for the other
STOP_LIKENESS = 0.5      # ... to take it for a question word (dropped from the search anyway)
CLOSE_LIKENESS = 0.7     # ... when their sounds are only close, not the same
SOUND_WEIGHT = 0.8       # a word read by its sound counts as one the index corrects (query.CORRECTED_BOOST)
BOTH = 0.15              # a second sound-alike this close to the best one is kept too ("pik": pick, pic)
SHORT_WORD = 3           # in a word this short one letter weighs a lot ("lup", "loop": 0.57)
SHORT_LIKENESS = 0.55
CLOSE_KEY = 0.85         # a sound key this close to another's, with the same start (a word's other form:
                         # "xoquen", "choque"), counts as the same sound; longer keys only
CLOSE_KEY_LEN = 4


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _sub_all(text: str, rules: Iterable[Tuple[re.Pattern, str]]) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


# English: a small Metaphone-like table. Vowels say little in a child's English spelling, so only a
# first vowel is kept (as "A"); consonants that sound alike share one letter.
_EN_RULES = tuple((re.compile(pattern), said) for pattern, said in (
    (r"[^a-z]", ""), (r"^kn", "n"), (r"^wr", "r"), (r"^ps", "s"), (r"^who", "hu"), (r"^wh", "w"), (r"^x", "s"),
    (r"alk", "ak"), (r"tch", "ch"), (r"[ts]ion", "shun"), (r"cia", "sha"), (r"ph", "f"), (r"gh(?![aeiou])", ""),
    (r"ck", "k"), (r"qu", "kw"), (r"q", "k"), (r"x", "ks"), (r"dg", "j"),
    (r"c(?=[eiy])", "s"), (r"sh", "X"), (r"ch", "X"), (r"th", "0"), (r"c", "k"),
    (r"g(?=[eiy])", "j"), (r"z", "s"), (r"v", "f"), (r"d", "t"), (r"mb$", "m"),
    (r"w(?![aeiouy])", ""), (r"(?<=.)y(?![aeiou])", ""), (r"^y(?![aeiou])", ""),
    (r"(?<=[^aeiou])h|h(?![aeiou])", ""),
))
# Spanish: spelling follows sound, so vowels stay; these are the letters a child mixes up.
_ES_RULES = tuple((re.compile(pattern), said) for pattern, said in (
    (r"[^a-z]", ""), (r"^x", "ch"), (r"x", "s"), (r"qu(?=[ei])", "k"), (r"q", "k"), (r"gu(?=[ei])", "g"),
    (r"ch", "X"), (r"ll", "y"), (r"y(?=[aeiou])", "Y"), (r"y", "i"), (r"c(?=[ei])", "s"), (r"c", "k"),
    (r"z", "s"), (r"v", "b"), (r"w", "b"), (r"g(?=[ei])", "j"), (r"h", ""), (r"Y", "y"),
))


@lru_cache(maxsize=4096)
def spoken(word: str, lang: str) -> str:
    """A word written as it sounds, vowels kept: "funkshun" and "function" -> "funkXun"."""
    return re.sub(r"(.)\1+", r"\1", _sub_all(words.fold(word), _ES_RULES if lang == "es" else _EN_RULES))


@lru_cache(maxsize=4096)
def sound_key(word: str, lang: str) -> str:
    """The sound of a word, as a key: words spelled differently but said alike share it.

    en (vowels say little in a child's English spelling: only a first vowel is kept): "lup" and "loop"
    -> "LP"; "funkshun" and "function" -> "FNKXN". es: "bidas" and "vidas" -> "BIDAS". Letters said
    twice stay twice when a vowel stood between them (spoken() already made doubled letters one):
    "favrit" is "FFRT", not "fruit"'s "FRT".
    """
    said = spoken(word, lang)
    if lang != "es":
        said = ("A" if said[:1] in ("a", "e", "i", "o", "u") else "") + re.sub(r"[aeiouy]", "", said)
    return said.upper()


def likeness(word: str, other: str, lang: str) -> float:
    """How alike two words sound, vowels included (0..1): "shuut" is nearer "shoot" than "shot"."""
    return difflib.SequenceMatcher(None, spoken(word, lang), spoken(other, lang)).ratio()


class SoundAlikes:
    """The words of one language's cards (with how often they are used) and the question words, by sound."""

    def __init__(self, vocabulary: Mapping[str, int], topics: Mapping[str, int], lang: str,
                 tags_only: Iterable[str] = (), said_apart: Callable[[str, str], bool] = lambda _a, _b: False):
        """vocabulary: every word the cards use (these are never respelled); topics: the words of their
        titles and tags, what cards are about (a child's word may become one of these, or a question word);
        tags_only: words only tags use, mostly children's spellings kept for search ("randum", "eror"): these
        are read as they are AND as the words they sound like, so the cards spelled right are found too."""
        self.lang = lang
        self.vocabulary = dict(vocabulary)
        self.tags_only = frozenset(tags_only)
        self.said_apart = said_apart      # (word, next word) -> True when a card's tag is those two words
        self.topics = dict(topics)
        self.stops = words.stop_words(lang)
        self._keys: Optional[Dict[str, List[str]]] = None     # made on the first unknown word
        self._long_keys: List[str] = []
        self._spoken: Optional[Dict[str, str]] = None     # es: how each card word is said -> the word

    @property
    def _by_key(self) -> Dict[str, List[str]]:
        """sound key -> the topic and question words with that sound."""
        if self._keys is None:
            keys: Dict[str, List[str]] = {}
            for word in [word for word in self.topics if len(word) > 2] + sorted(self.stops):
                if word.isalpha():
                    keys.setdefault(sound_key(word, self.lang), []).append(word)
            self._long_keys = [key for key in keys if len(key) >= CLOSE_KEY_LEN]
            self._keys = keys
        return self._keys

    def said_as(self, word: str) -> Optional[str]:
        """es: the card word (any of their words, the most used first) said exactly as this one ("kaiga":
        "caiga"), or None. Spanish is written as it is said, so that is what the child meant."""
        if self.lang != "es" or not word.isalpha():
            return None
        if self._spoken is None:
            self._spoken = {}
            for other in sorted(self.vocabulary, key=lambda known: -self.vocabulary[known]):
                if other.isalpha() and len(other) > SHORT_WORD:
                    self._spoken.setdefault(spoken(other, self.lang), other)
        return word if word in self.vocabulary else self._spoken.get(spoken(word, self.lang))

    def known(self, word: str) -> bool:
        return word in self.vocabulary or word in self.stops or not word.isalpha()

    def _rank(self, word: str, candidates: Iterable[str], least: float) -> List[str]:
        scored = sorted(((likeness(word, other, self.lang), self.topics.get(other, 0), other) for other in candidates
                         if other != word), reverse=True)
        scored = [entry for entry in scored if entry[0] >= (STOP_LIKENESS if entry[2] in self.stops else least)]
        if not scored or scored[0][2] in self.stops:
            return [entry[2] for entry in scored[:1]]
        least_kept = 1.0 if scored[0][0] == 1.0 else scored[0][0] - BOTH    # said exactly as a word: that word
        kept = [entry for entry in scored[:2] if entry[0] >= least_kept and entry[2] not in self.stops]
        tagged = [entry[2] for entry in kept if entry[2] in self.tags_only]
        if len(kept) == 2 and len(tagged) == 1 and kept[0][0] == kept[1][0] == 1.0:
            return tagged       # said exactly alike ("pik": pic, pick): the form tags keep for children's spelling
        return [entry[2] for entry in kept]

    def sounds_like(self, word: str) -> List[str]:
        """The known words (one or two) a child's unknown word sounds like; none when none is close enough."""
        key = sound_key(word, self.lang)
        if not key:
            return []
        same = self._by_key.get(key, [])
        found = self._rank(word, same, SHORT_LIKENESS if len(word) <= SHORT_WORD else MIN_LIKENESS)
        if found:
            return found
        said = self.said_as(word) if len(word) > SHORT_WORD else None
        if said and said != word:
            return [said]
        if len(key) < CLOSE_KEY_LEN:
            return []
        close = [near for near in difflib.get_close_matches(key, self._long_keys, n=3, cutoff=CLOSE_KEY)
                 if near[:CLOSE_KEY_LEN - 1] == key[:CLOSE_KEY_LEN - 1]]     # the same start: another ending
        return self._rank(word, [other for near in close for other in self._by_key[near]], CLOSE_LIKENESS)

    def typed(self, question: str) -> List[str]:
        """The words of a question as readings() takes them one by one (symbols said, identifiers split)."""
        return words.words(_CAMEL.sub(" ", words.spell_symbols(question, self.lang)))   # "CollisionDetection": 2

    def said(self, question: str) -> List[Tuple[str, List[str], bool]]:
        """Each word of a question as typed, as it is read, and whether the cards talk about it: a word of theirs
        as typed, or one read as a word of their titles and tags ("perro", read as "pero", is not)."""
        return [(typed, read, typed in self.vocabulary or any(word in self.topics for word in read))
                for typed, (read, _heard) in zip(self.typed(question), self.readings(question))]

    def readings(self, question: str) -> List[Tuple[List[str], List[str]]]:
        """Each word of a question as the known words it is read as, and those of them read by its sound:
        shorthand written out, an unknown word replaced by the words it sounds like (or kept as it is)."""
        shorthand = SHORTHAND.get(self.lang, {})
        out: List[Tuple[List[str], List[str]]] = []
        for word in self.typed(question):
            if word in shorthand:
                out.append((shorthand[word].split(), []))
            elif word in self.tags_only and word.isalpha():
                alike = [other for other in self.sounds_like(word) if other not in self.stops]
                out.append(([word] + alike, alike))
            elif self.known(word):
                out.append(([word], []))
            else:
                alike = self.sounds_like(word)
                out.append((alike or [word], [other for other in alike if other not in self.stops]))
        return out

    def reading(self, question: str) -> Tuple[str, frozenset, Dict[str, float]]:
        """respell(), and what each word that is one of several forms of a child's Spanish verb weighs: the
        child typed one word, so its forms share one word's weight ("caiga" -> caiga, cae, caer: 1/3 each)."""
        out: List[str] = []
        by_sound: set = set()
        shares: Dict[str, float] = {}
        for read, heard in compounds.joined(self.readings(question), self.topics, self.stops, self.said_apart):
            by_sound.update(heard)
            if self.lang == "es":
                extra = list(dict.fromkeys(form for other in read if other not in self.stops
                                           for form in verb_forms.known_forms(other, self.said_as)
                                           if form not in read))
                if extra:
                    read = read + extra
                    shares.update((form, min(shares.get(form, 1.0), 1.0 / len(read))) for form in read)
            out.append(" ".join(read))
        return " ".join(out), frozenset(by_sound), shares

    def respell(self, question: str) -> Tuple[str, frozenset]:
        """The question with shorthand written out and each unknown word replaced by the known words it
        sounds like: "hw du i mak a lup" -> "how d i make a loop"; and the card words found by their sound."""
        respelled, by_sound, _shares = self.reading(question)
        return respelled, by_sound

    def topic(self, question: str) -> List[Tuple[str, float]]:
        """words.weighted_topic_words() of the respelled question; words read by their sound weigh less, the
        forms of one Spanish verb share one word's weight, and a two-word tag said whole is one entry
        ("barra espaciadora": compounds.phrases)."""
        respelled, by_sound, shares = self.reading(question)
        pairs = compounds.phrases(compounds.joined(self.readings(question), self.topics, self.stops, self.said_apart),
                                  self.stops, self.said_apart)
        return compounds.merged([(word, weight * (SOUND_WEIGHT if word in by_sound else 1.0) * shares.get(word, 1.0))
                                 for word, weight in words.weighted_topic_words(respelled, self.lang)], pairs)
