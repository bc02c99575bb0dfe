"""Campaign (专题) pages, their sign-up forms and StreamField helpers (see pages.py for the rules)."""

import factory

from campaigns import models
from campaigns.status import local_today

from .pages import PageFactory, paragraph_body


def figure(label, value, unit="", as_of=None, source=""):
    """One 关键数据 block for `key_figures`."""
    return ("figure", {"label": label, "value": value, "unit": unit, "as_of": as_of, "source": source})


def milestone(date, title, description=""):
    """One 时间节点 block for `milestones`."""
    return ("milestone", {"date": date, "title": title, "description": description})


class CampaignIndexFactory(PageFactory):
    """专题活动 at /campaigns/ below `parent`, in menus, published through a revision."""

    title = "专题活动"
    slug = "campaigns"
    show_in_menus = True
    via_revision = True

    class Meta:
        model = models.CampaignIndexPage


class CampaignFactory(PageFactory):
    """A campaign starting today unless told: `CampaignFactory(parent=index, title=…, start_date=…,
    events=[{…CampaignEvent fields}], related_articles=[article], workers=[worker], paragraphs=[…])`.
    Its intro repeats the title unless given. Published through a revision."""

    title = factory.Sequence(lambda n: f"测试专题{n}")
    intro = factory.SelfAttribute("title")
    start_date = factory.LazyFunction(local_today)
    end_date = None
    body = factory.LazyAttribute(lambda o: paragraph_body(*o.paragraphs))
    via_revision = True

    _extra_arguments = ("events", "related_articles", "workers")

    class Meta:
        model = models.CampaignPage

    class Params:
        paragraphs = ()

    @classmethod
    def attach(cls, page, events=(), related_articles=(), workers=()):
        page.events = [models.CampaignEvent(**event) for event in events]
        page.related_articles = [
            models.CampaignRelatedArticle(article=article) for article in related_articles
        ]
        page.worker_links = [models.CampaignWorker(worker=worker) for worker in workers]


SIGNUP_FIELDS = [
    {"label": "姓名", "field_type": "singleline", "required": True},
    {"label": "手机号码", "field_type": "mobile", "required": True, "help_text": "仅用于通知活动安排。"},
    {"label": "工作单位", "field_type": "singleline", "required": True},
    {"label": "所在地区", "field_type": "dropdown", "required": True, "choices": "西宁市\n海东市\n其他市州"},
    {"label": "备注", "field_type": "multiline", "required": False},
]


class SignupFormFactory(PageFactory):
    """A sign-up form below a campaign; `fields` are dicts of CampaignFormField fields (by default
    姓名, 手机号码, 工作单位, 所在地区, 备注). Published through a revision."""

    title = "活动报名"
    via_revision = True

    _extra_arguments = ("fields",)

    class Meta:
        model = models.CampaignFormPage

    @classmethod
    def attach(cls, page, fields=None):
        specs = SIGNUP_FIELDS if fields is None else fields
        page.form_fields = [
            models.CampaignFormField(sort_order=order, **spec) for order, spec in enumerate(specs)
        ]
