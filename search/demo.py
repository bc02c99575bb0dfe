"""Demo content for search: editor-promoted results for common queries (idempotent)."""

from django.apps import apps
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

# query -> (model label, title contains, description shown under the promoted link)
DEMO_PROMOTIONS = [
    ("12351", "home.StandardPage", "联系", "职工服务热线 12351：维权咨询、困难求助，一号接通。"),
    ("维权", "home.StandardPage", "联系", "遇到欠薪、工伤等问题，可先拨打 12351 职工服务热线。"),
    ("入会", "campaigns.CampaignPage", "入会", "新就业形态劳动者怎样加入工会，看这里。"),
    ("劳模", "workers.WorkerIndexPage", "", "全省各级劳动模范、五一劳动奖章获得者风采。"),
]


def find_page(label, title_contains):
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    pages = model.objects.live().public()
    if title_contains:
        pages = pages.filter(title__contains=title_contains)
    return pages.order_by("path").first()


def load(command):
    made = 0
    for query_string, label, title_contains, description in DEMO_PROMOTIONS:
        page = find_page(label, title_contains)
        if page is None:
            continue
        query = Query.get(query_string)
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=query,
            page=Page.objects.get(pk=page.pk),
            defaults={"description": description, "sort_order": 0},
        )
        made += created
    command.stdout.write(f"检索演示内容：新增 {made} 条编辑推荐结果（搜索“12351”“入会”“劳模”时置顶）。")
