"""Get-or-create builders for the demo site and the bulk content.

These are the demo's own: tests build their objects elsewhere. A page is
matched by its parent and title (the index pages by their parent alone) and,
when it exists, returned as it is: fields given for it are not applied. That
is what lets `load_demo_content` run again over a site editors have changed.
"""

from html import escape

from django.utils import timezone
from wagtail.rich_text import RichText

from campaigns.models import (
    CampaignEvent,
    CampaignFormField,
    CampaignFormPage,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedArticle,
    CampaignWorker,
)
from core.regions import PREFECTURES
from core.slugs import pinyin_slug
from news.models import ArticlePage, NewsIndexPage, NewsSectionPage
from workers.models import HonourTitle, Industry, Region, WorkerHonour, WorkerIndexPage, WorkerPage


def publish(page, log_action=False):
    """Publish `page` through a revision, as the admin does; `log_action` also writes the admin's history entry."""
    page.save_revision(log_action=False).publish(log_action=log_action)
    return type(page).objects.get(pk=page.pk)


def paragraph(text):
    """A paragraph block of rich text from plain text, in Wagtail's canonical form."""
    return ("paragraph", RichText(f"<p>{escape(text, quote=False)}</p>"))


# News


def get_or_create_index(model, home, log_action=False, **fields):
    """The site's one index page of this type under the home page: the existing one, else a new one."""
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    index = model(**fields)
    home.add_child(instance=index)
    return publish(index, log_action=log_action)


def get_or_create_news_index(home, title, slug, **fields):
    return get_or_create_index(NewsIndexPage, home, title=title, slug=slug, **fields)


def get_or_create_section(parent, title, intro="", show_in_menus=True, **fields):
    existing = NewsSectionPage.objects.child_of(parent).filter(title=title).first()
    if existing:
        return existing
    section = NewsSectionPage(title=title, intro=intro, show_in_menus=show_in_menus, **fields)
    parent.add_child(instance=section)
    return publish(section)


def create_article(section, title, display_date, tags=(), paragraphs=(), **fields):
    """A live article in `section`, published as of its date (no revision: the admin shows no history)."""
    article = ArticlePage(title=title, display_date=display_date, live=True, **fields)
    article.body = [paragraph(text) for text in paragraphs]
    article.first_published_at = article.last_published_at = min(display_date, timezone.now())
    article.tags.add(*tags)
    section.add_child(instance=article)
    return ArticlePage.objects.get(pk=article.pk)


# 劳模风采


def ensure_vocabularies(vocabularies):
    """The seed lists; entries editors added or renamed are left alone (matched by slug)."""
    # The 8 市州 from the one list (core/regions.py), then the data file's 省直 and 中央驻青.
    regions = [{"slug": p.code, "name": p.name} for p in PREFECTURES] + vocabularies["regions"]
    for order, entry in enumerate(regions, start=1):
        Region.objects.get_or_create(
            slug=entry["slug"], defaults={"name": entry["name"], "sort_order": order * 10}
        )
    for order, entry in enumerate(vocabularies["honour_titles"], start=1):
        HonourTitle.objects.get_or_create(
            slug=entry["slug"],
            defaults={"name": entry["name"], "level": entry["level"], "sort_order": order * 10},
        )
    for order, entry in enumerate(vocabularies["industries"], start=1):
        Industry.objects.get_or_create(
            slug=entry["slug"], defaults={"name": entry["name"], "sort_order": order * 10}
        )


def get_or_create_worker_index(home, title, slug, **fields):
    return get_or_create_index(
        WorkerIndexPage, home, log_action=True, title=title, slug=slug, show_in_menus=True, **fields
    )


def story_blocks(items):
    """A 事迹 StreamField value from plain paragraphs (strings) or {heading, text} mappings."""
    blocks = []
    for item in items:
        if isinstance(item, dict):
            blocks.append(("heading", {"text": item["heading"], "level": "h2"}))
            item = item["text"]
        blocks.append(paragraph(item))
    return blocks


def unique_child_slug(parent, base):
    """`base`, or `base-2`, `base-3` … when a sibling already uses it (namesakes are common)."""
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_worker(index, name, honours, story=(), industry=None, region=None, **fields):
    """A profile under `index`, published through a revision (so editors see a history).

    `honours` are (honour title slug, year, awarding body); `industry` and `region` are slugs.
    """
    worker = WorkerPage(
        title=name,
        story=story_blocks(story),
        industry=Industry.objects.get(slug=industry) if industry else None,
        region=Region.objects.get(slug=region) if region else None,
        **fields,
    )
    for position, (title_slug, year, awarding_body) in enumerate(honours):
        title = HonourTitle.objects.get(slug=title_slug)
        worker.honours.add(
            WorkerHonour(
                title=title, year=year, awarding_body=awarding_body, level=title.level, sort_order=position
            )
        )
    worker.slug = unique_child_slug(index, pinyin_slug(name))
    worker.live = False
    index.add_child(instance=worker)
    return publish(worker)


# 专题活动


def get_or_create_campaign_index(home, title, slug, **fields):
    return get_or_create_index(CampaignIndexPage, home, title=title, slug=slug, **fields)


def get_or_create_campaign(
    index, title, events=(), related_articles=(), workers=(), body_paragraphs=(), **fields
):
    """A published campaign under `index`.

    `events` are dicts of CampaignEvent fields; `related_articles` and `workers` are pages.
    """
    existing = CampaignPage.objects.child_of(index).filter(title=title).first()
    if existing:
        return existing
    campaign = CampaignPage(title=title, **fields)
    campaign.body = [paragraph(text) for text in body_paragraphs]
    campaign.events = [CampaignEvent(**event) for event in events]
    campaign.related_articles = [CampaignRelatedArticle(article=article) for article in related_articles]
    campaign.worker_links = [CampaignWorker(worker=worker) for worker in workers]
    index.add_child(instance=campaign)
    return publish(campaign)


def get_or_create_signup_form(campaign, title, fields, **page_fields):
    existing = CampaignFormPage.objects.child_of(campaign).filter(title=title).first()
    if existing:
        return existing
    form_page = CampaignFormPage(title=title, **page_fields)
    form_page.form_fields = [CampaignFormField(sort_order=order, **spec) for order, spec in enumerate(fields)]
    campaign.add_child(instance=form_page)
    return publish(form_page)
