"""站点巡查's records: section update rules, link results and where they occur, wording hits,
runs (with the lock) and the last colour of each indicator."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.models import optional_reference

UPDATE_NEWS = "news"
UPDATE_NOTICE = "notice"
UPDATE_EXEMPT = "exempt"
UPDATE_CLASSES = [
    (UPDATE_NEWS, "动态类（默认 14 天）"),
    (UPDATE_NOTICE, "通知公告/政策类（默认 180 天）"),
    (UPDATE_EXEMPT, "不考核"),
]


class SectionRule(models.Model):
    """An editor's choice for one section; sections without a row follow the defaults."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name="栏目", on_delete=models.CASCADE, related_name="inspection_rule"
    )
    update_class = models.CharField("更新类别", max_length=10, choices=UPDATE_CLASSES)
    days = models.PositiveIntegerField(
        "更新周期（天）",
        null=True,
        blank=True,
        help_text="留空时按类别的默认周期（动态类 14 天，通知公告类 180 天）。",
    )
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "栏目更新规则"
        verbose_name_plural = "栏目更新规则"

    def __str__(self):
        return f"{self.page.title}：{self.get_update_class_display()}"


class LinkResult(models.Model):
    """The last check of one link target (a URL, or page:/document:/image: for internal targets)."""

    OK = "ok"
    BROKEN = "broken"
    MALFORMED = "malformed"
    SKIPPED = "skipped"
    STATES = [(OK, "正常"), (BROKEN, "失效"), (MALFORMED, "格式错误"), (SKIPPED, "不检查")]

    target = models.CharField("链接", max_length=2000)
    target_hash = models.CharField(max_length=64, unique=True)
    external = models.BooleanField("外部链接", default=False)
    state = models.CharField("状态", max_length=10, choices=STATES, default=OK)
    http_status = models.PositiveSmallIntegerField("HTTP 状态码", null=True, blank=True)
    message = models.CharField("说明", max_length=300, blank=True)
    checked_at = models.DateTimeField("检查时间", null=True, blank=True)
    first_broken_at = models.DateTimeField("发现失效时间", null=True, blank=True, db_index=True)
    fixed_at = models.DateTimeField("修复时间", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "链接检查结果"
        verbose_name_plural = "链接检查结果"

    def __str__(self):
        return self.target


class LinkOccurrence(models.Model):
    """Where a link is: a page (with its last editor) or a snippet."""

    link = models.ForeignKey(LinkResult, on_delete=models.CASCADE, related_name="occurrences")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField("所在位置", max_length=200)
    source_key = models.CharField(max_length=120, db_index=True)
    field = models.CharField("字段", max_length=100, blank=True)
    editor = optional_reference(settings.AUTH_USER_MODEL)

    class Meta:
        verbose_name = "链接位置"
        verbose_name_plural = "链接位置"

    def __str__(self):
        return f"{self.source} · {self.field}"


class WordingHit(models.Model):
    """A house-style finding in published content, kept while it stays; `fixed_at` when it went."""

    source_key = models.CharField(max_length=120, db_index=True)
    source = models.CharField("所在位置", max_length=200)
    page = optional_reference("wagtailcore.Page")
    field = models.CharField("字段", max_length=100)
    rule = models.CharField("规则", max_length=40)
    text = models.CharField("原文", max_length=200)
    suggestion = models.CharField("建议", max_length=300, blank=True)
    context = models.CharField("上下文", max_length=300, blank=True)
    serious = models.BooleanField("严重", default=False)
    found_at = models.DateTimeField("发现时间", default=timezone.now, db_index=True)
    fixed_at = models.DateTimeField("修复时间", null=True, blank=True, db_index=True)
    alerted = models.BooleanField(default=False)

    class Meta:
        verbose_name = "用语问题"
        verbose_name_plural = "用语问题"
        indexes = [models.Index(fields=["source_key", "fixed_at"])]

    def __str__(self):
        return f"{self.source}：{self.text}"


class InspectionRun(models.Model):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STATES = [(RUNNING, "进行中"), (DONE, "完成"), (FAILED, "中断")]

    started_at = models.DateTimeField("开始", default=timezone.now)
    finished_at = models.DateTimeField("结束", null=True, blank=True)
    state = models.CharField("状态", max_length=10, choices=STATES, default=RUNNING)
    stage = models.CharField("阶段", max_length=20, blank=True)
    checkpoint = models.BigIntegerField("已处理到的页面编号", default=0)
    summary = models.JSONField("结果", default=dict, blank=True)

    class Meta:
        verbose_name = "巡查记录"
        verbose_name_plural = "巡查记录"
        ordering = ["-started_at"]

    def __str__(self):
        return f"巡查 {self.started_at:%Y-%m-%d %H:%M}"


class InspectionLock(models.Model):
    """One row per lock name while a run holds it: the unique name makes a second holder fail,
    in any process that shares the database."""

    name = models.CharField(max_length=50, unique=True)
    acquired_at = models.DateTimeField(default=timezone.now)
    holder = models.CharField(max_length=100, blank=True)

    def __str__(self):
        return self.name


class IndicatorState(models.Model):
    """The last colour of each indicator, so a veto turning red alerts once."""

    key = models.CharField(max_length=40, unique=True)
    colour = models.CharField(max_length=10)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.key}: {self.colour}"
