"""What the SQLite and PostgreSQL flavours share: segmenting text and queries."""

from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText

from search.segmentation import query_terms, segment_for_index


class SegmentedText(PlainText):
    """A PlainText or Phrase whose words were cut by the segmenter.

    A subclass of PlainText so that upstream query normalisation passes it
    through untouched; our compilers turn `terms` into the backend's syntax.
    A quoted phrase becomes "all of these words": the index holds sub-words
    between the words, so positional phrase matching would miss real hits.
    """

    def __init__(self, terms, operator):
        super().__init__(" ".join(term.word for term in terms), operator=operator)
        self.terms = terms


def segment_query(query, prefix_last=False):
    """Rewrite a query tree with SegmentedText leaves; None if nothing searchable is left."""
    if isinstance(query, (PlainText, Phrase)):
        operator = getattr(query, "operator", "and")
        terms = query_terms(query.query_string, prefix_last=prefix_last)
        return SegmentedText(terms, operator) if terms else None
    if isinstance(query, (And, Or)):
        subqueries = [segment_query(sub, prefix_last) for sub in query.subqueries]
        subqueries = [sub for sub in subqueries if sub is not None]
        if not subqueries:
            return None
        return subqueries[0] if len(subqueries) == 1 else type(query)(subqueries)
    if isinstance(query, Not):
        inner = segment_query(query.subquery, prefix_last)
        return None if inner is None else Not(inner)
    return query


def boolean_query_text(segmented, quote, and_, or_):
    """Raw query text for a SegmentedText in a backend's syntax: each term whole, or all its parts.

    `quote(word, prefix)` renders one word; `and_`/`or_` are the backend's connectors.
    """
    clauses = []
    for term in segmented.terms:
        whole = quote(term.word, term.prefix)
        if term.parts:
            last = len(term.parts) - 1
            parts = and_.join(
                quote(part, term.prefix and index == last) for index, part in enumerate(term.parts)
            )
            clauses.append(f"({whole}{or_}({parts}))")
        else:
            clauses.append(whole)
    connector = or_ if segmented.operator.lower() == "or" else and_
    return "(" + connector.join(clauses) + ")"


class SegmentingCompilerMixin:
    """Segments the query once, when the compiler is built."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        segmented = segment_query(self.query, prefix_last=self.LAST_TERM_IS_PREFIX)
        # Nothing left (only punctuation or FTS syntax): match nothing, quietly.
        self.query = Not(MatchAll()) if segmented is None else segmented


class SegmentingIndexerMixin:
    """Segments each indexed field value (title, body, autocomplete)."""

    def prepare_field(self, obj, field):
        for item in super().prepare_field(obj, field):
            # Values of RelatedFields sub-fields were segmented by the inner call.
            if item[0] is field:
                *head, value = item
                yield (*head, segment_for_index(value))
            else:
                yield item
