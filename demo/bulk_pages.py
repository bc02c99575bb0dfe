"""Append many pages under one parent at once, for synthetic benchmark content.

Adding pages one by one through treebeard (`parent.add_child`) costs several
queries each (find the last child, insert, bump the parent's numchild) and
Wagtail's save adds a revision and a search-index update: far too slow for
the 100,000 articles the benchmarks want. New pages that all go after the
parent's last child need no tree reshuffling, so their paths can be computed
in Python and the rows inserted with multi-row INSERTs.

Django refuses `bulk_create` for multi-table inheritance, so the
`wagtailcore_page` rows go in through `Page.objects.bulk_create` and the
specific model's own rows through a raw insert.

What this skips, on purpose: revisions, search indexing, signals
(page_published and the like) and slug validation. Meant for
`generate_bulk_content`, not for content an editor will touch. Without the
signals, the site cache's version is replaced here directly, so that
routes and menus cached before the append are not served afterwards.
"""

from django.db.models import F
from treebeard.exceptions import PathOverflow
from wagtail.models import Locale, Page

from sitecache.cache import bump_version

# Rows per INSERT; for the page table bulk_create sends fewer where the database caps parameters.
INSERT_CHUNK = 500


def append_child_pages(parent, pages):
    """Save `pages` as the last children of `parent`, in order, and return them with their pks.

    `pages` are unsaved instances of one specific page model (e.g.
    `ArticlePage(title=..., slug=..., first_published_at=..., summary=...)`):
    the caller gives the content, this fills in what the tree decides: path,
    depth, numchild, url_path, locale (the parent's) and draft_title (the
    title, as Wagtail's save would). The parent's numchild goes up in the
    database and on `parent`. Slugs must be unique among the parent's
    children; nothing checks them here.

    Call it inside a transaction: a failure halfway would leave page rows
    without their specific rows.
    """
    pages = list(pages)
    if not pages:
        return pages
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise TypeError("append_child_pages takes pages of one model at a time")
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from Page (one specific table)")

    # A fresh row: the caller's instance may be stale after earlier appends.
    parent_row = Page.objects.values("path", "depth", "numchild", "url_path", "locale_id").get(pk=parent.pk)
    depth = parent_row["depth"] + 1
    last_path = (
        Page.objects.filter(path__startswith=parent_row["path"], depth=depth)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    first_step = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
    if len(Page._int2str(first_step + len(pages) - 1)) > Page.steplen:
        raise PathOverflow(f"page {parent.pk} cannot take {len(pages)} more children")
    locale_id = parent_row["locale_id"] or Locale.get_default().pk

    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent_row["path"], depth, step)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent_row['url_path']}{page.slug}/"
        page.locale_id = locale_id
        page.draft_title = page.draft_title or page.title

    # The specific instances carry every Page field, so they serve as the page-table rows too.
    Page.objects.bulk_create(pages, batch_size=INSERT_CHUNK)
    if pages[0].id is None:  # databases that do not return ids from bulk inserts
        new_rows = Page.objects.filter(depth=depth, path__range=(pages[0].path, pages[-1].path))
        pks = dict(new_rows.values_list("path", "pk"))
        for page in pages:
            page.id = pks[page.path]
    for page in pages:
        page.pk = page.id  # sets the parent link (page_ptr_id) as well

    fields = model._meta.local_concrete_fields
    for offset in range(0, len(pages), INSERT_CHUNK):
        model._base_manager._insert(pages[offset : offset + INSERT_CHUNK], fields=fields, raw=True)

    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild = parent_row["numchild"] + len(pages)
    bump_version()
    return pages
