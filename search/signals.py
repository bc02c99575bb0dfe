"""Keep the segmenter's dictionary in step with the site's names, and search answers with
editors' promoted results.

`pre_save` runs before the search index is updated for the same object (that
happens on post_save / publish), so a new worker's name is already one word when
their own page is indexed. Pages saved earlier that mention the name keep their
old segmentation until `update_index`; queries still find them through the
"all parts" fallback in `search.segmentation` (see README, 检索).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.contrib.search_promotions.models import SearchPromotion

from search.dictionary import is_source_model, words_of
from search.segmentation import segmenter
from sitecache.cache import bump_version


def add_name_to_dictionary(sender, instance, raw=False, **kwargs):
    if raw or not is_source_model(sender):
        return
    segmenter.add_words(words_of(instance))


def promotions_changed(sender, **kwargs):
    # Search answers (and the promotions in them) are kept per site version: an editor's pick shows at once.
    bump_version()


def connect():
    pre_save.connect(add_name_to_dictionary, dispatch_uid="search.add_name_to_dictionary")
    post_save.connect(promotions_changed, sender=SearchPromotion, dispatch_uid="search.promotion_saved")
    post_delete.connect(promotions_changed, sender=SearchPromotion, dispatch_uid="search.promotion_deleted")
