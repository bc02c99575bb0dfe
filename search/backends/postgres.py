"""PostgreSQL flavour: segmented tsvectors, segmented raw tsqueries, 'simple' config."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as upstream
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .common import (
    NewestMatchesCompilerMixin,
    RankedWindowResultsMixin,
    SegmentedPhrase,
    SegmentedText,
    SegmentingCompilerMixin,
    SegmentingIndexerMixin,
    boolean_query_text,
    max_ranked_candidates,
    phrase_query_text,
)

IndexEntry = upstream.IndexEntry


def entry_field(value):
    """F("index_entries__title") as seen from the index entry: F("title"); other values unchanged."""
    if isinstance(value, F):
        return F(value.name.removeprefix("index_entries__"))
    return value


def ts_term(word, prefix=False):
    # Words hold only [0-9a-z] and Han characters (see search.segmentation).
    return f"'{word}':*" if prefix else f"'{word}'"


def ts_phrase(tokens):
    # <-> : the next lexeme at the next position. The index holds the same
    # segmented text through the same parser (to_tsvector 'simple').
    return "(" + " <-> ".join(ts_term(token) for token in tokens) + ")"


def tsquery_expression(segmented):
    """Raw to_tsquery text for a SegmentedText or SegmentedPhrase."""
    if isinstance(segmented, SegmentedPhrase):
        return phrase_query_text(segmented, ts_phrase, " | ")
    return boolean_query_text(segmented, ts_term, " & ", " | ")


class SegmentingObjectIndexer(SegmentingIndexerMixin, upstream.ObjectIndexer):
    pass


class ChinesePostgresIndex(upstream.PostgresIndex):
    indexer_class = SegmentingObjectIndexer

    def add_items(self, model, objs):
        # Upstream's add_items, with our indexer class instead of the module's.
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql, data_params = [], []
        for indexer in indexers:
            data_params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for field_name, vector in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                value = compiler.prepare_value(IndexEntry._meta.get_field(field_name), vector)
                sql, params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                data_params.extend(params)
            data_params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {vectors_sql[0]}, {vectors_sql[1]}, {vectors_sql[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                data_params,
            )
        self._refresh_title_norms()


class SegmentingPostgresCompilerMixin(NewestMatchesCompilerMixin, SegmentingCompilerMixin):
    def candidate_matches(self, backend, count, object_ids=None):
        """Index rows matching the query, newest first, with upstream's rank (see NewestMatchesCompilerMixin).

        Upstream filters pages joined to their entries on `object_id =
        page.id::varchar` and ranks every match: PostgreSQL reads every page
        and every entry, and without statistics for `title || body` it guesses
        one match and plans nested loops (seconds on 10,000 articles). One table
        here, with the GIN index on `title || body` (search/migrations/0001) for
        rarer words and its statistics to choose the primary-key walk for common
        ones; ts_rank() runs only on the rows returned.
        """
        query = self.query
        if (
            self.fields is not None
            or isinstance(query, (MatchAll, Fuzzy))
            or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
        ):
            return None
        config = self.get_config(backend)
        search_query = self.build_tsquery(query, config=config)
        # Upstream's vectors are seen from the model (index_entries__title); here from the entry.
        vectors = [
            (entry_field(vector), entry_field(boost))
            for vector, boost in self.get_index_vectors(search_query)
        ]
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        score = sum(
            (self.build_tsrank(vector, query, config=config) * boost for vector, boost in vectors[1:]),
            self.build_tsrank(vectors[0][0], query, config=config) * vectors[0][1],
        )
        matching = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(_vector_=combined)
            .filter(_vector_=search_query)
        )
        if object_ids is not None:
            matching = matching.filter(object_id__in=object_ids)
        # Ranked in an outer query: in one query PostgreSQL would compute
        # ts_rank() for every match before keeping the newest.
        newest = matching.order_by("-pk").values("pk")[:count]
        return (
            IndexEntry.objects.filter(pk__in=newest)
            .annotate(_object_id=F("object_id"), _score=score)
            .order_by("-pk")
        )

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, (SegmentedText, SegmentedPhrase)):
            expression = tsquery_expression(query)
            if invert:
                expression = f"!{expression}"
            return SearchQuery(expression, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (SegmentedText, SegmentedPhrase)):
            rank = SearchRank(vector, self.build_tsquery(query, config=config), weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class ChinesePostgresSearchQueryCompiler(
    SegmentingPostgresCompilerMixin, upstream.PostgresSearchQueryCompiler
):
    pass


class ChinesePostgresAutocompleteQueryCompiler(
    SegmentingPostgresCompilerMixin, upstream.PostgresAutocompleteQueryCompiler
):
    pass


class ChinesePostgresSearchResults(RankedWindowResultsMixin, upstream.PostgresSearchResults):
    pass


class ChinesePostgresSearchBackend(upstream.PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex
    results_class = ChinesePostgresSearchResults

    def __init__(self, params):
        # 'simple': no English stemming or stop words; our words are already cut.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
        self.max_ranked_candidates = max_ranked_candidates(params)


SearchBackend = ChinesePostgresSearchBackend
