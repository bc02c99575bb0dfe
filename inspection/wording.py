"""The wording rescan: published pages, snippets and document titles through the one engine
(`editorial.checker`, with the page extraction of `editorial.extract`), keeping each hit until
it is fixed, and alerting at once to new serious hits."""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.documents import get_document_model

from editorial import checker
from editorial.extract import page_text_fields
from editorial.models.glossary import active_glossary

from .models import WordingHit
from .notifications import send_to_site_admins

# Wording, not layout: title length, alt text, punctuation and sources are the workflow's business.
WORDING_RULES = {
    checker.RULE_PREFERRED,
    checker.RULE_OFFICIAL_NAME,
    checker.RULE_BANNED,
    checker.RULE_CAUTION,
    checker.RULE_SPELLING,
}


def is_serious(finding):
    return finding.severity == checker.ERROR and finding.rule in settings.INSPECTION_SERIOUS_RULES


def findings(fields, glossary=None):
    glossary = glossary or active_glossary()
    return [f for f in checker.check(fields, glossary) if f.rule in WORDING_RULES]


def snippet_models():
    return [
        apps.get_model(label)
        for label in settings.EDITORIAL_SNIPPETS
        if label.split(".")[0] not in ("editorial", "inspection")
    ]


def snippet_fields(instance):
    fields = []
    for model_field in instance._meta.concrete_fields:
        if model_field.get_internal_type() in ("CharField", "TextField") and not model_field.choices:
            value = getattr(instance, model_field.name) or ""
            if value and model_field.name not in ("slug",):
                fields.append(checker.TextField(model_field.name, str(model_field.verbose_name), value))
    return fields


def _open_hits(source_keys):
    grouped = {key: {} for key in source_keys}
    for hit in WordingHit.objects.filter(source_key__in=source_keys, fixed_at__isnull=True):
        grouped[hit.source_key][(hit.field, hit.rule, hit.text)] = hit
    return grouped


def record(source_key, source, page, found, now, open_hits=None):
    """Store this source's current hits; returns the hits new since the last scan.
    `open_hits`: this source's open hits when the caller fetched them for a whole batch."""
    if open_hits is None:
        open_hits = _open_hits([source_key])[source_key]
    current, new = set(), []
    for finding in found:
        key = (finding.field_label[:100], finding.rule[:40], finding.text[:200])
        if key in current:
            continue
        current.add(key)
        if key in open_hits:
            continue
        new.append(
            WordingHit(
                source_key=source_key,
                source=source[:200],
                page=page,
                field=key[0],
                rule=key[1],
                text=key[2],
                suggestion=finding.suggestion[:300],
                context=finding.context[:300],
                serious=is_serious(finding),
                found_at=now,
            )
        )
    WordingHit.objects.bulk_create(new)
    gone = [h.pk for key, h in open_hits.items() if key not in current]
    if gone:
        WordingHit.objects.filter(pk__in=gone).update(fixed_at=now)
    return new


def scan_page(page, glossary=None, now=None):
    return record(
        f"page:{page.pk}", page.title, page, findings(page_text_fields(page), glossary), now or timezone.now()
    )


def scan_pages(pages, glossary=None, now=None):
    """A batch of pages: one query for their open hits, writes only where something changed."""
    now = now or timezone.now()
    glossary = glossary or active_glossary()
    known = _open_hits([f"page:{page.pk}" for page in pages])
    new = []
    for page in pages:
        key = f"page:{page.pk}"
        found = findings(page_text_fields(page), glossary)
        if found or known[key]:
            new += record(key, page.title, page, found, now, open_hits=known[key])
    return new


def scan_snippets(glossary=None, now=None):
    now = now or timezone.now()
    new = []
    for model in snippet_models():
        for instance in model.objects.all():
            key = f"snippet:{model._meta.label_lower}:{instance.pk}"
            source = f"{model._meta.verbose_name}：{instance}"
            new += record(key, source, None, findings(snippet_fields(instance), glossary), now)
    Document = get_document_model()
    for document in Document.objects.only("id", "title"):
        fields = [checker.TextField("title", "文件标题", document.title)]
        new += record(
            f"document:{document.pk}", f"文件：{document.title}", None, findings(fields, glossary), now
        )
    return new


def forget_unpublished(now):
    """Hits on pages no longer published (or deleted) are closed: nothing left to fix on the site."""
    WordingHit.objects.filter(fixed_at__isnull=True, source_key__startswith="page:").filter(
        Q(page__isnull=True) | Q(page__live=False)
    ).update(fixed_at=now)


def alert_serious(now=None):
    """Serious hits on published content not yet reported: one message to the 站点管理员 at once."""
    hits = list(
        WordingHit.objects.filter(serious=True, fixed_at__isnull=True, alerted=False).order_by("found_at")[
            :50
        ]
    )
    if not hits:
        return 0
    lines = [f"· {h.source}（{h.field}）：“{h.text}” {h.suggestion}" for h in hits]
    sent = send_to_site_admins(
        "【站点巡查】已发布内容中发现严重用语错误",
        "以下已发布内容含有严重用语错误（单项否决项），请尽快修改：\n\n" + "\n".join(lines),
    )
    WordingHit.objects.filter(pk__in=[h.pk for h in hits]).update(alerted=True)
    return sent
