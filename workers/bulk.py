"""`generate_bulk_content --workers N`: synthetic model-worker profiles for benchmarks.

Creating 5,000 pages one by one through treebeard (plus revisions and search
indexing) takes many minutes, so, as in news/bulk.py, tree paths are computed
in Python and rows go in with multi-row INSERTs: `wagtailcore_page` via
bulk_create, the profile table via a raw insert (bulk_create refuses
multi-table inheritance), honours via bulk_create. Portraits come from a small
pool every profile reuses, so the gallery's renditions are drawn only once.

The profiles are live, without revisions, and not in the search index (run
`manage.py update_index` if a benchmark needs search). Names are random
combinations of common characters; they are not meant to be anyone.
"""

import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

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
    rng = random.Random(20261123 + Page.objects.child_of(index).count())
    created = 0
    with transaction.atomic():
        for offset in range(0, count, BATCH):
            size = min(BATCH, count - offset)
            insert_profiles(index, size, rng, portraits, vocab)
            created += size
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner guesses the gallery's joins from an empty table.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailcore_page, workers_workerpage, workers_workerhonour")
    elapsed = time.perf_counter() - started
    command.stdout.write(f"劳模风采：已生成 {created} 位合成劳模，用时 {elapsed:.1f} 秒（{index.url}）。")


def insert_profiles(index, size, rng, portraits, vocab):
    index = Page.objects.get(pk=index.pk)  # fresh numchild and path
    last_child = index.get_last_child()
    next_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(WorkerPage)
    locale_id = index.locale_id or Locale.get_default().pk
    now = timezone.now()
    ethnicities, weights = zip(*ETHNICITY_WEIGHTS, strict=True)
    assert set(ethnicities) <= set(ETHNIC_GROUPS)

    pages, profiles, honour_specs = [], [], []
    for position in range(size):
        step = next_step + position
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        slug = f"laomo-{step}"
        pages.append(
            Page(
                title=name,
                draft_title=name,
                slug=slug,
                path=Page._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        honours = [
            (rng.choice(vocab["titles"]), rng.randint(2000, 2025)) for _ in range(rng.choice((1, 1, 2, 3)))
        ]
        honour_specs.append(honours)
        region = rng.choice(vocab["regions"])
        profiles.append(
            dict(
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
    Page.objects.bulk_create(pages, batch_size=500)
    if pages[0].pk is None:  # databases that do not return ids from bulk inserts
        by_path = dict(Page.objects.filter(path__in=[page.path for page in pages]).values_list("path", "pk"))
        for page in pages:
            page.pk = page.id = by_path[page.path]

    rows = [WorkerPage(page_ptr_id=page.pk, **fields) for page, fields in zip(pages, profiles, strict=True)]
    fields = list(WorkerPage._meta.local_concrete_fields)
    for offset in range(0, len(rows), 500):
        WorkerPage._base_manager._insert(rows[offset : offset + 500], fields=fields, raw=True)
    WorkerHonour.objects.bulk_create(
        [
            WorkerHonour(page_id=page.pk, title=title, level=title.level, year=year, sort_order=order)
            for page, honours in zip(pages, honour_specs, strict=True)
            for order, (title, year) in enumerate(honours)
        ],
        batch_size=1000,
    )
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + size)
