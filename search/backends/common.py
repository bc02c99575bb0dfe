"""What the SQLite and PostgreSQL flavours share: segmenting text and queries."""

import re

from django.db.models import TextField
from django.db.models.functions import Cast
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText

from search.segmentation import clip_query, query_terms, segment_for_index, segmenter

# Index tokens per phrase alternative: a 100-character phrase is ~60 tokens; a
# prefix of the sequence is still a faithful (if looser) condition.
MAX_PHRASE_TOKENS = 48
_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


class SegmentedText(PlainText):
    """A PlainText whose words were cut by the segmenter.

    A subclass of PlainText so that upstream query normalisation passes it
    through untouched; our compilers turn `terms` into the backend's syntax.
    """

    def __init__(self, terms, operator):
        super().__init__(" ".join(term.word for term in terms), operator=operator)
        self.terms = terms


class SegmentedPhrase(PlainText):
    """A quoted phrase: its words next to each other and in order, as the index holds them.

    The index is not a plain word sequence: after each long word come its
    sub-words (五一劳动奖章 五一 劳动 奖章). So the phrase is searched as the
    token sequence `segment_for_index` makes of the phrase itself, which is
    exactly what a text containing the phrase holds wherever the phrase's words
    are cut the same way in context. A one-word phrase may also sit inside a
    longer word (五一劳动奖章 in 全国五一劳动奖章), where the index has it as a
    sub-word: then the word itself is the phrase, or its parts in a row (a
    text indexed before the word was in the dictionary). Each item of
    `alternatives` is one token sequence; any of them matches.
    """

    def __init__(self, text, alternatives):
        super().__init__(text, operator="and")
        self.alternatives = alternatives


def phrase_text(text):
    """A phrase as it is matched and highlighted: normalised, no spaces between Chinese characters."""
    return " ".join(_SPACE_BETWEEN_HAN.sub("", clip_query(text)).split())


def phrase_alternatives(text):
    """Token sequences for a quoted phrase (see SegmentedPhrase); [] if nothing searchable."""
    text = phrase_text(text)
    words = segmenter.words(text)
    if not words:
        return []
    alternatives = [tuple(segment_for_index(text).split()[:MAX_PHRASE_TOKENS])]
    if len(words) == 1:
        alternatives.append((words[0],))
        for term in query_terms(words[0]):
            if term.parts:
                alternatives.append(
                    tuple(token for part in term.parts for token in segment_for_index(part).split())
                )
    return list(dict.fromkeys(alternative for alternative in alternatives if alternative))


def segment_query(query, prefix_last=False):
    """Rewrite a query tree with segmented leaves; None if nothing searchable is left."""
    if isinstance(query, Phrase):
        alternatives = phrase_alternatives(query.query_string)
        return SegmentedPhrase(phrase_text(query.query_string), alternatives) if alternatives else None
    if isinstance(query, PlainText):
        terms = query_terms(query.query_string, prefix_last=prefix_last)
        return SegmentedText(terms, query.operator) if terms else None
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


def phrase_query_text(segmented, phrase, or_):
    """Raw query text for a SegmentedPhrase: `phrase(tokens)` renders one sequence in the backend's syntax."""
    return "(" + or_.join(phrase(alternative) for alternative in segmented.alternatives) + ")"


def integer_pk(model):
    """True if the model's primary key is an integer (a page type's too, through its page_ptr)."""
    pk = model._meta.pk
    while pk.remote_field is not None:
        pk = pk.target_field
    return pk.get_internal_type() in {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
    }


