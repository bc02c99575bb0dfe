"""12351 留言/求助: the worker's message, the union's replies and internal notes, attachments,
and which handler looks after which region.

Personal data (name, mobile, the text, attachments) is seen only by the handling groups of the
message's region (see `interaction.access`) and is stripped by `interaction_retention` once a
closed case is older than the retention period; the anonymous facts (category, region, dates,
status, rating) stay for the statistics.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core import workdays
from core.models import optional_reference
from core.regions import PREFECTURES

from ..storage import private_storage

# No 0/O, 1/I/L: a code read out over the phone or copied by hand stays unambiguous.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10  # 31**10 ≈ 8·10^14: not guessable within any rate limit


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw):
    """What a worker types (lower case, spaces, hyphens) to the stored form."""
    text = "".join(str(raw or "").split()).replace("-", "").upper()
    return text[: CODE_LENGTH + 5]


class Category(models.TextChoices):
    DISPUTE = "dispute", "劳动争议"
    WAGES = "wages", "工资拖欠"
    INJURY = "injury", "工伤"
    LEGAL = "legal", "法律咨询"
    HARDSHIP = "hardship", "困难帮扶"
    MEMBERSHIP = "membership", "入会咨询"
    SUGGESTION = "suggestion", "意见建议"
    OTHER = "other", "其他"


# The 8 市州 from the one list (core/regions.py), by code, then the two lists outside them.
Region = models.TextChoices(
    "Region",
    [(prefecture.code.upper(), (prefecture.code, prefecture.name)) for prefecture in PREFECTURES]
    + [("PROVINCIAL", ("provincial", "省直")), ("CENTRAL", ("central", "中央驻青"))],
)


class Status(models.TextChoices):
    SUBMITTED = "submitted", "待受理"
    ACCEPTED = "accepted", "办理中"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已办结"
    SPAM = "spam", "垃圾信息"
    INVALID = "invalid", "无效留言"


OPEN_STATUSES = (Status.SUBMITTED, Status.ACCEPTED)


class Satisfaction(models.IntegerChoices):
    SATISFIED = 3, "满意"
    PARTLY = 2, "基本满意"
    UNSATISFIED = 1, "不满意"


def first_response_days():
    return int(getattr(settings, "INTERACTION_FIRST_RESPONSE_DAYS", 3))


def answer_days():
    return int(getattr(settings, "INTERACTION_ANSWER_DAYS", 15))


def due_soon_days():
    return int(getattr(settings, "INTERACTION_DUE_SOON_DAYS", 2))


def overdue_condition(now):
    """Open cases past a deadline they have not met (first response or answer)."""
    return Q(status__in=OPEN_STATUSES) & (
        Q(first_responded_at__isnull=True, first_response_due__lt=now)
        | Q(answered_at__isnull=True, answer_due__lt=now)
    )


def due_soon_condition(now, days=None):
    """Open cases, not overdue, whose pending deadline falls within `days` (default 2) days."""
    until = now + datetime.timedelta(days=due_soon_days() if days is None else days)
    return (
        Q(status__in=OPEN_STATUSES)
        & (
            Q(first_responded_at__isnull=True, first_response_due__gte=now, first_response_due__lte=until)
            | Q(answered_at__isnull=True, answer_due__gte=now, answer_due__lte=until)
        )
        & ~overdue_condition(now)
    )


def without_deadline_condition():
    """Open cases whose deadline could not be counted: the calendar lacks their year."""
    return Q(status__in=OPEN_STATUSES) & (Q(first_response_due__isnull=True) | Q(answer_due__isnull=True))


class MessageQuerySet(models.QuerySet):
    def overdue(self, now=None):
        return self.filter(overdue_condition(now or timezone.now()))

    def due_soon(self, now=None, days=None):
        return self.filter(due_soon_condition(now or timezone.now(), days))

    def without_deadline(self):
        return self.filter(without_deadline_condition())


class Message(models.Model):
    code = models.CharField("受理编号", max_length=16, unique=True, default=new_code, editable=False)
    category = models.CharField("类别", max_length=20, choices=Category.choices)
    region = models.CharField("所在地区", max_length=20, choices=Region.choices, db_index=True)
    title = models.CharField("标题", max_length=100)
    description = models.TextField("具体内容", max_length=3000)
    name = models.CharField("姓名", max_length=40)
    mobile = models.CharField("手机号码", max_length=11)
    publish_consent = models.BooleanField("同意公开答复", default=False)

    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    status_reason = models.CharField("标记原因", max_length=200, blank=True)
    assigned_to = optional_reference(settings.AUTH_USER_MODEL, "承办人")
    department = models.CharField("承办部门", max_length=50, blank=True)

    created_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    first_response_due = models.DateTimeField("首次回应期限", null=True, blank=True, db_index=True)
    answer_due = models.DateTimeField("答复期限", null=True, blank=True, db_index=True)
    first_responded_at = models.DateTimeField("首次回应时间", null=True, blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField("重新办理次数", default=0)

    satisfaction = models.PositiveSmallIntegerField(
        "满意度", choices=Satisfaction.choices, null=True, blank=True
    )
    rated_at = models.DateTimeField("评价时间", null=True, blank=True)

    # Recognises the same message sent twice within minutes (hash of mobile and text).
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    anonymised_at = models.DateTimeField("个人信息清除时间", null=True, blank=True)

    objects = MessageQuerySet.as_manager()
    editor_managed = False

    class Meta:
        verbose_name = "职工留言"
        verbose_name_plural = "职工留言"
        ordering = ["-created_at"]
        permissions = [
            ("handle_message", "受理本地区的职工留言"),
            ("supervise_message", "督办全部地区的职工留言"),
        ]
        indexes = [
            models.Index(fields=["region", "status", "created_at"]),
            # Holds every column the statistics count (interaction/stats.py), so a year's report
            # reads this index alone instead of each message's row (2.4 s → 0.4 s at 100,000 on SQLite).
            models.Index(
                fields=[
                    "created_at",
                    "status",
                    "category",
                    "first_responded_at",
                    "answered_at",
                    "answer_due",
                    "satisfaction",
                ],
                name="interaction_stats_cover",
            ),
        ]

    def __str__(self):
        # Shown in the audit log: the code only, never the worker's words.
        return f"留言 {self.code}"

    def compute_deadlines(self):
        """Fill in the working-day deadlines; a year the calendar does not know leaves them empty
        (the dashboard lists such cases) instead of counting plain weekdays."""
        try:
            self.first_response_due = workdays.deadline_after(self.created_at, first_response_days())
            self.answer_due = workdays.deadline_after(self.created_at, answer_days())
        except workdays.UnknownYear:
            return False
        return True

    def save(self, *args, **kwargs):
        if self._state.adding and (self.first_response_due is None or self.answer_due is None):
            self.compute_deadlines()
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None):
        now = now or timezone.now()
        if not self.is_open:
            return False
        if self.first_responded_at is None and self.first_response_due and self.first_response_due < now:
            return True
        return bool(self.answered_at is None and self.answer_due and self.answer_due < now)

    def next_due(self):
        if not self.is_open:
            return None
        if self.first_responded_at is None:
            return self.first_response_due
        if self.answered_at is None:
            return self.answer_due
        return None

    @property
    def answered_in_time(self):
        return bool(self.answered_at and self.answer_due and self.answered_at <= self.answer_due)

    def masked_mobile(self):
        return f"{self.mobile[:3]}****{self.mobile[-4:]}" if len(self.mobile) == 11 else ""

    def masked_name(self):
        return f"{self.name[:1]}**" if self.name else ""


class CaseEntry(models.Model):
    """A text a handler adds to a case: who wrote it and when, in the order written."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    entry_name = ""  # 答复, 备注: what __str__ calls it

    def __str__(self):
        return f"{self.entry_name} #{self.pk}"


