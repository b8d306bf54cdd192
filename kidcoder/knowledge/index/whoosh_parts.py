"""The one module that imports whoosh: the rest of the index package takes the pieces it uses from here,
so a change of search library (or of whoosh's own layout) touches one file."""
from __future__ import annotations

from whoosh import index as whoosh_index
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.filters import STOP_WORDS
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.lang import stopwords_for_language
from whoosh.query import And, FuzzyTerm, Or, Term
from whoosh.scoring import BM25F
from whoosh.support.charset import accent_map

__all__ = ["whoosh_index", "CharsetFilter", "Filter", "LowercaseFilter", "RegexTokenizer", "StemFilter", "StopFilter",
           "STOP_WORDS", "ID", "STORED", "TEXT", "Schema", "RamStorage", "stopwords_for_language", "And", "FuzzyTerm", "Or",
           "Term", "BM25F", "accent_map"]
