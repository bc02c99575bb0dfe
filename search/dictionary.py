"""The site's own names as dictionary words for the segmenter.

A model worker's name, a campaign title such as 百万职工高原建功立业工程, a glossary
entry or a section title must be one searchable unit (and still findable by its
parts, which `search.segmentation` takes care of). `gather_site_words()` reads
them from the database; `search.signals` adds a name the moment its page or
snippet is saved, before the search index is updated for that object.

Sources are listed here by model label so other apps need not know about
search; a source whose model does not exist (yet) is skipped.
"""

import logging
from functools import cache

from django.apps import apps
from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

# (model label, field holding the name, filter for the rows that count)
SITE_WORD_SOURCES = [
    ("workers.WorkerPage", "title", {"live": True}),
    ("workers.HonourTitle", "name", {}),
    ("campaigns.CampaignPage", "title", {"live": True}),
    ("editorial.GlossaryEntry", "term", {"active": True}),
    ("news.NewsSectionPage", "title", {"live": True}),
]

# Upper bound per source: the dictionary is for names, not for every title.
MAX_WORDS_PER_SOURCE = 20_000


def source_models():
    """(model, field, filters) for the sources that exist in this project."""
    return _source_models() if apps.ready else ()


@cache
def _source_models():
    found = []
    for label, field_name, filters in SITE_WORD_SOURCES:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        field_names = {field.name for field in model._meta.get_fields()}
        if field_name not in field_names or not set(filters) <= field_names:
            continue
        found.append((model, field_name, filters))
    return tuple(found)


def is_source_model(model):
    return any(issubclass(model, source) for source, _field, _filters in source_models())


def words_of(instance):
    """The dictionary words an instance of a source model contributes."""
    for model, field_name, _filters in source_models():
        if isinstance(instance, model):
            value = getattr(instance, field_name, "")
            return [value] if value else []
    return []


def gather_site_words():
    """All names from the database; empty if the tables do not exist yet."""
    words = set()
    for model, field_name, filters in source_models():
        queryset = model._default_manager.filter(**filters)
        try:
            # A savepoint, so a missing table (before migrate) does not poison
            # an outer PostgreSQL transaction.
            with transaction.atomic():
                values = list(queryset.values_list(field_name, flat=True)[:MAX_WORDS_PER_SOURCE])
        except DatabaseError:
            logger.info("search dictionary: %s not readable yet", model._meta.label)
            continue
        words.update(value for value in values if value)
    return words
