"""Reminders of overdue and soon-due cases, by the one notification channel (core.notify)."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core import notify

from .access import handlers_for, supervisors
from .models import ErrorReport, ErrorStatus, Message


def fill_missing_deadlines():
    """Cases whose year the calendar did not know get deadlines once an administrator enters it."""
    filled = 0
    for message in Message.objects.without_deadline():
        if message.compute_deadlines():
            message.save(update_fields=["first_response_due", "answer_due"])
            filled += 1
    return filled


def _line(message, now):
    due = message.next_due()
    state = "已超期" if message.is_overdue(now) else "即将到期"
    when = timezone.localtime(due).strftime("%Y-%m-%d") if due else "—"
    return f"- {message.code}（{message.get_region_display()}，{message.get_category_display()}）{state}，期限 {when}"


def send_reminders(now=None):
    """One message per person: their assigned cases, or the unassigned cases of their regions;
    supervisors also get every overdue case. Returns the number of people reminded."""
    now = now or timezone.now()
    ids = set(Message.objects.overdue(now).values_list("pk", flat=True))
    ids |= set(Message.objects.due_soon(now).values_list("pk", flat=True))
    due = list(Message.objects.filter(pk__in=ids).select_related("assigned_to").order_by("answer_due", "pk"))
    per_user = defaultdict(list)
    users = {}
    region_handlers = {}
    for message in due:
        if message.assigned_to and message.assigned_to.is_active:
            targets = [message.assigned_to]
        else:
            if message.region not in region_handlers:
                region_handlers[message.region] = list(handlers_for(message.region))
            targets = region_handlers[message.region]
        for user in targets:
            users[user.pk] = user
            per_user[user.pk].append(message)
    for user in supervisors():
        overdue = [message for message in due if message.is_overdue(now)]
        if overdue:
            users[user.pk] = user
            known = {m.pk for m in per_user[user.pk]}
            per_user[user.pk].extend(m for m in overdue if m.pk not in known)
    queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("interaction_admin:queue")
    reminded = 0
    for pk, messages in per_user.items():
        if not messages:
            continue
        lines = "\n".join(_line(message, now) for message in messages)
        reminded += bool(
            notify.send(
                notify.Notification(
                    subject=f"职工留言办理提醒：{len(messages)} 件已超期或即将到期",
                    body=f"以下职工留言已超过或临近办理期限，请及时处理：\n{lines}\n\n留言列表：{queue_url}\n",
                    recipients=notify.users_recipients([users[pk]]),
                    short_text=f"您有 {len(messages)} 件职工留言已超期或即将到期。",
                )
            )
        )
    return reminded


def error_report_handlers():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__permissions__codename="handle_errorreport")
            | Q(user_permissions__codename="handle_errorreport")
        )
        .distinct()
    )


def send_error_report_reminders(now=None):
    """我为网站找错 reports unanswered with less than 2 days left or overdue, to the site administrators."""
    now = now or timezone.now()
    soon = now + datetime.timedelta(days=int(getattr(settings, "INTERACTION_DUE_SOON_DAYS", 2)))
    reports = list(ErrorReport.objects.filter(status=ErrorStatus.SUBMITTED, due__lte=soon).order_by("due"))
    recipients = notify.users_recipients(error_report_handlers())
    if not reports or not recipients:
        return 0
    queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("interaction_admin:error_queue")
    lines = "\n".join(
        f"- {report.code} {report.page_url}（{'已超期' if report.is_overdue(now) else '即将到期'}，"
        f"期限 {timezone.localtime(report.due):%Y-%m-%d}）"
        for report in reports
    )
    return notify.send(
        notify.Notification(
            subject=f"网站纠错答复提醒：{len(reports)} 件已超期或即将到期",
            body=f"以下“我为网站找错”报告须在 3 个工作日内答复：\n{lines}\n\n纠错列表：{queue_url}\n",
            recipients=recipients,
        )
    )
