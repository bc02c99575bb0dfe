"""Keep the segmenter's dictionary in step with the site's names.

`pre_save` runs before the search index is updated for the same object (that
happens on post_save / publish), so a new worker's name is already one word when
their own page is indexed. Pages saved earlier that mention the name keep their
old segmentation until `update_index`; queries still find them through the
"all parts" fallback in `search.segmentation` (see README, 检索).
"""

from django.core.cache import cache
from django.db.models.signals import pre_save
from wagtail.signals import page_published, page_unpublished

from search.dictionary import is_source_model, words_of
from search.filters import forget_section_choices
from search.segmentation import segmenter
from search.views import FUTURE_IDS_CACHE_KEY


def add_name_to_dictionary(sender, instance, raw=False, **kwargs):
    if raw or not is_source_model(sender):
        return
    segmenter.add_words(words_of(instance))


def forget_cached_listings(sender, **kwargs):
    """A publish may change the future-dated articles or the list of sections."""
    cache.delete(FUTURE_IDS_CACHE_KEY)
    forget_section_choices()


def connect():
    pre_save.connect(add_name_to_dictionary, dispatch_uid="search.add_name_to_dictionary")
    page_published.connect(forget_cached_listings, dispatch_uid="search.forget_cached_listings.published")
    page_unpublished.connect(forget_cached_listings, dispatch_uid="search.forget_cached_listings.unpublished")
