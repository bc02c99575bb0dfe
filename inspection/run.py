"""One inspection run: every published page rendered (`inspection.render`, in several processes),
every published page's links and wording, the snippets, the link targets (internal without HTTP,
external over HTTP), then the indicators and their alerts.

Resumable: the run row keeps its stage and the last page done; a run interrupted part-way is
picked up where it stopped by the next `inspect_site`, and the scorecard keeps showing the last
complete run until then. Idempotent: each page's links and hits are replaced, not added.
"""

import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from editorial.models.glossary import active_glossary, forget_compiled_glossary

from . import indicators, lock, wording
from . import links as linkmod
from . import render as rendering
from .models import InspectionRun, LinkOccurrence, LinkResult

log = logging.getLogger(__name__)
BATCH = 200


def _store_links(items, now=None):
    """items: [(source_key, source, page_id, editor_id, [Link])]: replace those sources' occurrences."""
    targets = {link.target for *_, found in items for link in found}
    by_hash = {linkmod.target_hash(t): t for t in targets}
    existing = dict(LinkResult.objects.filter(target_hash__in=by_hash).values_list("target_hash", "pk"))
    missing = [
        LinkResult(target=target[:2000], target_hash=h, state=LinkResult.OK)
        for h, target in by_hash.items()
        if h not in existing
    ]
    if missing:
        LinkResult.objects.bulk_create(missing, ignore_conflicts=True)
        existing = dict(LinkResult.objects.filter(target_hash__in=by_hash).values_list("target_hash", "pk"))
    occurrences = []
    for source_key, source, page_id, editor_id, found in items:
        seen = set()
        for link in found:
            key = (link.target, link.field)
            if key in seen:
                continue
            seen.add(key)
            occurrences.append(
                LinkOccurrence(
                    link_id=existing[linkmod.target_hash(link.target)],
                    page_id=page_id,
                    source=source[:200],
                    source_key=source_key,
                    field=link.field[:100],
                    editor_id=editor_id,
                )
            )
    with transaction.atomic():
        LinkOccurrence.objects.filter(source_key__in=[item[0] for item in items]).delete()
        LinkOccurrence.objects.bulk_create(occurrences)
    return set(existing.values())


def _editors(pages):
    ids = [p.latest_revision_id for p in pages if p.latest_revision_id]
    return dict(Revision.objects.filter(pk__in=ids).values_list("pk", "user_id"))


# The public's channels, opened as a reader would: the message form (a veto when it fails),
# the 找错 form and the search (deductions).
CHANNELS = [
    ("messages", "12351 留言", "interaction:submit", ""),
    ("error_reports", "我为网站找错", "interaction:error_report", ""),
    ("search", "站内搜索", "search", "?q=%E5%B7%A5%E4%BC%9A"),
]


def check_channels():
    client = rendering.render_client()
    results = []
    with rendering.connections_kept():
        _check_channels(client, results)
    return results


def _check_channels(client, results):
    for key, label, url_name, query in CHANNELS:
        try:
            url = reverse(url_name) + query
        except NoReverseMatch:
            results.append({"key": key, "label": label, "url": "", "status": None})
            continue
        try:
            status = client.get(url).status_code
        except Exception:
            log.exception("channel %s failed", url)
            status = 500
        results.append({"key": key, "label": label, "url": url, "status": status})


def _page_batches(after):
    queryset = Page.objects.live().filter(depth__gt=1, pk__gt=after).order_by("pk")
    while True:
        ids = list(queryset.values_list("pk", flat=True)[:BATCH])
        if not ids:
            return
        yield ids
        queryset = Page.objects.live().filter(depth__gt=1, pk__gt=ids[-1]).order_by("pk")


def render_stage(run):
    """Every published page rendered (see `inspection.render`), recorded batch by batch in order."""
    errors = run.summary.setdefault("render_errors", [])

    def record(ids, rendered, found):
        errors.extend(found)
        run.checkpoint = ids[-1]
        run.summary["rendered"] = run.summary.get("rendered", 0) + rendered
        run.save(update_fields=["checkpoint", "summary"])

    rendering.render_pages(_page_batches(run.checkpoint), record)


