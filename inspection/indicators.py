"""The scorecard: one row per indicator, the single-item vetoes first, each red, amber or green
with its figures, the date it turns red if nothing changes, and where to fix it."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core import workdays
from interaction.models import ErrorReport, ErrorStatus, Message, Status

from . import rules
from .models import IndicatorState, InspectionRun, LinkOccurrence, LinkResult, WordingHit
from .notifications import send_to_site_admins

RED, AMBER, GREEN = "red", "amber", "green"
COLOUR_LABELS = {RED: "红", AMBER: "黄", GREEN: "绿"}


def _row(key, label, veto, colour, figure, detail="", red_on=None, url=""):
    return {
        "key": key,
        "label": label,
        "veto": veto,
        "colour": colour,
        "figure": figure,
        "detail": detail,
        "red_on": red_on.isoformat() if red_on else None,
        "url": url,
    }


def _explore(page):
    return reverse("wagtailadmin_explore", args=[page.pk])


def home_row(today, now):
    home = rules.home_status(now)
    days = settings.INSPECTION_HOME_DAYS
    if home.newest is None:
        return _row(
            "home", "首页更新", True, RED, "首页没有带日期的内容", url=reverse("wagtailadmin_explore_root")
        )
    left = home.days_left(today)
    newest = timezone.localdate(home.newest)
    if home.is_stale(today):
        colour = RED
    elif left <= settings.INSPECTION_HOME_WARN_DAYS:
        colour = AMBER
    else:
        colour = GREEN
    detail = f"最新内容日期 {newest:%Y-%m-%d}，规则：{days} 天内须有更新"
    if colour != RED:
        detail += f"；{left} 天后（{home.stale_on:%Y-%m-%d}）变红"
    return _row(
        "home",
        "首页更新",
        True,
        colour,
        f"{(today - newest).days} 天未更新",
        detail,
        home.stale_on,
        _explore(home.page),
    )


def section_rows(today, now):
    statuses = [s for s in rules.sections(now) if not s.exempt]
    empty = [s for s in statuses if s.empty]
    stale = [s for s in statuses if not s.empty and s.is_stale(today)]
    limit = settings.INSPECTION_STALE_SECTIONS_VETO
    # Stale sections count empty ones too ("should be updated and are not").
    behind = len(stale) + len(empty)
    upcoming = sorted(s.stale_on for s in statuses if not s.empty and not s.is_stale(today))
    need = limit - behind
    red_on = upcoming[need - 1] if 0 < need <= len(upcoming) else None
    warn = [s for s in statuses if not s.empty and s.warn(today)]
    if behind >= limit:
        colour = RED
    elif behind or warn:
        colour = AMBER
    else:
        colour = GREEN
    names = "、".join(s.page.title for s in stale[:8])
    soon = "；".join(f"{s.page.title}将在 {s.days_left(today)} 天后过期" for s in warn[:8])
    detail = "；".join(x for x in [f"已过期：{names}" if names else "", soon] if x)
    url = reverse("inspection_sections")
    stale_row = _row(
        "sections",
        "栏目更新",
        True,
        colour,
        f"{behind} 个栏目未按期更新（{limit} 个即否决）",
        detail,
        red_on,
        url,
    )
    empty_limit = settings.INSPECTION_EMPTY_SECTIONS_VETO
    empty_colour = RED if len(empty) >= empty_limit else AMBER if empty else GREEN
    empty_row = _row(
        "empty_sections",
        "空白栏目",
        True,
        empty_colour,
        f"{len(empty)} 个空白栏目（{empty_limit} 个即否决）",
        "、".join(s.page.title for s in empty[:10]),
        None,
        url,
    )
    future = [s for s in statuses if s.future_items]
    future_row = _row(
        "future",
        "日期在未来的内容",
        False,
        AMBER if future else GREEN,
        f"{rules.future_items(now).count()} 篇",
        "涉及栏目：" + "、".join(s.page.title for s in future[:10]) if future else "",
        None,
        url,
    )
    return stale_row, empty_row, future_row


def wording_rows():
    open_hits = WordingHit.objects.filter(fixed_at__isnull=True)
    serious = open_hits.filter(serious=True).count()
    other = open_hits.filter(serious=False).count()
    url = reverse("inspection_wording")
    return (
        _row(
            "serious_wording", "严重用语错误", True, RED if serious else GREEN, f"{serious} 处", "", None, url
        ),
        _row(
            "wording", "错别字及一般用语问题", False, AMBER if other else GREEN, f"{other} 处", "", None, url
        ),
    )


def message_rows(now):
    valid = Message.objects.exclude(status__in=(Status.SPAM, Status.INVALID))
    year_ago = now - datetime.timedelta(days=365)
    veto_cutoff = now - datetime.timedelta(days=settings.INSPECTION_MESSAGE_VETO_DAYS)
    long_open = valid.filter(
        answered_at__isnull=True, created_at__gte=year_ago, created_at__lt=veto_cutoff
    ).count()
    # The oldest unanswered one crosses the line on this date.
    oldest = (
        valid.filter(answered_at__isnull=True, created_at__gte=veto_cutoff).order_by("created_at").first()
    )
    red_on = (
        timezone.localdate(oldest.created_at) + datetime.timedelta(days=settings.INSPECTION_MESSAGE_VETO_DAYS)
        if oldest
        else None
    )
    overdue = valid.overdue(now).count()
    soon = valid.due_soon(now).count()
    queue = reverse("interaction_admin:queue") if _has_url("interaction_admin:queue") else ""
    veto = _row(
        "messages_unanswered",
        f"留言超过 {settings.INSPECTION_MESSAGE_VETO_DAYS} 天未答复",
        True,
        RED if long_open else AMBER if overdue else GREEN,
        f"{long_open} 件",
        f"逾期 {overdue} 件" if overdue else "",
        None if long_open else red_on,
        queue,
    )
    deadline = _row(
        "messages_deadline",
        "留言办理期限",
        False,
        RED if overdue else AMBER if soon else GREEN,
        f"逾期 {overdue} 件，即将到期 {soon} 件",
        "",
        None,
        queue,
    )
    return veto, deadline


def error_report_row(now, today):
    pending = ErrorReport.objects.filter(status=ErrorStatus.SUBMITTED)
    overdue = pending.filter(due__lt=now).count()
    try:
        tomorrow_end = workdays.deadline_after(now, 1)
    except workdays.UnknownYear:
        tomorrow_end = now + datetime.timedelta(days=1)
    soon = pending.filter(due__gte=now, due__lte=tomorrow_end).count()
    url = reverse("interaction_admin:error_queue") if _has_url("interaction_admin:error_queue") else ""
    return _row(
        "error_reports",
        "找错报告 3 个工作日内答复",
        False,
        RED if overdue else AMBER if soon else GREEN,
        f"逾期 {overdue} 件，下一个工作日到期 {soon} 件",
        "",
        None,
        url,
    )


def link_rows():
    used = LinkResult.objects.filter(Exists(LinkOccurrence.objects.filter(link=OuterRef("pk"))))
    broken = used.filter(state__in=[LinkResult.BROKEN, LinkResult.MALFORMED], fixed_at__isnull=True)
    total = broken.count()
    home_ids = _home_ids()
    on_home = broken.filter(occurrences__page_id__in=home_ids).distinct().count()
    colour = RED if on_home else AMBER if total else GREEN
    return _row(
        "links",
        "失效链接和附件",
        False,
        colour,
        f"{total} 个" + (f"（首页 {on_home} 个）" if on_home else ""),
        "",
        None,
        reverse("inspection_links"),
    )


def _home_ids():
    home = rules.home_status().page
    return [home.pk] if home else []


def render_row(run):
    errors = (run.summary.get("render_errors") if run else None) or []
    detail = "、".join(f"{e['title']}（{e['status']}）" for e in errors[:10])
    url = reverse("wagtailadmin_pages:edit", args=[errors[0]["page_id"]]) if errors else ""
    return _row(
        "render",
        "页面打开出错（5xx）",
        False,
        RED if errors else GREEN,
        f"{len(errors)} 个页面",
        detail,
        None,
        url,
    )


def channel_rows(run):
    """The message form (a veto: no working channel for the public), 找错 and search (deductions)."""
    checked = {c["key"]: c for c in ((run.summary.get("channels") if run else None) or [])}
    rows = []
    for key, label, veto in (
        ("messages", "12351 留言渠道可用", True),
        ("error_reports", "找错渠道可用", False),
        ("search", "站内搜索可用", False),
    ):
        channel = checked.get(key)
        if channel is None:
            rows.append(_row(f"channel_{key}", label, veto, AMBER, "尚未检查", "下一次完整巡查时检查"))
            continue
        status = channel["status"]
        ok = status == 200
        figure = "正常" if ok else ("未启用" if status is None else f"打开出错（HTTP {status}）")
        rows.append(
            _row(
                f"channel_{key}",
                label,
                veto,
                GREEN if ok else RED,
                figure,
                channel["url"],
                None,
                channel["url"],
            )
        )
    return rows


def undated_row():
    count = rules.undated_items().count()
    return _row(
        "undated",
        "无发布日期的内容",
        False,
        AMBER if count else GREEN,
        f"{count} 篇",
        "",
        None,
        reverse("inspection_sections"),
    )


def _has_url(name):
    try:
        reverse(name)
        return True
    except NoReverseMatch:
        return False


def scorecard_data(now=None, run=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    if run is None:
        run = InspectionRun.objects.filter(state=InspectionRun.DONE).first()
    stale_row, empty_row, future_row = section_rows(today, now)
    serious_row, wording_row = wording_rows()
    veto_messages, deadline_row = message_rows(now)
    rows = [
        home_row(today, now),
        *channel_rows(run),
        stale_row,
        empty_row,
        serious_row,
        veto_messages,
        link_rows(),
        render_row(run),
        undated_row(),
        future_row,
        wording_row,
        deadline_row,
        error_report_row(now, today),
    ]
    order = {RED: 0, AMBER: 1, GREEN: 2}
    rows.sort(key=lambda r: (not r["veto"], order[r["colour"]]))
    return rows


def alert_new_vetoes(rows, now=None):
    """An email at once when a veto item turns red (once per turn); returns the rows alerted."""
    now = now or timezone.now()
    states = {s.key: s for s in IndicatorState.objects.all()}
    turned = []
    for row in rows:
        state = states.get(row["key"])
        if state is None or state.colour != row["colour"]:
            if row["veto"] and row["colour"] == RED:
                turned.append(row)
            IndicatorState.objects.update_or_create(
                key=row["key"], defaults={"colour": row["colour"], "changed_at": now}
            )
    if turned:
        lines = [
            f"· {r['label']}：{r['figure']}{('，' + r['detail']) if r['detail'] else ''}" for r in turned
        ]
        send_to_site_admins(
            "【站点巡查】单项否决指标变红",
            "以下单项否决指标已不达标，检查时将直接判定网站不合格，请立即处理：\n\n"
            + "\n".join(lines)
            + "\n\n后台“站点巡查”页列出详情。",
        )
    return turned
