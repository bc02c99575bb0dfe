"""Model-worker (劳模) vocabularies and pages (see pages.py for the page rules)."""

import factory
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from workers.models import (
    HonourLevel,
    HonourTitle,
    Industry,
    Region,
    WorkerHonour,
    WorkerIndexPage,
    WorkerPage,
)

from .pages import PageFactory


class RegionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"测试地区{n}")
    sort_order = factory.Sequence(lambda n: n * 10)

    class Meta:
        model = Region


class IndustryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"测试行业{n}")
    sort_order = factory.Sequence(lambda n: n * 10)

    class Meta:
        model = Industry


class HonourTitleFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"测试荣誉{n}")
    level = HonourLevel.PROVINCIAL
    sort_order = factory.Sequence(lambda n: n * 10)

    class Meta:
        model = HonourTitle


# The part of Qinghai's vocabulary the tests use: (name, slug[, level]), in display order. The demo's
# full seed lists are tested through `load_demo_content` (tests/workers/test_vocabularies.py).
REGIONS = [
    ("西宁市", "xining"),
    ("海东市", "haidong"),
    ("玉树藏族自治州", "yushu"),
]
HONOUR_TITLES = [
    ("全国劳动模范", "quanguo-laomo", HonourLevel.NATIONAL),
    ("全国五一劳动奖章", "quanguo-wuyi-jiangzhang", HonourLevel.NATIONAL),
    ("青海省劳动模范", "qinghai-laomo", HonourLevel.PROVINCIAL),
    ("青海省五一劳动奖章", "qinghai-wuyi-jiangzhang", HonourLevel.PROVINCIAL),
    ("青海工匠", "qinghai-gongjiang", HonourLevel.PROVINCIAL),
    ("市州劳动模范", "shizhou-laomo", HonourLevel.PREFECTURE),
]
INDUSTRIES = [
    ("盐湖化工", "yanhu-huagong"),
    ("装备制造", "zhuangbei-zhizao"),
    ("农牧业", "nongmuye"),
    ("医疗卫生", "yiliao-weisheng"),
]


def qinghai_vocabularies():
    """Create the regions, honour titles and industries above (each call makes new rows)."""
    for name, slug in REGIONS:
        RegionFactory(name=name, slug=slug)
    for name, slug, level in HONOUR_TITLES:
        HonourTitleFactory(name=name, slug=slug, level=level)
    for name, slug in INDUSTRIES:
        IndustryFactory(name=name, slug=slug)


def story_blocks(paragraphs):
    """A 事迹 StreamField value from plain paragraphs (strings) or (heading, text) pairs."""
    blocks = []
    for item in paragraphs:
        if isinstance(item, tuple):
            blocks.append(("heading", {"text": item[0], "level": "h2"}))
            item = item[1]
        blocks.append(("paragraph", RichText(f"<p>{item}</p>")))
    return blocks


class WorkerIndexFactory(PageFactory):
    """劳模风采 at /laomo/ below `parent`, in menus, published through a revision."""

    title = "劳模风采"
    slug = "laomo"
    show_in_menus = True
    via_revision = True

    class Meta:
        model = WorkerIndexPage


class WorkerFactory(PageFactory):
    """A profile: `WorkerFactory(parent=index, title="马文花", honours=[("qinghai-laomo", 2020)],
    region="xining", industry="nongmuye", story=["…", ("小标题", "…")])`.

    `honours` are (title slug or HonourTitle, year[, awarding body[, level]]), the level defaulting to
    the title's; `region` and `industry` may be slugs; the slug is the name's pinyin.
    """

    title = factory.Sequence(lambda n: f"测试劳模{n}")
    gender = "男"
    employer = "青海某单位（测试）"
    story = ()

    _extra_arguments = ("honours",)

    class Meta:
        model = WorkerPage

    @classmethod
    def resolve(cls, fields):
        fields["story"] = story_blocks(fields["story"])
        for key, model in (("industry", Industry), ("region", Region)):
            if isinstance(fields.get(key), str):
                fields[key] = model.objects.get(slug=fields[key])

    @classmethod
    def attach(cls, page, honours=()):
        for position, (title, year, *rest) in enumerate(honours):
            if isinstance(title, str):
                title = HonourTitle.objects.get(slug=title)
            page.honours.add(
                WorkerHonour(
                    title=title,
                    year=year,
                    awarding_body=rest[0] if rest else "",
                    level=rest[1] if len(rest) > 1 else title.level,
                    sort_order=position,
                )
            )