def scan_pages(run, now=None, glossary=None):
    glossary = glossary or active_glossary()
    for ids in _page_batches(run.checkpoint):
        pages = list(Page.objects.filter(pk__in=ids).order_by("pk").specific())
        editors = _editors(pages)
        items = []
        for page in pages:
            try:
                found = linkmod.page_links(page)
            except Exception:
                log.exception("extracting links of page %s failed", page.pk)
                found = []
            items.append(
                (f"page:{page.pk}", page.title, page.pk, editors.get(page.latest_revision_id), found)
            )
        wording.scan_pages(pages, glossary, now)
        _store_links(items)
        run.checkpoint = ids[-1]
        run.summary["pages"] = run.summary.get("pages", 0) + len(pages)
        run.save(update_fields=["checkpoint", "summary"])


def scan_snippets(now=None, glossary=None):
    items = []
    for model in wording.snippet_models():
        for instance in model.objects.all():
            key = f"snippet:{model._meta.label_lower}:{instance.pk}"
            items.append(
                (key, f"{model._meta.verbose_name}：{instance}", None, None, linkmod.snippet_links(instance))
            )
    settings_links = _settings_links()
    items.extend(settings_links)
    # Snippets no longer there leave no occurrences behind.
    LinkOccurrence.objects.filter(source_key__startswith="snippet:").exclude(
        source_key__in=[item[0] for item in items]
    ).delete()
    if items:
        _store_links(items)
    wording.scan_snippets(glossary, now)


def _settings_links():
    """Links in site settings (footer badges, police record link)."""
    items = []
    model = apps.get_model("home", "SiteSettings")
    for instance in model.objects.all():
        items.append(
            (f"snippet:settings:{instance.pk}", "站点设置", None, None, linkmod.snippet_links(instance))
        )
    return items


def _apply(result, ok, status, message, now):
    if ok:
        if result.state != LinkResult.OK and result.first_broken_at and not result.fixed_at:
            result.fixed_at = now
        result.state = LinkResult.OK
    else:
        if result.state not in (LinkResult.BROKEN, LinkResult.MALFORMED) or result.fixed_at:
            result.first_broken_at = now
            result.fixed_at = None
        result.state = LinkResult.BROKEN
    result.http_status = status
    result.message = message[:300]
    result.checked_at = now


def check_targets(results, now=None, external=True, checker=None):
    """Check LinkResults: internal in bulk, external over HTTP unless `external` is False."""
    now = now or timezone.now()
    resolver = linkmod.InternalResolver()
    internal, outside = {}, {}
    for result in results:
        kind, value = resolver.classify(result.target)
        if kind == "internal":
            internal.setdefault(value, []).append(result)
        elif kind == "external":
            outside.setdefault(value, []).append(result)
        else:
            if kind == "malformed":
                if result.state != LinkResult.MALFORMED or result.fixed_at:
                    result.first_broken_at, result.fixed_at = now, None
                result.state = LinkResult.MALFORMED
            else:
                result.state = LinkResult.SKIPPED
            result.message, result.checked_at, result.external = value, now, False
    for key, (ok, message) in resolver.check(internal).items():
        for result in internal[key]:
            _apply(result, ok, None, message, now)
            result.external = False
    if external and outside:
        checker = checker or linkmod.ExternalChecker()
        for url, (ok, status, message) in checker.check(outside).items():
            for result in outside[url]:
                _apply(result, ok, status, message, now)
                result.external = True
    else:
        for group in outside.values():
            for result in group:
                result.external = True
    LinkResult.objects.bulk_update(
        results, ["state", "http_status", "message", "checked_at", "first_broken_at", "fixed_at", "external"]
    )


