"""Create campaign pages in code: shared by demo content, tests and benchmarks."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from .models import (
    CampaignEvent,
    CampaignFormField,
    CampaignFormPage,
    CampaignIndexPage,
    CampaignPage,
    CampaignRelatedArticle,
    CampaignWorker,
)


def publish(page, user=None):
    page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    return type(page).objects.get(pk=page.pk)


def make_campaign_index(home, title="专题活动", slug="campaigns", **fields):
    existing = CampaignIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    fields.setdefault("show_in_menus", True)
    index = CampaignIndexPage(title=title, slug=slug, **fields)
    home.add_child(instance=index)
    return publish(index)


def figure(label, value, unit="", as_of=None, source=""):
    return ("figure", {"label": label, "value": value, "unit": unit, "as_of": as_of, "source": source})


def milestone(date, title, description=""):
    return ("milestone", {"date": date, "title": title, "description": description})


def local_datetime(year, month, day, hour=9, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def make_campaign(
    index,
    title,
    start_date,
    end_date=None,
    slug=None,
    events=(),
    related_articles=(),
    workers=(),
    body_paragraphs=(),
    **fields,
):
    """A published campaign under `index` (or the existing one of that title).

    `events` are dicts of CampaignEvent fields; `related_articles` and `workers` are pages.
    """
    existing = CampaignPage.objects.child_of(index).filter(title=title).first()
    if existing:
        return existing
    fields.setdefault("intro", title)
    campaign = CampaignPage(title=title, start_date=start_date, end_date=end_date, **fields)
    if slug:
        campaign.slug = slug
    if body_paragraphs:
        campaign.body = [("paragraph", RichText(f"<p>{text}</p>")) for text in body_paragraphs]
    campaign.events = [CampaignEvent(**event) for event in events]
    campaign.related_articles = [CampaignRelatedArticle(article=article) for article in related_articles]
    campaign.worker_links = [CampaignWorker(worker=worker) for worker in workers]
    index.add_child(instance=campaign)
    return publish(campaign)


DEFAULT_SIGNUP_FIELDS = [
    {"label": "姓名", "field_type": "singleline", "required": True},
    {"label": "手机号码", "field_type": "mobile", "required": True, "help_text": "仅用于通知活动安排。"},
    {"label": "工作单位", "field_type": "singleline", "required": True},
    {"label": "所在地区", "field_type": "dropdown", "required": True, "choices": "西宁市\n海东市\n其他市州"},
    {"label": "备注", "field_type": "multiline", "required": False},
]


def make_signup_form(campaign, title="活动报名", slug=None, fields=None, **page_fields):
    existing = CampaignFormPage.objects.child_of(campaign).filter(title=title).first()
    if existing:
        return existing
    form_page = CampaignFormPage(title=title, **page_fields)
    if slug:
        form_page.slug = slug
    form_page.form_fields = [
        CampaignFormField(sort_order=order, **spec)
        for order, spec in enumerate(fields if fields is not None else DEFAULT_SIGNUP_FIELDS)
    ]
    campaign.add_child(instance=form_page)
    return publish(form_page)
