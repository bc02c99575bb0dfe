"""`generate_bulk_content --workers N`: synthetic model-worker profiles for benchmarks.

The profiles go under the model-worker index through
`home.bulk_pages.append_child_pages` (multi-row INSERTs instead of treebeard,
revisions and indexing one page at a time, which take many minutes for 5,000
pages); their honours follow with one bulk_create per batch. Portraits come
from a small pool every profile reuses, so the gallery's renditions are drawn
only once.

The profiles are live, without revisions, and not in the search index (run
`manage.py update_index` if a benchmark needs search). Names are random
combinations of common characters; they are not meant to be anyone.
"""

import itertools
import random
import time

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from home.bulk_pages import append_child_pages
from home.images import get_or_create_image
from home.models import HomePage

from .factories import ensure_vocabularies, make_index
from .models import ETHNIC_GROUPS, HonourTitle, Industry, Region, WorkerHonour, WorkerIndexPage, WorkerPage
from .pinyin import pinyin_sort_key

BATCH = 1000
SURNAMES = "王李张刘陈杨赵黄周吴马韩祁冶鲁曾朱胡郭何高林罗郑梁谢宋唐许邓冯"
GIVEN = "建国海英秀兰德明永福玉梅志强文华丽娟生荣成林春燕晓东金花卓玛措才让多杰"
# Roughly the make-up of Qinghai's workforce: mostly 汉族, then the province's main 民族.
ETHNICITY_WEIGHTS = [("汉族", 50), ("藏族", 20), ("回族", 14), ("土族", 6), ("撒拉族", 4), ("蒙古族", 4)]
EMPLOYER_KINDS = [
    "有限公司",
    "集团公司",
    "人民医院",
    "职业技术学院",
    "专业合作社",
    "公路养护中心",
    "供电公司",
]
POSITIONS = ["班组长", "技术员", "车间主任", "护士长", "教师", "理事长", "工段长", "技术主管", "一线职工"]
SKILLS = ["电工 高级技师", "焊工 技师", "数控车工 特级技师", "化工总控工 高级技师", "", "农艺工 技师"]


def add_arguments(parser):
    parser.add_argument("--workers", type=int, default=0, help="生成的合成劳模数量（劳模风采）。")


def generate(command, options):
    count = options.get("workers") or 0
    if count <= 0:
        return
    started = time.perf_counter()
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("劳模合成内容：未找到首页，已跳过。")
        return
    ensure_vocabularies()
    index = WorkerIndexPage.objects.child_of(home).first() or make_index(home)
    portraits = [get_or_create_image(f"合成肖像{number}", size=(480, 600)) for number in range(12)]
    vocab = {
        "titles": list(HonourTitle.objects.all()),
        "industries": list(Industry.objects.all()),
        "regions": list(Region.objects.all()),
    }
    existing = Page.objects.child_of(index)
    already = existing.count()
    rng = random.Random(20261123 + already)
    slugs = _profile_slugs(start=already + 1, taken=set(existing.values_list("slug", flat=True)))
    now = timezone.now()
    created = 0
    with transaction.atomic():
        for offset in range(0, count, BATCH):
            profiles, honours = _make_profiles(min(BATCH, count - offset), rng, slugs, now, portraits, vocab)
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


def _make_profiles(size, rng, slugs, now, portraits, vocab):
    """`size` unsaved profiles and the (title, year) honours of each."""
    ethnicities, weights = zip(*ETHNICITY_WEIGHTS, strict=True)
    assert set(ethnicities) <= set(ETHNIC_GROUPS)
    profiles, honours_of = [], []
    for _ in range(size):
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
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
                gender=rng.choice(("男", "男", "女")),
                ethnicity=rng.choices(ethnicities, weights)[0],
                birth_year=rng.randint(1960, 1998),
                birth_month=rng.randint(1, 12),
                political_status=rng.choice(("中共党员", "中共党员", "群众", "共青团员", "民主党派成员")),
                education=rng.choice(("高中", "中专", "大专", "本科")),
                employer=f"{region.name}{rng.choice('高原昆仑河湟三江柴达木')}{rng.choice(EMPLOYER_KINDS)}",
                position=rng.choice(POSITIONS),
                skill=rng.choice(SKILLS),
                industry=rng.choice(vocab["industries"]),
                region=region,
                portrait=rng.choice(portraits),
                motto="立足岗位，精益求精。",
                story=[{"type": "paragraph", "value": f"<p>{name}扎根一线多年，带领班组攻坚克难。</p>"}],
                achievements="完成技术革新多项\n培养技术骨干多名",
                pinyin_key=pinyin_sort_key(name),
                latest_honour_year=max(year for _title, year in honours),
            )
        )
    return profiles, honours_of
