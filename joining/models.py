"""Join applications (入会申请), their history, and which officer handles which organisations.

An application holds personal data (name, mobile, employer): only officers whose
organisation's subtree it falls in see it (see `scoping.py`), every view, export and
deletion is written to the audit log, and `purge_join_applications` empties the personal
fields of closed applications after JOINING_RETENTION_DAYS, keeping the anonymous rest.
No ID number is ever asked for or stored: real-name membership is completed by the union.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.models import optional_reference
from directory.vocab import INDUSTRIES, PREFECTURE_CHOICES

from .vocab import ETHNICITY_CHOICES, GENDERS, WORK_KINDS

# Receipt codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V — nothing a worker can misread or mistype.
RECEIPT_ALPHABET = "34679ACDEFGHJKMNPQRTWXY"
RECEIPT_LENGTH = 8  # 23**8 ≈ 7.8e10 codes: with rate-limited lookups not guessable


def new_receipt_code():
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def normalise_receipt_code(text):
    text = "".join(str(text or "").split()).replace("-", "").upper()
    return text[: RECEIPT_LENGTH + 4]


def format_receipt_code(code):
    return f"{code[:4]}-{code[4:]}" if code else ""


class Status(models.TextChoices):
    SUBMITTED = "submitted", "已提交"
    ACCEPTED = "accepted", "已受理"
    FORWARDED = "forwarded", "已转交基层工会"
    JOINED = "joined", "已入会"
    REJECTED = "rejected", "未通过"


OPEN_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.FORWARDED)
CLOSED_STATUSES = (Status.JOINED, Status.REJECTED)
# The way an application moves; a closed application does not move again.
TRANSITIONS = {
    Status.SUBMITTED: (Status.ACCEPTED, Status.REJECTED),
    Status.ACCEPTED: (Status.FORWARDED, Status.JOINED, Status.REJECTED),
    Status.FORWARDED: (Status.JOINED, Status.REJECTED),
    Status.JOINED: (),
    Status.REJECTED: (),
}
# Shown to the worker as the road of the application.
PROGRESS = [Status.SUBMITTED, Status.ACCEPTED, Status.FORWARDED, Status.JOINED]


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        # Written as "not closed" on purpose: with `status IN (three open values)` SQLite's planner
        # takes the status index and then sorts every open application by date for one page (the
        # queue's 未办结 filter: ~30,000 rows at 50,000 applications); "not closed" lets it walk the
        # date index and stop after a page. Same rows: every application has one of the five statuses.
        return self.exclude(status__in=CLOSED_STATUSES)

    def overdue(self, now=None):
        """Not yet contacted (still 已提交) after the first-contact deadline."""
        return self.filter(status=Status.SUBMITTED, first_contact_due__lt=now or timezone.now())


class Application(models.Model):
    receipt_code = models.CharField(
        "回执码", max_length=12, unique=True, default=new_receipt_code, editable=False
    )
    created_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    # Who
    name = models.CharField("姓名", max_length=30)
    mobile = models.CharField("手机号码", max_length=11, db_index=True)
    gender = models.CharField("性别", max_length=10, choices=GENDERS)
    ethnicity = models.CharField("民族", max_length=10, choices=ETHNICITY_CHOICES, blank=True)
    # Work
    employer = models.CharField("工作单位或平台", max_length=100)
    work_kind = models.CharField("工作类型", max_length=20, choices=WORK_KINDS)
    prefecture = models.CharField("市州", max_length=20, choices=PREFECTURE_CHOICES)
    county = models.CharField("县区", max_length=30, blank=True)
    industry = models.CharField("行业", max_length=20, choices=INDUSTRIES)
    # Which union: None means 请帮我匹配 (the region's federation matches one).
    organisation = models.ForeignKey(
        "directory.UnionOrganisation",
        verbose_name="申请加入的工会",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    via_qr = models.BooleanField("通过组织二维码进入", default=False)
    consent_at = models.DateTimeField("同意隐私声明时间")
    # Handling
    # Indexed together with created_at (Meta.indexes): one status, newest first, without a sort.
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    assigned_to = optional_reference(settings.AUTH_USER_MODEL, "经办人")
    first_contact_due = models.DateTimeField("首次联系期限", null=True, blank=True, db_index=True)
    first_contacted_at = models.DateTimeField("首次联系时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True, db_index=True)
    # Shown to the worker when the application was not accepted.
    reason = models.CharField("未通过原因", max_length=500, blank=True)
    anonymised_at = models.DateTimeField("个人信息删除时间", null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "入会申请"
        verbose_name_plural = "入会申请"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="joining_app_status_created")]
        permissions = [
            ("handle_application", "受理入会申请（限本组织及下级）"),
            ("handle_all_applications", "受理全部入会申请（不限组织）"),
        ]

    def __str__(self):
        # Audit-log labels: never the applicant's name.
        return f"入会申请 {format_receipt_code(self.receipt_code)}"

    @property
    def receipt_display(self):
        return format_receipt_code(self.receipt_code)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self):
        return (
            self.status == Status.SUBMITTED
            and self.first_contact_due is not None
            and self.first_contact_due < timezone.now()
        )

    def allowed_transitions(self):
        return TRANSITIONS[Status(self.status)]

    @property
    def masked_mobile(self):
        return f"{self.mobile[:3]}****{self.mobile[-4:]}" if len(self.mobile) == 11 else ""


class ApplicationEvent(models.Model):
    """One step of an application's history: a status change, an assignment or a note."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(default=timezone.now)
    actor = optional_reference(settings.AUTH_USER_MODEL)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    comment = models.TextField("说明", max_length=1000, blank=True)
    # Shown to the worker on the lookup page.
    public = models.BooleanField("对申请人显示", default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"

    def __str__(self):
        return f"{self.application} · {self.get_to_status_display() or '记录'}"


class OfficerAssignment(models.Model):
    """An officer (入会受理员) handles applications to this organisation and everything below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="joining_assignments"
    )
    organisation = models.ForeignKey(
        "directory.UnionOrganisation", on_delete=models.CASCADE, related_name="officer_assignments"
    )

    class Meta:
        verbose_name = "入会受理员负责范围"
        verbose_name_plural = "入会受理员负责范围"
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="joining_unique_assignment")
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation}"
