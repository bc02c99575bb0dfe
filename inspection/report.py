"""年度报表: a year's figures from the site's own records, as a table, an XLSX file and a draft page."""

import datetime
import io

from django.db.models import Count
from django.utils import timezone

from home.models import StandardPage
from interaction import stats as interaction_stats

from . import rules
from .models import LinkResult, WordingHit


def _year_bounds(year):
    tz = timezone.get_default_timezone()
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def compliance_days(dates, days, year):
    """Days of `year` on which a section with items on `dates` met its rule (an item within `days`)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    covered = set()
    for day in dates:
        for offset in range(days + 1):
            d = day + datetime.timedelta(days=offset)
            if start <= d < end:
                covered.add(d)
    return len(covered)


def annual_figures(year):
    start, end = _year_bounds(year)
    Article = rules.item_model()
    published = Article.objects.filter(first_published_at__gte=start, first_published_at__lt=end)
    # Days before the year too: an item on 25 December keeps a section fresh into January.
    lookback = start - datetime.timedelta(days=200)
    rows = []
    for status in rules.sections():
        page = status.page
        below = Article.objects.filter(path__startswith=page.path, depth__gt=page.depth)
        count = published.filter(path__startswith=page.path, depth__gt=page.depth).count()
        rate = None
        if not status.exempt:
            dates = [
                timezone.localdate(d)
                for d in below.filter(
                    first_published_at__gte=lookback, first_published_at__lt=end
                ).values_list("first_published_at", flat=True)
            ]
            year_days = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days
            rate = round(100 * compliance_days(dates, status.days, year) / year_days, 1)
        rows.append(
            {
                "section": page.title,
                "class": status.class_label,
                "days": status.days if not status.exempt else None,
                "items": count,
                "rate": rate,
            }
        )
    messages = interaction_stats.report(year)["total"]
    return {
        "year": year,
        "total_items": published.count(),
        "sections": rows,
        "links_found": LinkResult.objects.filter(first_broken_at__gte=start, first_broken_at__lt=end).count(),
        "links_fixed": LinkResult.objects.filter(fixed_at__gte=start, fixed_at__lt=end).count(),
        "wording_found": WordingHit.objects.filter(found_at__gte=start, found_at__lt=end).count(),
        "wording_fixed": WordingHit.objects.filter(fixed_at__gte=start, fixed_at__lt=end).count(),
        "wording_by_rule": list(
            WordingHit.objects.filter(found_at__gte=start, found_at__lt=end)
            .values("rule")
            .annotate(n=Count("id"))
            .order_by("rule")
        ),
        "messages_received": messages["received"],
        "messages_answered": messages["answered"],
        "messages_median_days": messages["median_answer_days"],
    }


def summary_lines(figures):
    median = figures["messages_median_days"]
    return [
        ("全年发布信息（条）", figures["total_items"]),
        ("发现失效链接（个）", figures["links_found"]),
        ("修复失效链接（个）", figures["links_fixed"]),
        ("发现用语问题（处）", figures["wording_found"]),
        ("纠正用语问题（处）", figures["wording_fixed"]),
        ("收到留言（件）", figures["messages_received"]),
        ("答复留言（件）", figures["messages_answered"]),
        ("答复用时中位数（天）", "—" if median is None else median),
    ]


def xlsx_bytes(figures):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "概况"
    sheet.append([f"{figures['year']}年度网站工作年度报表", ""])
    sheet.append(["指标", "数值"])
    for label, value in summary_lines(figures):
        sheet.append([label, value])
    sections = workbook.create_sheet("栏目")
    sections.append(["栏目", "更新类别", "更新周期（天）", "全年发布（条）", "按期更新天数占比（%）"])
    for row in figures["sections"]:
        sections.append([row["section"], row["class"], row["days"], row["items"], row["rate"]])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def draft_page(figures, user):
    """A draft 通用页面 under the home page with the figures, for the 站点管理员 to submit through
    the normal workflow; the same year's draft is revised rather than duplicated."""

    home = rules.home_status().page.specific
    slug = f"annual-report-{figures['year']}"
    title = f"{figures['year']}年度网站工作年度报表"
    table_rows = [["指标", "数值"]] + [[label, str(value)] for label, value in summary_lines(figures)]
    section_rows = [["栏目", "更新类别", "全年发布（条）", "按期更新天数占比（%）"]] + [
        [r["section"], r["class"], str(r["items"]), "—" if r["rate"] is None else str(r["rate"])]
        for r in figures["sections"]
    ]
    body = [
        ("paragraph", f"<p>根据本站记录统计的{figures['year']}年度网站工作情况。</p>"),
        ("table", {"data": table_rows, "first_row_is_table_header": True, "first_col_is_header": False}),
        ("heading", {"text": "栏目更新情况", "level": "h2"}),
        ("table", {"data": section_rows, "first_row_is_table_header": True, "first_col_is_header": False}),
    ]
    page = StandardPage.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = StandardPage(title=title, slug=slug, live=False, owner=user, body=body)
        home.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        page.title, page.body = title, body
    page.save_revision(user=user, log_action=True)
    return page
