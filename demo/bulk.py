"""`generate_bulk_content`: synthetic articles and model-worker profiles for benchmarks.

The pages go into the tree through `demo.bulk_pages.append_child_pages`
(multi-row INSERTs after the parent's last child: treebeard, revisions and
indexing one page at a time take many minutes for 100,000 articles or 5,000
profiles); their tags and honours follow with one bulk_create per batch.
Images come from small pools every page reuses, so renditions are drawn once.
The words come from demo/data/bulk.yaml, combined at random with a fixed seed.

The pages are live, without revisions, and not in the search index (run
`manage.py update_index` if a benchmark needs search).
"""

import datetime
import itertools
import random
import time

from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from core.slugs import pinyin_slug
from home.models import HomePage
from news.models import ArticlePage, ArticleTag, NewsSectionPage
from workers.models import ETHNIC_GROUPS, HonourTitle, Industry, Region, WorkerHonour, WorkerPage
from workers.pinyin import pinyin_sort_key

from . import builders, datafiles
from .bulk_pages import append_child_pages
from .images import get_or_create_image

SEED = 20261123
ARTICLE_BATCH = 2000
WORKER_BATCH = 1000
WHAT = {"articles": "新闻", "workers": "劳模"}


# News articles


def _bulk_generator(what):
    """`generate_<what>(command, count)` from a body that takes the home page to generate under and
    bulk.yaml's words for `what` (articles or workers): nothing for a count of 0, a line saying why
    when there is no home page."""

    def decorate(body):
        def generate(command, count):
            if count <= 0:
                return
            home = HomePage.objects.first()
            if home is None:
                command.stdout.write(f"{WHAT[what]}合成内容：未找到首页，已跳过。")
                return
            body(command, count, home, datafiles.read("bulk")[what])

        return generate

    return decorate


@_bulk_generator("articles")
def generate_articles(command, count, home, words):
    started = time.perf_counter()
    sections = list(NewsSectionPage.objects.child_of(home))
    for title in words["sections"][len(sections) :]:
        sections.append(builders.get_or_create_section(home, title))
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in words["tags"]]
    images = [get_or_create_image(words["image"].format(number=number)) for number in range(8)]
    setup_done = time.perf_counter()

    rng = random.Random(SEED)
    start = timezone.make_aware(datetime.datetime(2015, 1, 1, 8))
    end = timezone.now()
    created = 0
    with transaction.atomic():
        for section, how_many in zip(sections, _split(count, len(sections)), strict=True):
            used_slugs = set(Page.objects.child_of(section).values_list("slug", flat=True))
            for offset in range(0, how_many, ARTICLE_BATCH):
                numbers = range(created + 1, created + min(ARTICLE_BATCH, how_many - offset) + 1)
                articles, article_tags = _make_articles(
                    words, rng, numbers, (start, end), tags, images, used_slugs
                )
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


def _make_articles(words, rng, numbers, period, tags, images, used_slugs):
    """Unsaved articles with the given serial numbers, dated within `period`, and the two tags of each."""
    start, end = period
    span = (end - start).total_seconds()
    articles, article_tags, with_image = [], [], []
    for number in numbers:
        region = rng.choice(words["regions"])
        subject = rng.choice(words["subjects"])
        action = rng.choice(words["actions"])
        date = min(start + datetime.timedelta(seconds=rng.random() * span), end)
        articles.append(
            ArticlePage(
                title=words["title"].format(region=region, subject=subject, action=action, number=number),
                slug=_slug(region, subject, action, number, used_slugs),
                live=True,
                first_published_at=date,
                last_published_at=date,
                summary=words["summary"].format(region=region, action=action),
                body=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in words["paragraphs"]],
                source_name=words["source_name"],
                authors=words["authors"],
                responsible_editor=words["responsible_editor"],
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


# 劳模风采 profiles


@_bulk_generator("workers")
def generate_workers(command, count, home, words):
    started = time.perf_counter()
    demo_workers = datafiles.read("workers")
    builders.ensure_vocabularies(demo_workers["vocabularies"])
    index = builders.get_or_create_worker_index(home, **demo_workers["index"])
    portraits = [
        get_or_create_image(words["portrait"].format(number=number), size=(480, 600)) for number in range(12)
    ]
    vocab = {
        "titles": list(HonourTitle.objects.all()),
        "industries": list(Industry.objects.all()),
        "regions": list(Region.objects.all()),
    }
    existing = Page.objects.child_of(index)
    already = existing.count()
    rng = random.Random(SEED + already)
    slugs = _profile_slugs(start=already + 1, taken=set(existing.values_list("slug", flat=True)))
    now = timezone.now()
    created = 0
    with transaction.atomic():
        for offset in range(0, count, WORKER_BATCH):
            profiles, honours = _make_profiles(
                words, min(WORKER_BATCH, count - offset), rng, slugs, now, portraits, vocab
            )
            append_child_pages(index, profiles)
            WorkerHonour.objects.bulk_create(
                [
                    WorkerHonour(
                        page_id=profile.pk, title=title, level=title.level, year=year, sort_order=order
                    )
                    for profile, chosen in zip(profiles, honours, strict=True)
                    for order, (title, year) in enumerate(chosen)
                ],
                batch_size=1000,
            )
            created += len(profiles)
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner guesses the gallery's joins from an empty table.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailcore_page, workers_workerpage, workers_workerhonour")
    elapsed = time.perf_counter() - started
    command.stdout.write(f"劳模风采：已生成 {created} 位合成劳模，用时 {elapsed:.1f} 秒（{index.url}）。")


def _profile_slugs(start, taken):
    """laomo-1, laomo-2, ... numbered on from the profiles already there, skipping slugs in use."""
    for number in itertools.count(start):
        slug = f"laomo-{number}"
        if slug not in taken:
            yield slug


def _make_profiles(words, size, rng, slugs, now, portraits, vocab):
    """`size` unsaved profiles and the (title, year) honours of each."""
    ethnicities = [entry["name"] for entry in words["ethnicities"]]
    weights = [entry["weight"] for entry in words["ethnicities"]]
    assert set(ethnicities) <= set(ETHNIC_GROUPS)
    profiles, honours_of = [], []
    for _ in range(size):
        name = rng.choice(words["surnames"]) + "".join(
            rng.choices(words["given_names"], k=rng.choice((1, 2)))
        )
        honours = [
            (rng.choice(vocab["titles"]), rng.randint(2000, 2025)) for _ in range(rng.choice((1, 1, 2, 3)))
        ]
        honours_of.append(honours)
        region = rng.choice(vocab["regions"])
        profiles.append(
            WorkerPage(
                title=name,
                slug=next(slugs),
                live=True,
                first_published_at=now,
                last_published_at=now,
                gender=rng.choice(words["genders"]),
                ethnicity=rng.choices(ethnicities, weights)[0],
                birth_year=rng.randint(1960, 1998),
                birth_month=rng.randint(1, 12),
                political_status=rng.choice(words["political_statuses"]),
                education=rng.choice(words["educations"]),
                employer=f"{region.name}{rng.choice(words['employer_places'])}{rng.choice(words['employer_kinds'])}",
                position=rng.choice(words["positions"]),
                skill=rng.choice(words["skills"]),
                industry=rng.choice(vocab["industries"]),
                region=region,
                portrait=rng.choice(portraits),
                motto=words["motto"],
                story=[{"type": "paragraph", "value": f"<p>{words['story'].format(name=name)}</p>"}],
                achievements=words["achievements"],
                pinyin_key=pinyin_sort_key(name),
                latest_honour_year=max(year for _title, year in honours),
            )
        )
    return profiles, honours_of
