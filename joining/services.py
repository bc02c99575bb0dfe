"""What happens to an application: submission, assignment, status changes, and who is told.

Every change is an `ApplicationEvent` (the history; the ones marked public are shown to the
worker) and an entry in Wagtail's audit log; notifications go through `core.notify`.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from core.notify import Notification, Recipient, send, users_recipients
from core.workdays import UnknownYear, deadline_after

from .models import Application, ApplicationEvent, Status
from .scoping import can_handle, eligible_assignees, officers_for

DEFAULT_FIRST_CONTACT_DAYS = 5

SUBMITTED = "joining.submitted"
VIEWED = "joining.viewed"
LISTED = "joining.listed"
EXPORTED = "joining.exported"
STATUS_CHANGED = "joining.status_changed"
ASSIGNED = "joining.assigned"
DELETED = "joining.deleted"
ANONYMISED = "joining.anonymised"

LOG_ACTIONS = [
    (SUBMITTED, "收到入会申请", "收到一份网上入会申请"),
    (VIEWED, "查看入会申请", "查看了入会申请"),
    (LISTED, "浏览入会申请列表", "浏览了入会申请列表"),
    (EXPORTED, "导出入会申请", "导出了入会申请"),
    (STATUS_CHANGED, "变更入会申请状态", "变更了入会申请的状态"),
    (ASSIGNED, "分派入会申请", "分派了入会申请"),
    (DELETED, "删除入会申请", "删除了入会申请"),
    (ANONYMISED, "删除入会申请个人信息", "按保存期限删除了入会申请中的个人信息"),
]


def first_contact_days():
    return int(getattr(settings, "JOINING_FIRST_CONTACT_WORKING_DAYS", DEFAULT_FIRST_CONTACT_DAYS))


def first_contact_deadline(start):
    try:
        return deadline_after(start, first_contact_days())
    except UnknownYear:
        # The year's holiday schedule is not entered yet: the application is still taken; the
        # deadline stays empty and the queue shows it as 期限待定 until the calendar is complete.
        return None


def find_duplicate(mobile):
    """An open application with this mobile number (the newest), or None."""
    return (
        Application.objects.open()
        .filter(mobile=mobile, anonymised_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def submit_application(data, organisation, via_qr=False):
    """Create the application from the cleaned steps; notify the officers who handle it."""
    now = timezone.now()
    with transaction.atomic():
        application = Application(
            name=data["applicant_name"],
            mobile=data["mobile"],
            gender=data["gender"],
            ethnicity=data.get("ethnicity") or "",
            employer=data["employer"],
            work_kind=data["work_kind"],
            prefecture=data["prefecture"],
            county=data.get("county") or "",
            industry=data["industry"],
            organisation=organisation,
            via_qr=via_qr and organisation is not None,
            consent_at=now,
            created_at=now,
            first_contact_due=first_contact_deadline(now),
        )
        # A receipt code is random; on the rare clash draw another.
        while Application.objects.filter(receipt_code=application.receipt_code).exists():
            application.receipt_code = Application._meta.get_field("receipt_code").default()
        application.save()
        ApplicationEvent.objects.create(
            application=application,
            to_status=Status.SUBMITTED,
            comment="申请已提交，等待工会受理。",
            public=True,
            created_at=now,
        )
        log(
            instance=application,
            action=SUBMITTED,
            data={"organisation": organisation.code if organisation else ""},
        )
        transaction.on_commit(lambda: notify_officers(application))
    return application


def notify_officers(application):
    officers = officers_for(application)
    if not officers:
        return 0
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("joining_admin:detail", args=[application.pk])
    target = (
        application.organisation.name
        if application.organisation
        else f"请帮我匹配（{application.prefecture}）"
    )
    due = (
        timezone.localtime(application.first_contact_due).strftime("%Y-%m-%d")
        if application.first_contact_due
        else "待定"
    )
    # No personal data in the message itself: it may travel by SMS or be forwarded.
    body = (
        f"收到一份新的网上入会申请（回执码 {application.receipt_display}）。\n"
        f"申请加入：{target}\n首次联系期限：{due}\n请登录后台处理：{url}"
    )
    return send(Notification(subject="新的网上入会申请", body=body, recipients=users_recipients(officers)))


def notify_worker(application, event):
    text = f"您的入会申请（回执码 {application.receipt_display}）状态：{application.get_status_display()}。"
    if application.status == Status.REJECTED and application.reason:
        text += f"原因：{application.reason}"
    elif event.public and event.comment:
        text += event.comment
    recipient = Recipient(name=application.name, mobile=application.mobile)
    return send(Notification(subject="入会申请进度", body=text, recipients=[recipient], short_text=text[:70]))


def change_status(application, user, to_status, comment="", public=True, reason=""):
    """Move the application on; raises PermissionDenied or ValidationError (Chinese messages)."""
    if not can_handle(user, application):
        raise PermissionDenied("您无权办理这份入会申请：它不在您负责的组织范围内。")
    to_status = Status(to_status)
    current = Status(application.status)
    if to_status not in application.allowed_transitions():
        raise ValidationError(f"状态不能从“{current.label}”改为“{to_status.label}”。")
    comment, reason = (comment or "").strip(), (reason or "").strip()
    if to_status == Status.REJECTED and not reason:
        raise ValidationError("改为“未通过”时必须填写原因，原因会显示给申请人。")
    now = timezone.now()
    with transaction.atomic():
        application.status = to_status
        if application.first_contacted_at is None:
            application.first_contacted_at = now
        if to_status == Status.REJECTED:
            application.reason = reason[:500]
        if to_status in (Status.JOINED, Status.REJECTED):
            application.closed_at = now
        if application.assigned_to_id is None:
            application.assigned_to = user
        application.save()
        event = ApplicationEvent.objects.create(
            application=application,
            actor=user,
            from_status=current,
            to_status=to_status,
            comment=comment[:1000],
            public=public or to_status == Status.REJECTED,
            created_at=now,
        )
        log(
            instance=application,
            action=STATUS_CHANGED,
            user=user,
            data={"from": current.value, "to": to_status.value, "public": event.public},
        )
        transaction.on_commit(lambda: notify_worker(application, event))
    return event


def assign(application, user, assignee):
    if not can_handle(user, application):
        raise PermissionDenied("您无权办理这份入会申请：它不在您负责的组织范围内。")
    if assignee is not None and assignee not in eligible_assignees(application) and assignee != user:
        raise ValidationError("只能分派给负责该组织的入会受理员。")
    with transaction.atomic():
        application.assigned_to = assignee
        application.save(update_fields=["assigned_to"])
        name = assignee.get_username() if assignee else ""
        ApplicationEvent.objects.create(
            application=application,
            actor=user,
            comment=f"分派给 {name}" if name else "取消分派",
            public=False,
        )
        log(instance=application, action=ASSIGNED, user=user, data={"assignee": name})
