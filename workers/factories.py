"""Functions that create worker vocabularies and profiles: shared by demo content, bulk content and tests."""

from django.utils import timezone
from wagtail.rich_text import RichText

from core.slugs import pinyin_slug

from .models import HonourLevel, HonourTitle, Industry, Region, WorkerHonour, WorkerIndexPage, WorkerPage

REGIONS = [
    ("西宁市", "xining"),
    ("海东市", "haidong"),
    ("海北藏族自治州", "haibei"),
    ("黄南藏族自治州", "huangnan"),
    ("海南藏族自治州", "hainan"),
    ("果洛藏族自治州", "guoluo"),
    ("玉树藏族自治州", "yushu"),
    ("海西蒙古族藏族自治州", "haixi"),
    ("省直", "shengzhi"),
    ("中央驻青", "zhongyang-zhuqing"),
]

HONOUR_TITLES = [
    ("全国劳动模范", "quanguo-laomo", HonourLevel.NATIONAL),
    ("全国先进工作者", "quanguo-xianjin", HonourLevel.NATIONAL),
    ("全国五一劳动奖章", "quanguo-wuyi-jiangzhang", HonourLevel.NATIONAL),
    ("大国工匠", "daguo-gongjiang", HonourLevel.NATIONAL),
    ("青海省劳动模范", "qinghai-laomo", HonourLevel.PROVINCIAL),
    ("青海省五一劳动奖章", "qinghai-wuyi-jiangzhang", HonourLevel.PROVINCIAL),
    ("青海工匠", "qinghai-gongjiang", HonourLevel.PROVINCIAL),
    ("市州劳动模范", "shizhou-laomo", HonourLevel.PREFECTURE),
]

INDUSTRIES = [
    ("能源电力", "nengyuan-dianli"),
    ("盐湖化工", "yanhu-huagong"),
    ("有色冶金", "youse-yejin"),
    ("装备制造", "zhuangbei-zhizao"),
    ("交通运输", "jiaotong-yunshu"),
    ("建筑施工", "jianzhu-shigong"),
    ("农牧业", "nongmuye"),
    ("生态保护", "shengtai-baohu"),
    ("医疗卫生", "yiliao-weisheng"),
    ("教育", "jiaoyu"),
    ("文化旅游", "wenhua-lvyou"),
    ("商贸服务", "shangmao-fuwu"),
    ("邮政通信", "youzheng-tongxin"),
    ("公共服务", "gonggong-fuwu"),
]


def ensure_vocabularies():
    """The seed lists; entries editors added or renamed are left alone (matched by slug)."""
    for order, (name, slug) in enumerate(REGIONS, start=1):
        Region.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order * 10})
    for order, (name, slug, level) in enumerate(HONOUR_TITLES, start=1):
        HonourTitle.objects.get_or_create(
            slug=slug, defaults={"name": name, "level": level, "sort_order": order * 10}
        )
    for order, (name, slug) in enumerate(INDUSTRIES, start=1):
        Industry.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order * 10})


def make_index(parent, title="劳模风采", slug="laomo", publish=True, **fields):
    index = WorkerIndexPage(title=title, slug=slug, show_in_menus=True, live=publish, **fields)
    parent.add_child(instance=index)
    if publish:
        index.save_revision().publish()
    return WorkerIndexPage.objects.get(pk=index.pk)


def story_blocks(paragraphs):
    """A 事迹 StreamField value from plain paragraphs (strings) or (heading, text) pairs."""
    blocks = []
    for item in paragraphs:
        if isinstance(item, tuple):
            blocks.append(("heading", {"text": item[0], "level": "h2"}))
            item = item[1]
        blocks.append(("paragraph", RichText(f"<p>{item}</p>")))
    return blocks


def unique_child_slug(parent, base):
    """`base`, or `base-2`, `base-3` … when a sibling already uses it (namesakes are common)."""
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def make_worker(index, name, honours, publish=True, slug=None, story=(), with_revision=False, **fields):
    """A profile under `index`.

    `honours` is a list of (title slug or HonourTitle, year[, awarding body[, level]]);
    `industry` / `region` may be given as slugs. Published profiles are created live
    directly (fast: tests and bulk content); `with_revision` publishes through a revision
    as the admin does, so the demo's editors see a history.
    """
    for key, model in (("industry", Industry), ("region", Region)):
        if isinstance(fields.get(key), str):
            fields[key] = model.objects.get(slug=fields[key])
    fields.setdefault("gender", "男")
    fields.setdefault("employer", "青海某单位（演示）")
    worker = WorkerPage(title=name, slug=slug or None, story=story_blocks(story), **fields)
    titles = {}
    for position, spec in enumerate(honours):
        title, year, *rest = spec
        if isinstance(title, str):
            title = titles.get(title) or HonourTitle.objects.get(slug=title)
            titles[title.slug] = title
        worker.honours.add(
            WorkerHonour(
                title=title,
                year=year,
                awarding_body=rest[0] if rest else "",
                level=rest[1] if len(rest) > 1 else title.level,
                sort_order=position,
            )
        )
    worker.slug = worker.slug or unique_child_slug(index, pinyin_slug(name))
    worker.live = publish and not with_revision
    if worker.live:
        worker.first_published_at = worker.last_published_at = timezone.now()
    index.add_child(instance=worker)
    if publish and with_revision:
        worker.save_revision(log_action=False).publish(log_action=False)
    elif not publish:
        worker.save_revision(log_action=False)
    return WorkerPage.objects.get(pk=worker.pk)
