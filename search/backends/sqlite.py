"""SQLite FTS5 flavour: segmented index entries, segmented MATCH expressions."""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField
from django.db.models.expressions import RawSQL, Value
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as upstream
from modelsearch.backends.database.sqlite.query import (
    BM25,
    LexemeCombinable,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .common import (
    NewestMatchesCompilerMixin,
    RankedWindowResultsMixin,
    SegmentedPhrase,
    SegmentedText,
    SegmentingCompilerMixin,
    SegmentingIndexerMixin,
    boolean_query_text,
    integer_pk,
    max_ranked_candidates,
    phrase_query_text,
)


def fts_term(word, prefix=False):
    # Words hold only [0-9a-z] and Han characters (see search.segmentation), so
    # double quotes are all the quoting FTS5 needs.
    return f'"{word}"*' if prefix else f'"{word}"'


def fts_phrase(tokens):
    # FTS5's phrase: strings joined by "+" must stand in consecutive positions.
    return " + ".join(fts_term(token) for token in tokens)


def fts_expression(segmented):
    """FTS5 query text for a SegmentedText or SegmentedPhrase."""
    if isinstance(segmented, SegmentedPhrase):
        return phrase_query_text(segmented, fts_phrase, " OR ")
    return boolean_query_text(segmented, fts_term, " AND ", " OR ")


class RawFtsQuery(LexemeCombinable, Value):
    """An FTS5 query string we built ourselves (combinable like upstream's Lexeme)."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class WeightedBM25(Func):
    """bm25() over the FTS table with per-column weights (autocomplete, body, title)."""

    output_field = FloatField()

    def __init__(self, weights):
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        table = upstream.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, {', '.join(str(float(w)) for w in self.weights)})", []


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


class SegmentingSQLiteCompilerMixin(NewestMatchesCompilerMixin, SegmentingCompilerMixin):
    # FTS columns are (autocomplete, body, title): a word in the title counts most.
    BM25_WEIGHTS = (0.0, 1.0, 4.0)
    HIGHER_SCORE_IS_BETTER = False  # bm25() is lower for better matches

    def candidate_matches(self, backend, count, object_ids=None):
        """FTS rows matching the query, newest first, with bm25 (see NewestMatchesCompilerMixin).

        Upstream orders by a correlated subquery that re-runs the FTS query for
        every candidate row (seconds for a common word on 10,000 articles).
        """
        rows = self.matching_rows()
        if rows is None:
            return None
        if object_ids is not None:
            rows = rows.filter(index_entry__object_id__in=object_ids)
        return self.newest_with_scores(rows)[:count]

    def allowed_candidate_rows(self, backend, count):
        """The newest `count` matches that the queryset allows, [(pk, bm25)], in one query.

        Each FTS row, newest first, is checked against the queryset's own filters (live, public,
        site, type, section, dates) by primary key before it counts towards the window, so
        neither a second query over up to 1,000 ids nor, when the filters drop part of the window,
        a third one is needed; bm25() runs only on the rows returned. The statement is
        `candidate_matches`' with that condition, written out: only the queryset's own filters
        and the MATCH text go through the ORM (building the whole query there cost ~1 ms)."""
        model = self.queryset.model
        query = normalize(self.query)
        if query is None or isinstance(query, (MatchAll, Not)) or not integer_pk(model):
            return None
        connection = connections[self.queryset.db]
        quote = connection.ops.quote_name
        fts = quote(upstream.SQLiteFTSIndexEntry._meta.db_table)
        entry = quote(upstream.IndexEntry._meta.db_table)
        allowed = (
            self.queryset.order_by()
            .filter(pk=Cast(RawSQL(f"{entry}.{quote('object_id')}", ()), output_field=IntegerField()))
            .values("pk")
        )
        try:
            allowed_sql, allowed_params = allowed.query.sql_with_params()
        except EmptyResultSet:  # filters nothing can pass (`.none()`, `pk__in=[]`)
            return []
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query))
        match_sql, match_params = match.as_sql(allowed.query.get_compiler(connection=connection), connection)
        content_types = list(get_descendants_content_types_pks(model))
        if not content_types:
            return []
        weights = ", ".join(str(float(weight)) for weight in self.BM25_WEIGHTS)
        sql = (
            f"SELECT CAST({entry}.{quote('object_id')} AS integer), bm25({fts}, {weights}) FROM {fts} "
            f"INNER JOIN {entry} ON ({fts}.rowid = {entry}.{quote('id')}) "
            f"WHERE {match_sql} AND {entry}.{quote('content_type_id')} IN ({', '.join(['%s'] * len(content_types))}) "
            f"AND EXISTS({allowed_sql}) ORDER BY {fts}.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*match_params, *content_types, *allowed_params, count])
            return cursor.fetchall()

    def matching_rows(self):
        """FTS rows matching the query among the queryset model's content types; None if not applicable."""
        query = normalize(self.query)
        if query is None or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query))
        return upstream.SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )

    def newest_with_scores(self, rows):
        # FTS5 walks rowids backwards and scores only the rows it returns.
        return rows.annotate(
            _object_id=F("index_entry__object_id"), _score=WeightedBM25(self.BM25_WEIGHTS)
        ).order_by("-index_entry_id")

    def build_search_query_content(self, query, config=None):
        if isinstance(query, (SegmentedText, SegmentedPhrase)):
            return SearchQueryExpression(RawFtsQuery(fts_expression(query)))
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (SegmentedText, SegmentedPhrase)):
            return BM25() * boost if boost != 1.0 else BM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)


class ChineseSQLiteSearchQueryCompiler(SegmentingSQLiteCompilerMixin, upstream.SQLiteSearchQueryCompiler):
    pass


class ChineseSQLiteAutocompleteQueryCompiler(
    SegmentingSQLiteCompilerMixin, upstream.SQLiteAutocompleteQueryCompiler
):
    BM25_WEIGHTS = (1.0, 0.0, 0.0)


class ChineseSQLiteSearchResults(RankedWindowResultsMixin, upstream.SQLiteSearchResults):
    pass


class ChineseSQLiteSearchBackend(upstream.SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.max_ranked_candidates = max_ranked_candidates(params)


SearchBackend = ChineseSQLiteSearchBackend
