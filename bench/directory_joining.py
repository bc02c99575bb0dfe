"""Benchmark: 找工会 with many organisations, and the officers' 入会申请 queue with many applications.

Usage (own database, never the shared var/):

    VAR_DIR=/tmp/joining-bench .venv/bin/python manage.py migrate
    VAR_DIR=/tmp/joining-bench .venv/bin/python bench/directory_joining.py --organisations 5000 --applications 50000

Tops the directory up to `--organisations` synthetic organisations (spread over every 县区 of
Qinghai, with locations) and the applications up to `--applications`, then requests each scenario
`--repeat` times through Django's test client (whole stack) and prints median and P90 wall time,
this process's median CPU time and the SQL queries of one request. Set DATABASE_URL for PostgreSQL.
"""

import argparse
import os
import random
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from page_timing import measure  # noqa: E402

DIRECTORY_SCENARIOS = [
    ("无筛选", ""),
    ("市州", "?region=" + quote("西宁市")),
    ("市州 + 县区 + 行业 + 接收职工 + 网上入会", "?region=" + quote("西宁市") + "&county=" + quote("城北区")
     + "&industry=postal&group=newforms&online=1"),
    ("分词检索“城北 快递”", "?q=" + quote("城北 快递")),
    ("离我最近（西宁）", "?lat=36.62&lng=101.78"),
    ("检索 + 市州 + 离我最近 + 第 3 页", "?q=" + quote("快递") + "&region=" + quote("西宁市") + "&lat=36.62&lng=101.78&page=3"),
]  # fmt: skip
QUEUE_SCENARIOS = [
    ("队列首页", ""),
    ("状态：未办结", "?status=open"),
    ("状态：已提交", "?status=submitted"),
    ("超期未联系 + 市州", "?status=overdue&region=" + quote("海西蒙古族藏族自治州")),
    ("按姓名检索", "?q=" + quote("卓玛")),
    ("第 200 页", "?page=200"),
]  # fmt: skip
KINDS = ["快递", "外卖配送", "网约车", "货车司机", "建筑", "商贸", "光伏", "盐湖化工", "畜产品"]
INDUSTRY_OF = {"快递": "postal", "外卖配送": "it", "网约车": "logistics", "货车司机": "logistics", "建筑": "construction",
               "商贸": "commerce", "光伏": "energy", "盐湖化工": "energy", "畜产品": "agriculture"}  # fmt: skip


def ensure_organisations(target):
    from demo.directory import load_union_directory
    from directory.models import UnionOrganisation

    if not UnionOrganisation.objects.exists():
        load_union_directory()
    counties = list(UnionOrganisation.objects.filter(level="county"))
    rng = random.Random(14)
    existing = UnionOrganisation.objects.count()
    for index in range(existing, target):
        parent = rng.choice(counties)
        kind = rng.choice(KINDS)
        UnionOrganisation(
            code=f"B-{index}",
            name=f"{parent.county}{kind}第{index}工会（演示）",
            level="grassroots",
            parent=parent,
            prefecture=parent.prefecture,
            county=parent.county,
            industry=INDUSTRY_OF[kind],
            worker_groups=rng.choice(["newforms", "employee,migrant", "newforms,flexible"]),
            accepts_online=rng.random() < 0.7,
            latitude=round(float(parent.latitude) + rng.uniform(-0.1, 0.1), 6),
            longitude=round(float(parent.longitude) + rng.uniform(-0.1, 0.1), 6),
        ).save()
    return UnionOrganisation.objects.count()


def ensure_applications(target):
    from directory.models import UnionOrganisation
    from joining.models import Application, Status, new_receipt_code

    existing = Application.objects.count()
    organisations = list(
        UnionOrganisation.objects.filter(accepts_online=True).only("pk", "prefecture", "county")
    )
    rng = random.Random(50)
    now = timezone.now()
    batch = []
    for index in range(existing, target):
        organisation = rng.choice(organisations) if rng.random() < 0.8 else None
        prefecture = organisation.prefecture if organisation and organisation.prefecture else "西宁市"
        created = now - timezone.timedelta(days=rng.uniform(0, 700))
        status = rng.choice(list(Status))
        batch.append(
            Application(
                receipt_code=new_receipt_code(),
                created_at=created,
                name=rng.choice(["卓玛", "张伟", "马海军", "李娜", "才让"]) + str(index % 97),
                mobile=f"139{index:08d}",
                gender=rng.choice(["male", "female"]),
                employer="某快递网点",
                work_kind=rng.choice(["courier", "rider", "trucker", "employee"]),
                prefecture=prefecture,
                county=organisation.county if organisation else "",
                industry="postal",
                organisation=organisation,
                consent_at=created,
                status=status,
                first_contact_due=created + timezone.timedelta(days=7),
                closed_at=created + timezone.timedelta(days=20) if status in ("joined", "rejected") else None,
            )
        )
        if len(batch) >= 2000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)
    return Application.objects.count()


def table(client, base, scenarios, repeat):
    print("| 场景 | 中位数 (ms) | P90 (ms) | 本进程 CPU 中位数 (ms) | SQL 查询数 |")
    print("|---|---:|---:|---:|---:|")
    for label, query in scenarios:
        median, p90, cpu, queries = measure(client, base + query, repeat)
        print(f"| {label} | {median:.0f} | {p90:.0f} | {cpu:.0f} | {queries} |")


def logged_in_client(user):
    """A client logged in as `user`, past the admin's second factor as a real login would be."""
    from accounts.twofactor import requires_two_factor

    client = Client()
    client.force_login(user)
    if requires_two_factor(user):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def city_officer():
    """A 入会受理员 of the 西宁市 federation: sees its subtree and the unmatched applications of 西宁市."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from directory.models import UnionOrganisation
    from joining.models import OfficerAssignment

    user, created = get_user_model().objects.get_or_create(
        username="bench-officer", defaults={"is_staff": True}
    )
    if created:
        user.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="handle_application"),
        )
        organisation = UnionOrganisation.objects.get(level="city", prefecture="西宁市")
        OfficerAssignment.objects.create(user=user, organisation=organisation)
    return user


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=5000)
    parser.add_argument("--applications", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    settings.DEBUG = False
    from django.contrib.auth import get_user_model

    from demo.loader import ensure_home_page

    ensure_home_page()
    organisations = ensure_organisations(args.organisations)
    applications = ensure_applications(args.applications)
    print(
        f"数据库：{connection.vendor}；工会组织 {organisations} 个；入会申请 {applications} 份；每个场景请求 {args.repeat} 次\n"
    )
    print("### 找工会 /zhaogonghui/\n")
    table(Client(), "/zhaogonghui/", DIRECTORY_SCENARIOS, args.repeat)
    admin, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    print("\n### 入会申请队列 /admin/ruhui/（站点管理员，看到全部）\n")
    table(logged_in_client(admin), "/admin/ruhui/", QUEUE_SCENARIOS, args.repeat)
    print(
        "\n### 入会申请队列 /admin/ruhui/（西宁市总工会的入会受理员：本组织及下级，加西宁市待匹配的申请）\n"
    )
    table(logged_in_client(city_officer()), "/admin/ruhui/", QUEUE_SCENARIOS, args.repeat)


if __name__ == "__main__":
    main()
