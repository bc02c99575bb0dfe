"""Every step a case can take, who may take it, and its audit-log entry.

The admin views call these functions and nothing else changes a case, so the rules live in
one table (`TRANSITIONS`) and every step is written to Wagtail's audit log.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .access import HANDLER, SUPERVISOR, can_handle, regions_of, role_of
from .models import OPEN_STATUSES, Note, Region, Reply, Status


class CaseError(Exception):
    """A step that does not fit the case's state (shown to the handler as a message)."""


@dataclass(frozen=True)
class Transition:
    label: str
    sources: tuple
    target: str
    roles: tuple = (HANDLER, SUPERVISOR)


TRANSITIONS = {
    "accept": Transition("受理", (Status.SUBMITTED,), Status.ACCEPTED),
    "spam": Transition("标记为垃圾信息", OPEN_STATUSES, Status.SPAM),
    "invalid": Transition("标记为无效留言", OPEN_STATUSES, Status.INVALID),
    "close": Transition("办结", (Status.ANSWERED,), Status.CLOSED),
    "reopen": Transition("重新办理", (Status.ANSWERED, Status.CLOSED), Status.ACCEPTED),
    # Undoing a spam/invalid mark is the supervisor's call.
    "restore": Transition("撤销标记", (Status.SPAM, Status.INVALID), Status.ACCEPTED, (SUPERVISOR,)),
}

ACTIONS = {
    "interaction.submitted": ("职工留言", "提交了留言"),
    "interaction.accept": ("受理留言", "受理了留言"),
    "interaction.assign": ("分派留言", "分派了留言"),
    "interaction.reply": ("答复留言", "答复了留言"),
    "interaction.note": ("内部备注", "添加了内部备注"),
    "interaction.transfer": ("转交地区", "把留言转交到其他地区"),
    "interaction.spam": ("标记垃圾信息", "把留言标记为垃圾信息"),
    "interaction.invalid": ("标记无效留言", "把留言标记为无效留言"),
    "interaction.close": ("办结留言", "办结了留言"),
    "interaction.reopen": ("重新办理", "重新办理留言"),
    "interaction.restore": ("撤销标记", "撤销了垃圾/无效标记"),
    "interaction.rated": ("职工评价", "职工评价了答复"),
    "interaction.personal_data_viewed": ("查看个人信息", "查看了留言人的个人信息"),
    "interaction.attachment_downloaded": ("下载附件", "下载了留言附件"),
    "interaction.anonymised": ("清除个人信息", "按保存期限清除了个人信息"),
    "interaction.letter_drafted": ("信件公开稿", "把留言转为信件公开稿"),
}


def require_handler(user, message):
    if not can_handle(user, message):
        raise PermissionDenied("您不负责这条留言所在的地区。")


def allowed_transitions(user, message):
    role = role_of(user)
    if not can_handle(user, message):
        return []
    return [
        name
        for name, transition in TRANSITIONS.items()
        if message.status in transition.sources and role in transition.roles
    ]


def _log(message, action, user, **data):
    log(instance=message, action=action, user=user, data=data or None)


@transaction.atomic
def transition(user, message, name, reason=""):
    rule = TRANSITIONS[name]
    require_handler(user, message)
    if role_of(user) not in rule.roles:
        raise PermissionDenied(f"“{rule.label}”只能由维权督办操作。")
    if message.status not in rule.sources:
        raise CaseError(f"当前状态为“{message.get_status_display()}”，不能{rule.label}。")
    if name in ("spam", "invalid") and not reason.strip():
        raise CaseError("请写明标记原因。")
    now = timezone.now()
    previous = message.status
    message.status = rule.target
    if name == "accept" and message.first_responded_at is None:
        message.first_responded_at = now
    if name in ("spam", "invalid"):
        message.status_reason = reason.strip()[:200]
    if name == "restore":
        message.status_reason = ""
    if name == "close":
        message.closed_at = now
    if name == "reopen":
        message.closed_at = None
        message.reopen_count += 1
    message.save()
    _log(message, f"interaction.{name}", user, previous=previous, status=message.status, reason=reason[:200])
    return message


@transaction.atomic
def reply(user, message, body, is_final=True):
    require_handler(user, message)
    if message.status not in OPEN_STATUSES:
        raise CaseError(f"当前状态为“{message.get_status_display()}”，不能答复；请先重新办理。")
    body = body.strip()
    if not body:
        raise CaseError("答复内容不能为空。")
    now = timezone.now()
    answer = Reply.objects.create(message=message, author=user, body=body, is_final=is_final, created_at=now)
    if message.first_responded_at is None:
        message.first_responded_at = now
    if is_final:
        if message.answered_at is None:
            message.answered_at = now
        message.status = Status.ANSWERED
    elif message.status == Status.SUBMITTED:
        message.status = Status.ACCEPTED
    message.save()
    _log(message, "interaction.reply", user, final=is_final, reply=answer.pk)
    return answer


@transaction.atomic
def add_note(user, message, body):
    require_handler(user, message)
    body = body.strip()
    if not body:
        raise CaseError("备注内容不能为空。")
    note = Note.objects.create(message=message, author=user, body=body)
    _log(message, "interaction.note", user, note=note.pk)
    return note


@transaction.atomic
def assign(user, message, assignee=None, department=""):
    require_handler(user, message)
    if message.status not in OPEN_STATUSES:
        raise CaseError("只有待受理或办理中的留言可以分派。")
    if assignee is not None and not can_handle(assignee, message):
        raise CaseError("被分派的人不负责这条留言所在的地区。")
    message.assigned_to = assignee
    message.department = department.strip()[:50]
    message.save(update_fields=["assigned_to", "department"])
    _log(
        message,
        "interaction.assign",
        user,
        assignee=assignee.pk if assignee else None,
        department=message.department,
    )
    return message


@transaction.atomic
def transfer(user, message, region, reason=""):
    require_handler(user, message)
    if region not in Region.values:
        raise CaseError("请选择要转交的地区。")
    if region == message.region:
        raise CaseError("留言已经在这个地区。")
    if message.status not in OPEN_STATUSES:
        raise CaseError("只有待受理或办理中的留言可以转交。")
    previous = message.region
    message.region = region
    # The new region's handlers pick it up; the old assignee may no longer see it.
    if message.assigned_to and not can_handle(message.assigned_to, message):
        message.assigned_to = None
    message.save(update_fields=["region", "assigned_to"])
    _log(message, "interaction.transfer", user, previous=previous, region=region, reason=reason[:200])
    return message


def record_personal_data_view(user, message):
    require_handler(user, message)
    _log(message, "interaction.personal_data_viewed", user)


def assignable_regions(user):
    if role_of(user) == SUPERVISOR:
        return set(Region.values)
    return regions_of(user)
