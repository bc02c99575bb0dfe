"""The facts at the head of a case (a message, an error report): for the reader who looked it up
(components/interaction/facts.html) and for the staff who handle it (components/admin/facts.html).
Each is a list of (label, value); a value is escaped when shown unless marked safe."""

from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.timezone import template_localtime

NO_CALENDAR = "日历未录入，无法计算"


def local_date(value, fmt):
    """`value|date:fmt` as a template shows it (in local time); "" for None."""
    return format_date(template_localtime(value), fmt)


def facts(*pairs):
    """The rows that have a value."""
    return [(label, value) for label, value in pairs if value]


def status_fact(case):
    return format_html("<strong>{}</strong>", case.get_status_display())


def message_facts(message):
    return facts(
        ("受理编号", message.code),
        ("类别", message.get_category_display()),
        ("地区", message.get_region_display()),
        ("提交时间", local_date(message.created_at, "Y年n月j日 H:i")),
        ("办理状态", status_fact(message)),
        ("答复期限", local_date(message.answer_due, "Y年n月j日") if message.is_open else ""),
    )


def error_facts(error):
    return facts(
        ("受理编号", error.code),
        ("问题类型", error.get_kind_display()),
        ("状态", status_fact(error)),
        ("答复", linebreaksbr(error.answer))
        if error.answer
        else ("答复期限", local_date(error.due, "Y年n月j日")),
    )


def admin_message_facts(message, show_contact):
    status = message.get_status_display()
    if message.status_reason:
        status += f"（原因：{message.status_reason}）"
    first_response = local_date(message.first_response_due, "Y-m-d") or NO_CALENDAR
    if message.first_responded_at:
        first_response += f"（{local_date(message.first_responded_at, 'Y-m-d H:i')} 已回应）"
    answer = local_date(message.answer_due, "Y-m-d") or NO_CALENDAR
    if message.answered_at:
        in_time = "按期" if message.answered_in_time else "超期"
        answer += f"（{local_date(message.answered_at, 'Y-m-d H:i')} 已答复，{in_time}）"
    if message.anonymised_at:
        person = f"已按保存期限清除（{local_date(message.anonymised_at, 'Y-m-d')}）"
    elif show_contact:
        person = f"{message.name}，{message.mobile}（本次查看已记录）"
    else:
        person = format_html(
            '{}，{} <a class="button button-small button-secondary" href="?contact=1">查看联系方式（将记入日志）</a>',
            message.masked_name(),
            message.masked_mobile(),
        )
    return [
        ("受理编号", message.code),
        ("状态", status),
        ("类别", message.get_category_display()),
        ("地区", message.get_region_display()),
        ("提交时间", local_date(message.created_at, "Y-m-d H:i")),
        ("首次回应期限", first_response),
        ("答复期限", answer),
        ("承办", f"{message.assigned_to or '未分派'} {message.department}"),
        ("同意公开", "是" if message.publish_consent else "否"),
        ("满意度", message.get_satisfaction_display() or "未评价"),
        ("留言人", person),
    ]


def admin_error_facts(error):
    return [
        ("页面", format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', error.page_url)),
        ("类型", error.get_kind_display()),
        ("状态", error.get_status_display()),
        ("提交时间", local_date(error.created_at, "Y-m-d H:i")),
        ("答复期限", local_date(error.due, "Y-m-d") or "日历未录入"),
        ("联系方式", error.contact or "未留"),
    ]