class Reply(CaseEntry):
    """What the worker reads on the lookup page."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField("答复内容", max_length=5000)
    is_final = models.BooleanField("正式答复", default=True)
    entry_name = "答复"

    class Meta(CaseEntry.Meta):
        verbose_name = "答复"
        verbose_name_plural = "答复"


class Note(CaseEntry):
    """Internal: the worker never sees it."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="notes")
    body = models.TextField("内部备注", max_length=3000)
    entry_name = "备注"

    class Meta(CaseEntry.Meta):
        verbose_name = "内部备注"
        verbose_name_plural = "内部备注"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to="interaction/%Y/%m/", max_length=200)
    original_name = models.CharField("原文件名", max_length=120)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["pk"]

    def __str__(self):
        return f"附件 #{self.pk}"


class HandlerRegion(models.Model):
    """A 维权受理员 sees and handles the messages of the regions assigned here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="受理员",
        on_delete=models.CASCADE,
        related_name="interaction_regions",
    )
    region = models.CharField("负责地区", max_length=20, choices=Region.choices)
    editor_managed = False

    class Meta:
        verbose_name = "受理员负责地区"
        verbose_name_plural = "受理员负责地区"
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="interaction_handler_region")]

    def __str__(self):
        return f"{self.user} · {self.get_region_display()}"


class ErrorKind(models.TextChoices):
    TYPO = "typo", "错别字"
    BROKEN_LINK = "link", "链接失效"
    OUTDATED = "outdated", "内容过时"
    OTHER = "other", "其他"


class ErrorStatus(models.TextChoices):
    SUBMITTED = "submitted", "待处理"
    ANSWERED = "answered", "已答复"
    INVALID = "invalid", "无效报告"


def error_report_days():
    return int(getattr(settings, "INTERACTION_ERROR_REPORT_DAYS", 3))


class ErrorReport(models.Model):
    """我为网站找错: a reader's report of an error on a page, answered by the site administrators
    within INTERACTION_ERROR_REPORT_DAYS (3) working days."""

    code = models.CharField("受理编号", max_length=16, unique=True, default=new_code, editable=False)
    page_url = models.CharField("出错页面", max_length=500)
    kind = models.CharField("问题类型", max_length=20, choices=ErrorKind.choices)
    description = models.TextField("问题描述", max_length=1000)
    contact = models.CharField("联系方式", max_length=100, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=ErrorStatus.choices, default=ErrorStatus.SUBMITTED, db_index=True
    )
    created_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    due = models.DateTimeField("答复期限", null=True, blank=True, db_index=True)
    answer = models.TextField("答复", blank=True, max_length=2000)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    answered_by = optional_reference(settings.AUTH_USER_MODEL)
    editor_managed = False

    class Meta:
        verbose_name = "网站纠错"
        verbose_name_plural = "网站纠错"
        ordering = ["-created_at"]
        permissions = [("handle_errorreport", "处理“我为网站找错”报告")]

    def __str__(self):
        return f"纠错 {self.code}"

    def save(self, *args, **kwargs):
        if self._state.adding and self.due is None:
            try:
                self.due = workdays.deadline_after(self.created_at, error_report_days())
            except workdays.UnknownYear:
                self.due = None
        super().save(*args, **kwargs)

    def is_overdue(self, now=None):
        return bool(self.status == ErrorStatus.SUBMITTED and self.due and self.due < (now or timezone.now()))
