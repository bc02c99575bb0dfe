"""When each feed item last changed for readers: the `updated` time of its entry.

On every publication of an item (an article, a worker profile: a page listed by a feed
page or declared a site item), the entry's reader-visible text is digested
(`feeds.items.reader_fingerprint`). The time is kept while the digest stays the same
and becomes the publication's time when it changes; the first publication records
the time of that publication. Items published before this was recorded are dated by
their publication.
"""

from django.utils import timezone
from wagtail.models import Page

from .items import reader_fingerprint
from .models import FeedItemChange


def record_publication(page):
    """Keep the item's change time, or move it to this publication's if its entry's text
    changed. For feed items (`feeds.registry.is_feed_item`)."""
    page = page.specific_deferred if type(page) is Page else page
    fingerprint = reader_fingerprint(page)
    row = FeedItemChange.objects.filter(page_id=page.pk).first()
    if row is None:
        FeedItemChange.objects.create(
            page_id=page.pk, fingerprint=fingerprint, changed_at=page.last_published_at or timezone.now()
        )
    elif row.fingerprint != fingerprint:
        FeedItemChange.objects.filter(page_id=page.pk).update(
            fingerprint=fingerprint, changed_at=page.last_published_at or timezone.now()
        )


def changed_at_for(page_ids):
    """{page id: when its entry last changed} for those of `page_ids` that have a record (one query)."""
    return dict(
        FeedItemChange.objects.filter(page_id__in=list(page_ids)).values_list("page_id", "changed_at")
    )
