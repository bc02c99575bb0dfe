"""The page tree for tests: a base page factory, the home and standard pages, and the one publish helper.

Every call makes a new page under the `parent` it is given, with the fields it is given; nothing is
looked up by title. Pages are live by default, saved live directly (fast). `live=False` makes a
draft with one revision; `via_revision=True` publishes through a revision and Wagtail's publish
signals, as an editor would; `user=` saves that revision (draft or published) as that user. A page class with the pinyin slug mixin spells an empty slug from
its title ("工会要闻" -> "gong-hui-yao-wen", "-2" for a namesake), so factories leave `slug` empty
unless a test names it.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage


def publish(page, user=None):
    """Publish `page` through a new revision, as the admin does; returns it fresh from the database."""
    page.save_revision(user=user).publish(user=user)
    return type(page).objects.get(pk=page.pk)


def paragraph_body(*paragraphs):
    """A StreamField value of plain paragraphs: paragraph_body("第一段。", "第二段。")."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def days_ago(days):
    """An aware datetime `days` (may be fractional or negative) before now."""
    return timezone.now() - datetime.timedelta(days=days)


def local_datetime(year, month, day, hour=9, minute=0):
    """An aware datetime on the site's (Shanghai) clock."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


class PageFactory(wagtail_factories.PageFactory):
    """Base of the page factories: `XFactory(parent=page, title=…, **fields)`."""

    title = factory.Sequence(lambda n: f"测试页面{n}")
    slug = ""
    live = True
    via_revision = False
    user = None

    # Arguments that are not model fields; a factory pops them and applies them in `attach`.
    _extra_arguments = ()

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.pop("parent")
        if parent is None:
            raise TypeError(f"{cls.__name__} needs parent=<page>")
        via_revision = kwargs.pop("via_revision")
        user = kwargs.pop("user")
        extras = {name: kwargs.pop(name) for name in cls._extra_arguments if name in kwargs}
        cls.resolve(kwargs)
        page = model_class(*args, **kwargs)
        live = page.live
        page.live = live and not via_revision
        if page.live:
            # Directly live pages get the publication record publishing would give them; an article
            # dated in the past counts as published on its date.
            now = timezone.now()
            page.first_published_at = page.last_published_at = min(
                getattr(page, "display_date", None) or now, now
            )
        cls.attach(page, **extras)
        parent.add_child(instance=page)
        if live and via_revision:
            return publish(page, user=user)
        if not live:
            page.save_revision(user=user)
        return model_class.objects.get(pk=page.pk)

    @classmethod
    def resolve(cls, fields):
        """Turn readable field values (slugs of related rows) into model values, in place."""

    @classmethod
    def attach(cls, page, **extras):
        """Add what is not a plain field (tags, inline children) before the page is saved."""


class HomePageFactory(PageFactory):
    title = "首页"
    slug = factory.Sequence(lambda n: f"home-{n}")
    via_revision = True

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    """A plain content page (关于我们, 联系我们 …): name its slug, the page type has no pinyin slugs."""

    title = factory.Sequence(lambda n: f"普通页面{n}")
    slug = factory.Sequence(lambda n: f"ye-mian-{n}")
    via_revision = True

    class Meta:
        model = StandardPage
