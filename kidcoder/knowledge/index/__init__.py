"""The Whoosh search index over the knowledge cards (whoosh_parts.py is the one module that imports whoosh).

analysis.py: analyzers and the card schema; query.py: questions as queries; store.py: the
on-disk card index (KnowledgeIndex, shared_index, rebuild_index); templates.py: the
in-memory template index for `generate`.
"""
from kidcoder.knowledge.index.analysis import (LANGS, SCHEMA_VERSION, card_schema, code_analyzer, split_identifier,
                                               text_analyzer, weighting)
from kidcoder.knowledge.index.query import QueryBuilder, error_card_id
from kidcoder.knowledge.index.store import (MANIFEST, Hit, KnowledgeIndex, card_document, rebuild_index,
                                            shared_index, title_head)
from kidcoder.knowledge.index.templates import TemplateIndex

__all__ = ["LANGS", "SCHEMA_VERSION", "card_schema", "code_analyzer", "split_identifier", "text_analyzer",
           "weighting", "QueryBuilder", "error_card_id", "MANIFEST", "Hit", "KnowledgeIndex", "card_document",
           "rebuild_index", "shared_index", "title_head", "TemplateIndex"]
