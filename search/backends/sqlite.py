"""SQLite FTS5 flavour: segmented index entries, segmented MATCH expressions."""

from django.db.models.expressions import Value
from modelsearch.backends.database.sqlite import sqlite as upstream
from modelsearch.backends.database.sqlite.query import BM25, LexemeCombinable, SearchQueryExpression
from modelsearch.utils import get_content_type_pk

from .common import SegmentedText, SegmentingCompilerMixin, SegmentingIndexerMixin


def fts_term(word, prefix=False):
    # Words hold only [0-9a-z] and Han characters (see search.segmentation), so
    # double quotes are all the quoting FTS5 needs.
    return f'"{word}"*' if prefix else f'"{word}"'


def fts_expression(segmented):
    """FTS5 query text for a SegmentedText: each term whole, or all its parts."""
    clauses = []
    for term in segmented.terms:
        whole = fts_term(term.word, term.prefix)
        if term.parts:
            parts = " AND ".join(
                fts_term(part, term.prefix and index == len(term.parts) - 1)
                for index, part in enumerate(term.parts)
            )
            clauses.append(f"({whole} OR ({parts}))")
        else:
            clauses.append(whole)
    connector = " OR " if segmented.operator.lower() == "or" else " AND "
    return "(" + connector.join(clauses) + ")"


class RawFtsQuery(LexemeCombinable, Value):
    """An FTS5 query string we built ourselves (combinable like upstream's Lexeme)."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class SegmentingObjectIndexer(SegmentingIndexerMixin, upstream.ObjectIndexer):
    pass


class ChineseSQLiteIndex(upstream.SQLiteIndex):
    indexer_class = SegmentingObjectIndexer

    def add_items(self, model, objs):
        # Upstream's add_items, with our indexer class instead of the module's.
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        ids_and_data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries_for_ct = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries_for_ct.filter(object_id__in=ids_and_data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed_ids:
            title, autocomplete, body = ids_and_data[object_id]
            entries_for_ct.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                upstream.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in ids_and_data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class SegmentingSQLiteCompilerMixin(SegmentingCompilerMixin):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, SegmentedText):
            return SearchQueryExpression(RawFtsQuery(fts_expression(query)))
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, SegmentedText):
            return BM25() * boost if boost != 1.0 else BM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)


class ChineseSQLiteSearchQueryCompiler(SegmentingSQLiteCompilerMixin, upstream.SQLiteSearchQueryCompiler):
    pass


class ChineseSQLiteAutocompleteQueryCompiler(
    SegmentingSQLiteCompilerMixin, upstream.SQLiteAutocompleteQueryCompiler
):
    pass


class ChineseSQLiteSearchBackend(upstream.SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex


SearchBackend = ChineseSQLiteSearchBackend