class NewestMatchesCompilerMixin:
    """Ranks only the newest matches, in Python: one cheap query instead of scoring every match.

    A common word matches most of the site, and scoring a match (bm25() on
    SQLite, ts_rank() on PostgreSQL) costs tens of µs. So one query over the
    index returns the newest `MAX_RANKED_CANDIDATES` matches with their scores
    (SQLite walks FTS rowids backwards; PostgreSQL walks the entry table's
    primary key backwards for a common word, or takes the matches from the GIN
    index for a rarer one, and scores only the rows it returns), the
    queryset's own filters (live, public, type, section, dates) are applied to
    those ids, and the two meet in Python. A backend that can check the filters
    row by row inside that query (`allowed_candidate_rows`: SQLite) returns the
    newest allowed matches at once, in one query. Cached on the compiler: count()
    and the page slice share it. README, 检索; bench/search.md.

    A backend provides `candidate_matches(backend, count, object_ids=None)`:
    a queryset of the newest `count` matching index rows, newest first, with
    `_object_id` and `_score`, only for `object_ids` (a subquery of text ids)
    if given; or None where this does not apply (match-all, a field list).
    """

    HIGHER_SCORE_IS_BETTER = True

    def ranked_matches(self, backend):
        """[(pk, score)] of the queryset's objects matching the query, best first; None if not applicable."""
        if hasattr(self, "_ranked"):
            return self._ranked
        self._ranked = None
        self.truncated = False
        limit = backend.max_ranked_candidates
        if not self.order_by_relevance:
            return None
        # One more than the window: the extra row only tells that there are more.
        allowed_rows = self.allowed_candidate_rows(backend, limit + 1)
        if allowed_rows is not None:
            # The backend applied the queryset's filters in the same query: the newest `limit`
            # allowed matches, which is what the two queries below end with too.
            scores = self.newest_scores_from_rows(allowed_rows, limit, pks=True)
            allowed = list(scores)
        else:
            candidates = self.candidate_matches(backend, limit + 1)
            if candidates is None:
                return None
            scores = self.newest_scores(candidates, limit)
            allowed = list(self.queryset.filter(pk__in=list(scores)).order_by().values_list("pk", flat=True))
        if self.truncated and len(allowed) < len(scores):
            # The filters dropped some of the newest matches (another content
            # type, section or date; drafts): look again among the objects they
            # allow, or a 劳模 filter on a common word could find nothing at all.
            allowed_ids = self.queryset.order_by().values(_pk_text=Cast("pk", output_field=TextField()))
            scores = self.newest_scores(self.candidate_matches(backend, limit + 1, allowed_ids), limit)
            allowed = list(scores)
        # Best score first; ties go to the newer object: newest first, then a stable sort by score
        # (`reverse` keeps equal scores in their order too).
        order = sorted(allowed, reverse=True)
        order.sort(key=scores.__getitem__, reverse=self.HIGHER_SCORE_IS_BETTER)
        self._ranked = [(pk, scores[pk]) for pk in order]
        return self._ranked

    def allowed_candidate_rows(self, backend, count):
        """[(pk, score)] of the newest `count` matches the queryset allows, newest first, in one
        query; None where the backend does not do that (then `candidate_matches` + a filter query)."""
        return None

    def newest_scores(self, candidates, limit):
        """{pk: best score} of the newest `limit` objects among `candidates`; sets `truncated`."""
        return self.newest_scores_from_rows(candidates.values_list("_object_id", "_score"), limit)

    def newest_scores_from_rows(self, rows, limit, pks=False):
        """As `newest_scores`, from (object_id, score) rows, newest first (`pks`: ids already primary keys)."""
        if not pks:
            to_pk = int if integer_pk(self.queryset.model) else self.queryset.model._meta.pk.to_python
            rows = [(to_pk(object_id), score) for object_id, score in rows]
        scores = dict(rows)
        if len(scores) < len(rows):  # an object with more than one index entry: its best score
            best = max if self.HIGHER_SCORE_IS_BETTER else min
            scores = {}
            for pk, score in rows:
                scores[pk] = best(score, scores.get(pk, score))
        self.truncated = len(scores) > limit
        while len(scores) > limit:
            del scores[next(reversed(scores))]
        return scores


class RankedWindowResultsMixin:
    """Search results served from the compiler's `ranked_matches` (see NewestMatchesCompilerMixin)."""

    def ranked_pks(self):
        """The primary keys of this slice of the results, best first, without loading the objects;
        None where the ranked window does not apply."""
        ranked = self.query_compiler.ranked_matches(self.backend)
        if ranked is None:
            return None
        return [pk for pk, _score in ranked[self.start : self.stop]]

    def _do_search(self):
        ranked = self.query_compiler.ranked_matches(self.backend)
        if ranked is None:
            return super()._do_search()
        page = ranked[self.start : self.stop]
        # Unordered: the objects are put in ranked order below.
        objects = self.query_compiler.queryset.filter(pk__in=[pk for pk, _score in page]).order_by().in_bulk()
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
        ranked = self.query_compiler.ranked_matches(self.backend)
        if ranked is None:
            return super()._do_count()
        return max(len(ranked) - self.start, 0) if self.stop is None else len(ranked[self.start : self.stop])


def max_ranked_candidates(params):
    # A common word matches most of the site: only this many newest matches are
    # ranked (NewestMatchesCompilerMixin), and the page says so.
    return int(params.get("MAX_RANKED_CANDIDATES", 1000))


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
