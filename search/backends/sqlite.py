"""SQLite FTS5 flavour: segmented index entries, segmented MATCH expressions."""

from django.db.models import FloatField, Func
from django.db.models.expressions import Value
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
    SegmentedPhrase,
    SegmentedText,
    SegmentingCompilerMixin,
    SegmentingIndexerMixin,
    boolean_query_text,
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


class SegmentingSQLiteCompilerMixin(SegmentingCompilerMixin):
    # FTS columns are (autocomplete, body, title): a word in the title counts most.
    BM25_WEIGHTS = (0.0, 1.0, 4.0)

    def ranked_matches(self, max_candidates):
        """[(pk, score)] of the queryset's objects matching the query, best first; None if not applicable.

        Upstream orders by a correlated subquery that re-runs the FTS query for
        every candidate row (seconds for a common word on 10,000 articles).
        Here one FTS query returns the newest `max_candidates` matches with
        their bm25 scores (FTS5 walks rowids backwards, scoring only what it
        returns), the queryset's own filters (live, public, type, section,
        dates) are applied to those ids, and the two meet in Python. Cached on
        the compiler: count() and the page slice share it.
        """
        if hasattr(self, "_ranked"):
            return self._ranked
        self._ranked = None
        self.truncated = False
        query = normalize(self.query)
        if not self.order_by_relevance or query is None or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query))
        candidates = (
            upstream.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=WeightedBM25(self.BM25_WEIGHTS))
            .order_by("-index_entry_id")
            .values_list("index_entry__object_id", "score")[: max_candidates + 1]
        )
        to_pk = self.queryset.model._meta.pk.to_python
        scores = {}
        for object_id, score in candidates:
            pk = to_pk(object_id)
            scores[pk] = min(score, scores.get(pk, score))
        if len(scores) > max_candidates:
            self.truncated = True
            del scores[next(reversed(scores))]  # the extra row only told us there are more
        allowed = self.queryset.filter(pk__in=list(scores)).order_by().values_list("pk", flat=True)
        # bm25() is lower for better matches; ties go to the newer object.
        self._ranked = sorted(((pk, scores[pk]) for pk in allowed), key=lambda item: (item[1], -item[0]))
        return self._ranked

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


class ChineseSQLiteSearchResults(upstream.SQLiteSearchResults):
    def _do_search(self):
        ranked = self.query_compiler.ranked_matches(self.backend.max_ranked_candidates)
        if ranked is None:
            return super()._do_search()
        page = ranked[self.start : self.stop]
        objects = self.query_compiler.queryset.filter(pk__in=[pk for pk, _score in page]).in_bulk()
        results = []
        for pk, score in page:
            obj = objects.get(pk)
            if obj is None:  # deleted between the two queries
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _do_count(self):
        ranked = self.query_compiler.ranked_matches(self.backend.max_ranked_candidates)
        if ranked is None:
            return super()._do_count()
        return max(len(ranked) - self.start, 0) if self.stop is None else len(ranked[self.start : self.stop])


class ChineseSQLiteSearchBackend(upstream.SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults

    def __init__(self, params):
        super().__init__(params)
        # A common word matches most of the site and bm25() costs tens of µs a
        # row, so only the newest matches are ranked (README, 检索; bench/search.md).
        self.max_ranked_candidates = int(params.get("MAX_RANKED_CANDIDATES", 1000))


SearchBackend = ChineseSQLiteSearchBackend
