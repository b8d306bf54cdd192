"""Questions as Whoosh queries: each topic word as exact terms, a spelling correction, or fuzzy terms.

Questions go through words.topic_words() first, and a word the index does not know
is looked up with fuzzy terms, so "jummp" still finds jumping.
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from kidcoder.knowledge.index.whoosh_parts import And, FuzzyTerm, Or, Term

from kidcoder.knowledge.index.analysis import code_analyzer, text_analyzer

FUZZY_BOOST = 0.6
CORRECTED_BOOST = 0.8
MAX_CORRECTIONS = 2
LONG_WORD = 8           # words this long may be two edits away from the right spelling


class QueryBuilder:
    """Turns topic words into one Or query over some text fields, with fuzzy terms for unknown words."""

    def __init__(self, reader, text_fields: Dict[str, Sequence[str]], code_field: Optional[str] = None):
        self.reader = reader
        self.text_fields = text_fields          # lang -> field names analysed with that lang
        self.code_field = code_field
        self._analyzers = {lang: text_analyzer(lang) for lang in text_fields}
        self._code = code_analyzer()

    def _known(self, field: str, text: str) -> bool:
        try:
            return self.reader.doc_frequency(field, text) > 0
        except (KeyError, ValueError):
            return False

    def word_clauses(self, word: str, weight: float = 1.0, correct: bool = True, named: Optional[bool] = None) -> List:
        """Every way one word can match. A word the index does not know is spelled right first
        (Whoosh's spelling fields hold the unstemmed words); failing that, fuzzy terms are used.
        Two words said as a card's two-word tag ("barra espaciadora", compounds.merged) match in what a card is
        named (title and tags) only together; in its text, each as usual. named: True for only the title and
        tags, False for only the text, None for both."""
        if " " in word.strip():
            parts = [Or(clauses) for clauses in (self.word_clauses(part, weight, correct, named=True)
                                                 for part in word.split()) if clauses]
            texts = [clause for part in word.split() for clause in self.word_clauses(part, weight, correct, False)]
            return ([And(parts)] if len(parts) > 1 else parts) + texts
        exact, candidates = [], []
        for lang, fields in self.text_fields.items():
            for stem in {token.text for token in self._analyzers[lang](word)}:
                for field in (field for field in fields if named is None or named != field.startswith("body_")):
                    candidates.append((field, stem))
                    if self._known(field, stem):
                        exact.append(Term(field, stem, boost=weight))
        if self.code_field and named is None:
            for token in {token.text for token in self._code(word)}:
                if self._known(self.code_field, token):
                    exact.append(Term(self.code_field, token, boost=weight))
        if exact or not correct:
            return exact
        for fields in self.text_fields.values():
            for corrected in self.correct(word, fields):
                exact.extend(self.word_clauses(corrected, weight * CORRECTED_BOOST, correct=False, named=named))
        if exact:
            return exact
        fuzzy = []
        for field, stem in candidates:
            if len(stem) >= 4:
                fuzzy.append(FuzzyTerm(field, stem, boost=weight * FUZZY_BOOST, prefixlength=1, constantscore=False,
                                       maxdist=1 if len(stem) < LONG_WORD else 2))
        return fuzzy

    def correct(self, word: str, fields: Sequence[str]) -> List[str]:
        """Known words nearest to a misspelled one: the fewest edits (two only for long words), the
        most used first. "collsion" -> [collision, colision]: both, as tags hold kid spellings too."""
        if len(word) < 4:
            return []
        for distance in ((1,) if len(word) < LONG_WORD else (1, 2)):
            uses: Dict[str, int] = {}
            for field in fields:
                if not self.reader.schema[field].separate_spelling():
                    continue
                spelling = self.reader.schema[field].spelling_fieldname(field)
                try:
                    for suggestion in self.reader.terms_within(spelling, word, distance, prefix=1):
                        uses[suggestion] = uses.get(suggestion, 0) + int(self.reader.frequency(spelling, suggestion))
                except (KeyError, ValueError):
                    continue
            uses.pop(word, None)
            if uses:
                return sorted(uses, key=lambda w: (-uses[w], w))[:MAX_CORRECTIONS]
        return []

    def query(self, topic: Iterable[Tuple[str, float]], weight: float = 1.0):
        """One Or over every word's clauses; topic is (word, weight) pairs from words.weighted_topic_words()."""
        clauses = []
        for word, word_weight in topic:
            clauses.extend(self.word_clauses(word, weight * word_weight))
        return Or(clauses) if clauses else None


def vocabulary(reader, fields: Sequence[str]) -> Dict[str, int]:
    """The words the cards use in these fields, unstemmed (Whoosh's spelling fields), with how often."""
    uses: Dict[str, int] = {}
    for field in fields:
        if not reader.schema[field].separate_spelling():
            continue
        spelling = reader.schema[field].spelling_fieldname(field)
        try:
            for term in reader.lexicon(spelling):
                word = term.decode("utf-8") if isinstance(term, bytes) else term
                uses[word] = uses.get(word, 0) + int(reader.frequency(spelling, word))
        except (KeyError, ValueError):
            continue
    return uses


def error_card_id(error_type: str) -> str:
    """NameError -> name-error, ZeroDivisionError -> zero-division-error (the cards' id style)."""
    name = (error_type or "").rsplit(".", 1)[-1]
    return "-".join(part.lower() for part in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", name))
