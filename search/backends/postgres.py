"""PostgreSQL flavour: segmented tsvectors, segmented raw tsqueries, 'simple' config."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as upstream
from modelsearch.utils import get_content_type_pk

from .common import (
    SegmentedPhrase,
    SegmentedText,
    SegmentingCompilerMixin,
    SegmentingIndexerMixin,
    boolean_query_text,
    phrase_query_text,
)

IndexEntry = upstream.IndexEntry


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


class SegmentingPostgresCompilerMixin(SegmentingCompilerMixin):
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


class ChinesePostgresSearchBackend(upstream.PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex

    def __init__(self, params):
        # 'simple': no English stemming or stop words; our words are already cut.
        super().__init__({"SEARCH_CONFIG": "simple", **params})


SearchBackend = ChinesePostgresSearchBackend
