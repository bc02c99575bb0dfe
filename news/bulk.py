"""`generate_bulk_content --articles N`: synthetic articles for benchmarks.

The articles go into the tree through `home.bulk_pages.append_child_pages`
(multi-row INSERTs after each section's last child: treebeard one by one is
far too slow for 100,000 pages); their tags follow with one bulk_create per
batch. Tags and images come from small pools that every article reuses.

The articles are live but have no revisions and are not in the search index
(run `manage.py update_index` if a benchmark needs search).
"""

import datetime
import random
import time

from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from core.slugs import pinyin_slug
from home.bulk_pages import append_child_pages
from home.images import get_or_create_image
from home.models import HomePage

from .factories import make_section
from .models import ArticlePage, ArticleTag, NewsSectionPage

BATCH = 2000
TAG_POOL = [
    "农民工入会", "劳模", "12351", "职工维权", "五一劳动奖章", "劳动竞赛", "安全生产", "女职工",
    "困难帮扶", "送温暖", "技能比武", "工匠精神", "新就业形态", "职工书屋", "法律援助", "劳动法律监督",
    "一函两书", "暖心驿站", "户外劳动者", "金秋助学", "职工健康", "建功立业", "下基层", "网上入会",
]  # fmt: skip
REGIONS = ["西宁市", "海东市", "海北州", "黄南州", "海南州", "果洛州", "玉树州", "海西州", "省直", "中央驻青"]
SUBJECTS = ["总工会", "产业工会", "园区工会", "企业工会", "社区工会联合会", "项目工会"]
ACTIONS = [
    "开展农民工入会集中行动", "举办职工技能比武", "走访慰问一线职工", "召开劳动竞赛推进会",
    "为户外劳动者建成暖心驿站", "开展安全生产月活动", "举办劳动法律知识讲座", "发放金秋助学金",
    "组织劳模事迹宣讲", "开通职工法律服务热线", "开展女职工权益保护宣传", "建成职工书屋",
]  # fmt: skip
PARAGRAPHS = [
    "活动现场，工会工作人员向职工详细讲解了相关政策，并现场解答了大家关心的问题。",
    "参加活动的职工表示，工会把服务送到了身边，遇到困难时心里更有底了。",
    "下一步，将把这项工作做成常态化服务，让更多职工从中受益。",
]
SECTION_TITLES = ["工会要闻", "基层动态", "劳动保护", "通知公告", "典型案例"]


def add_arguments(parser):
    parser.add_argument("--articles", type=int, default=0, help="生成的合成文章数量（新闻）。")


def generate(command, options):
    count = options.get("articles") or 0
    if count <= 0:
        return
    started = time.perf_counter()
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("新闻合成内容：未找到首页，已跳过。")
        return
    sections = list(NewsSectionPage.objects.child_of(home))
    for title in SECTION_TITLES[len(sections) :]:
        sections.append(make_section(home, title))
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAG_POOL]
    images = [get_or_create_image(f"合成配图{number}") for number in range(8)]
    setup_done = time.perf_counter()

    rng = random.Random(20261123)
    start = timezone.make_aware(datetime.datetime(2015, 1, 1, 8))
    end = timezone.now()
    created = 0
    with transaction.atomic():
        for section, how_many in zip(sections, _split(count, len(sections)), strict=True):
            used_slugs = set(Page.objects.child_of(section).values_list("slug", flat=True))
            for offset in range(0, how_many, BATCH):
                numbers = range(created + 1, created + min(BATCH, how_many - offset) + 1)
                articles, article_tags = _make_articles(rng, numbers, (start, end), tags, images, used_slugs)
                append_child_pages(section, articles)
                ArticleTag.objects.bulk_create(
                    [
                        ArticleTag(content_object_id=article.pk, tag=tag)
                        for article, chosen in zip(articles, article_tags, strict=True)
                        for tag in chosen
                    ],
                    batch_size=1000,
                )
                created += len(articles)
    elapsed = time.perf_counter() - started
    command.stdout.write(
        f"新闻：已生成 {created} 篇合成文章，分布在 {len(sections)} 个栏目；"
        f"用时 {elapsed:.1f} 秒（准备 {setup_done - started:.1f} 秒，每千篇 {elapsed / created * 1000:.2f} 秒）。"
    )


def _split(total, parts):
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def _make_articles(rng, numbers, period, tags, images, used_slugs):
    """Unsaved articles with the given serial numbers, dated within `period`, and the two tags of each."""
    start, end = period
    span = (end - start).total_seconds()
    articles, article_tags, with_image = [], [], []
    for number in numbers:
        region, subject, action = rng.choice(REGIONS), rng.choice(SUBJECTS), rng.choice(ACTIONS)
        title = f"{region}{subject}{action}（{number}）"
        date = min(start + datetime.timedelta(seconds=rng.random() * span), end)
        articles.append(
            ArticlePage(
                title=title,
                slug=_slug(region, subject, action, number, used_slugs),
                live=True,
                first_published_at=date,
                last_published_at=date,
                summary=f"{region}各级工会{action}，把服务送到职工身边。",
                body=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in PARAGRAPHS],
                source_name="青海工会网",
                authors="本网记者",
                responsible_editor="合成数据",
                display_date=date,
                is_headline=False,
            )
        )
        with_image.append(rng.random() < 0.3)
        article_tags.append(rng.sample(tags, 2))
    # Images are drawn after the whole batch, as they always were, so a seed still gives the same articles.
    for article, wants_image in zip(articles, with_image, strict=True):
        if wants_image:
            article.lead_image = rng.choice(images)
    return articles, article_tags


_SLUG_PARTS = {}


def _slug(region, subject, action, number, used):
    key = (region, subject, action)
    if key not in _SLUG_PARTS:
        _SLUG_PARTS[key] = pinyin_slug(f"{region}{subject}{action}", max_length=50)
    slug = f"{_SLUG_PARTS[key]}-{number}"
    while slug in used:
        slug += "-x"
    used.add(slug)
    return slug