def check_links(now=None, checker=None, chunk=500):
    """Every target still in content: internal ones each run, external ones when their result is old."""
    now = now or timezone.now()
    fresh = now - datetime.timedelta(hours=settings.INSPECTION_LINK_CACHE_HOURS)
    used = LinkResult.objects.filter(Exists(LinkOccurrence.objects.filter(link=OuterRef("pk"))))
    due = used.filter(Q(external=False) | Q(checked_at__isnull=True) | Q(checked_at__lt=fresh)).order_by("pk")
    last = 0
    while True:
        batch = list(due.filter(pk__gt=last)[:chunk])
        if not batch:
            break
        check_targets(batch, now=now, checker=checker)
        last = batch[-1].pk
    # Broken targets no longer in any content count as fixed.
    LinkResult.objects.filter(
        state__in=[LinkResult.BROKEN, LinkResult.MALFORMED], fixed_at__isnull=True
    ).exclude(Exists(LinkOccurrence.objects.filter(link=OuterRef("pk")))).update(fixed_at=now)


def check_page_internal_links(page):
    """On publish: the page's own links recorded, its internal targets resolved (no HTTP)."""
    found = linkmod.page_links(page)
    editor = page.latest_revision.user_id if page.latest_revision_id else None
    ids = _store_links([(f"page:{page.pk}", page.title, page.pk, editor, found)])
    results = list(LinkResult.objects.filter(pk__in=ids, external=False))
    check_targets(results, external=False)
    return LinkResult.objects.filter(pk__in=ids, state__in=[LinkResult.BROKEN, LinkResult.MALFORMED])


def start_or_resume():
    run = InspectionRun.objects.filter(state=InspectionRun.RUNNING).order_by("-started_at").first()
    if run is None:
        run = InspectionRun.objects.create(stage="render")
    return run


def inspect_site(render=True, external=True, now=None, checker=None, stdout=None):
    """The full run under the lock; returns the finished run."""
    with lock.held():
        now = now or timezone.now()
        run = start_or_resume()
        glossary = active_glossary()
        if run.stage == "render":
            # First, while this process is small: the rendering workers are forked from it.
            if render:
                render_stage(run)
            run.stage, run.checkpoint = "pages", 0
            run.save(update_fields=["stage", "checkpoint"])
        if run.stage == "pages":
            scan_pages(run, now=now, glossary=glossary)
            LinkOccurrence.objects.filter(page__isnull=False, page__live=False).delete()
            wording.forget_unpublished(now)
            run.stage = "snippets"
            run.save(update_fields=["stage"])
        if render:
            run.summary["channels"] = check_channels()
            run.save(update_fields=["summary"])
        if run.stage == "snippets":
            scan_snippets(now=now, glossary=glossary)
            run.stage = "links"
            run.save(update_fields=["stage"])
        if run.stage == "links":
            if external:
                check_links(now=now, checker=checker)
            else:
                check_links(now=now, checker=_NoExternal())
            run.stage = "indicators"
            run.save(update_fields=["stage"])
        run.summary["scorecard"] = indicators.scorecard_data(now=now, run=run)
        run.state, run.stage, run.finished_at = InspectionRun.DONE, "", timezone.now()
        run.save()
        indicators.alert_new_vetoes(run.summary["scorecard"])
        wording.alert_serious(now)
        return run


class _NoExternal:
    def check(self, urls):
        return {}


def rescan_wording(now=None):
    """Every published page, snippet and document title through the engine again (under the lock,
    as its own lock name, so a full run and a rescan may overlap but two rescans may not)."""

    try:
        with lock.held("wording_rescan"):
            now = now or timezone.now()
            forget_compiled_glossary()
            glossary = active_glossary()
            for ids in _page_batches(0):
                wording.scan_pages(
                    list(Page.objects.filter(pk__in=ids).order_by("pk").specific()), glossary, now
                )
            wording.forget_unpublished(now)
            wording.scan_snippets(glossary, now)
            wording.alert_serious(now)
            return True
    except lock.Locked:
        return False
