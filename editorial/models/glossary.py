"""The house-style glossary, managed by editors as snippets."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max

from editorial import checker

# One variant a line (semicolons also separate). Not 、 or ，: they belong to official wording
# ("省总工会党组书记、主席"), and splitting there turned parts of correct formulas into variants.
VARIANT_SEPARATORS = re.compile(r"[\n\r;；]+")


class GlossaryEntry(models.Model):
    KIND_PREFERRED = "preferred"
    KIND_OFFICIAL_NAME = "official"
    KIND_BANNED = "banned"
    KIND_CAUTION = "caution"
    KIND_CHOICES = [
        (KIND_PREFERRED, "规范用语"),
        (KIND_OFFICIAL_NAME, "规范名称（领导职务、工会机构、活动名称）"),
        (KIND_BANNED, "禁用词"),
        (KIND_CAUTION, "慎用词"),
    ]
    RULES = {
        KIND_PREFERRED: checker.RULE_PREFERRED,
        KIND_OFFICIAL_NAME: checker.RULE_OFFICIAL_NAME,
        KIND_BANNED: checker.RULE_BANNED,
        KIND_CAUTION: checker.RULE_CAUTION,
    }

    kind = models.CharField("类别", max_length=20, choices=KIND_CHOICES, default=KIND_PREFERRED)
    term = models.CharField(
        "规范写法",
        max_length=100,
        blank=True,
        help_text="应当使用的写法。禁用词可留空；慎用词可填写建议的替代说法。",
    )
    variants = models.TextField(
        "需纠正的写法",
        help_text="检查时要找出的写法，每行一个（顿号、逗号是写法的一部分，不作分隔）。禁用词、慎用词填写词语本身。",
    )
    reason = models.CharField("理由", max_length=300, blank=True)
    active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "规范用语词条"
        verbose_name_plural = "规范用语词表"
        ordering = ["kind", "term"]

    def __str__(self):
        return self.term or "、".join(self.variant_list()[:3])

    def variant_list(self):
        return [item.strip() for item in VARIANT_SEPARATORS.split(self.variants or "") if item.strip()]

    def clean(self):
        variants = self.variant_list()
        if not variants:
            raise ValidationError({"variants": "请至少填写一个需要找出的写法。"})
        if self.kind in (self.KIND_PREFERRED, self.KIND_OFFICIAL_NAME):
            if not self.term:
                raise ValidationError({"term": "规范用语和规范名称必须填写规范写法。"})
            if self.term in variants:
                raise ValidationError({"variants": "需纠正的写法不能与规范写法相同。"})

    def to_terms(self):
        rule = self.RULES[self.kind]
        severity = checker.WARNING if self.kind == self.KIND_CAUTION else checker.ERROR
        return [
            checker.Term(wrong=variant, preferred=self.term, rule=rule, reason=self.reason, severity=severity)
            for variant in self.variant_list()
        ]


_compiled = {}


def active_glossary():
    """The compiled glossary, rebuilt only when an entry changed (one small query per call)."""
    stamp = GlossaryEntry.objects.filter(active=True).aggregate(count=Count("id"), changed=Max("updated_at"))
    key = (stamp["count"], stamp["changed"], GlossaryEntry.objects.count())
    if _compiled.get("key") != key:
        terms = []
        for entry in GlossaryEntry.objects.filter(active=True).only("kind", "term", "variants", "reason"):
            terms.extend(entry.to_terms())
        _compiled["key"] = key
        _compiled["glossary"] = checker.Glossary(terms)
    return _compiled["glossary"]


def forget_compiled_glossary():
    _compiled.clear()
