"""Union organisations (工会组织): a tree from the provincial federation down to grassroots unions.

Only the organisation's public facts are kept: no person's name, phone or address.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.urls import reverse

from search.segmentation import segment_for_index

from .vocab import (
    COUNTY_TO_PREFECTURE,
    INDUSTRIES,
    INDUSTRY_LABELS,
    LEVEL_LABELS,
    LEVELS,
    PREFECTURE_CHOICES,
    REGIONS,
    WORKER_GROUP_LABELS,
    WORKER_GROUPS,
)

CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9-]{1,39}$", "编码只能使用英文字母、数字和连字符，2-40 个字符，例如 XN-CB-001。"
)
# An office phone: digits with an optional area code and extension, or 12351.
PHONE_VALIDATOR = RegexValidator(
    r"^[0-9()（）\- 转]{5,30}$", "请填写单位办公电话，例如 0971-1234567；只能包含数字、括号、连字符和“转”。"
)


def parse_worker_groups(value):
    """'newforms,migrant' or '新就业形态劳动者、农民工' → ['newforms', 'migrant']; unknown → ValueError."""
    by_label = {label: code for code, label in WORKER_GROUPS}
    codes = []
    for item in str(value or "").replace("，", ",").replace("、", ",").split(","):
        item = item.strip()
        if not item:
            continue
        code = item if item in WORKER_GROUP_LABELS else by_label.get(item)
        if code is None:
            raise ValueError(f"未知的职工类别：{item}（可选：{'、'.join(WORKER_GROUP_LABELS.values())}）")
        if code not in codes:
            codes.append(code)
    return [code for code, _label in WORKER_GROUPS if code in codes]


def coordinate_field(label, limit):
    """A latitude or longitude in degrees, within ±limit (optional: many offices have none yet)."""
    return models.DecimalField(
        label,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
    )


class UnionOrganisationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_active=True)

    def subtree_of(self, organisations):
        """These organisations and everything below them."""
        condition = models.Q(pk__in=[])
        for organisation in organisations:
            condition |= models.Q(tree_path__startswith=organisation.tree_path)
        return self.filter(condition)


def organisation_search_text(organisation):
    """The segmenter's tokens of everything the directory shows of an organisation (its
    telephone and office hours included). Plain fields only, so that a data migration can
    rebuild it from historical rows."""
    groups = [WORKER_GROUP_LABELS.get(code, "") for code in organisation.worker_groups.split(",") if code]
    parts = [
        organisation.name,
        organisation.address,
        organisation.office_hours,
        organisation.phone,
        organisation.prefecture,
        organisation.county,
        INDUSTRY_LABELS.get(organisation.industry, ""),
        LEVEL_LABELS.get(organisation.level, ""),
        *groups,
    ]
    # Spaces around every token, so a condition `contains " 快递 "` matches whole tokens only.
    return f" {segment_for_index(' '.join(part for part in parts if part))} "


class UnionOrganisation(models.Model):
    code = models.CharField(
        "编码",
        max_length=40,
        unique=True,
        validators=[CODE_VALIDATOR],
        help_text="导入导出时用来识别同一组织，确定后不要修改；二维码链接也使用它。",
    )
    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=20, choices=LEVELS)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    prefecture = models.CharField(
        "市州",
        max_length=20,
        choices=PREFECTURE_CHOICES,
        blank=True,
        help_text="省总工会及省级产业工会留空。",
    )
    county = models.CharField("县区", max_length=30, blank=True)
    industry = models.CharField("行业", max_length=20, choices=INDUSTRIES, default="general")
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    phone = models.CharField("办公电话", max_length=30, blank=True, validators=[PHONE_VALIDATOR])
    worker_groups = models.CharField(
        "接收的职工类别",
        max_length=100,
        blank=True,
        help_text="以逗号分隔：" + "、".join(WORKER_GROUP_LABELS.values()),
    )
    accepts_online = models.BooleanField("接受网上入会申请", default=False)
    latitude = coordinate_field("纬度", 90)
    longitude = coordinate_field("经度", 180)
    is_active = models.BooleanField("公开显示", default=True)
    # Maintained on save: "/<root pk>/…/<own pk>/", for subtree queries in one condition.
    tree_path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    # Maintained on save: the segmenter's index tokens, space-delimited, for the reader's search.
    search_text = models.TextField(editable=False, default="")

    objects = UnionOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "工会组织"
        verbose_name_plural = "工会组织"
        ordering = ["tree_path"]
        indexes = [models.Index(fields=["prefecture", "county"]), models.Index(fields=["level"])]

    def __str__(self):
        return self.name

    # -- display -------------------------------------------------------------
    def get_level_display_text(self):
        return LEVEL_LABELS.get(self.level, self.level)

    @property
    def worker_group_codes(self):
        return [code for code in self.worker_groups.split(",") if code]

    @property
    def worker_group_labels(self):
        return [WORKER_GROUP_LABELS[code] for code in self.worker_group_codes if code in WORKER_GROUP_LABELS]

    @property
    def region_text(self):
        return " ".join(part for part in (self.prefecture, self.county) if part) or "全省"

    def get_absolute_url(self):
        return reverse("directory:organisation", args=[self.code])

    # -- validation ----------------------------------------------------------
    def clean(self):
        errors = {}
        if self.county:
            prefecture = COUNTY_TO_PREFECTURE.get(self.county)
            if prefecture is None:
                errors["county"] = f"“{self.county}”不是青海省的县区。"
            elif self.prefecture and prefecture != self.prefecture:
                errors["county"] = f"{self.county}属于{prefecture}，不属于{self.prefecture}。"
            elif not self.prefecture:
                self.prefecture = prefecture
        if self.prefecture and self.prefecture not in REGIONS:
            errors["prefecture"] = f"“{self.prefecture}”不是青海省的市州。"
        try:
            self.worker_groups = ",".join(parse_worker_groups(self.worker_groups))
        except ValueError as exc:
            errors["worker_groups"] = str(exc)
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = "经纬度要么都填，要么都不填。"
        if self.parent_id is not None and self.pk is not None:
            if self.parent_id == self.pk:
                errors["parent"] = "上级组织不能是它自己。"
            elif self.parent and self.tree_path and self.parent.tree_path.startswith(self.tree_path):
                errors["parent"] = "上级组织不能是它自己的下级组织。"
        if errors:
            raise ValidationError(errors)

    # -- derived columns -----------------------------------------------------
    def build_search_text(self):
        return organisation_search_text(self)

    def _own_tree_path(self):
        prefix = self.parent.tree_path if self.parent_id else "/"
        return f"{prefix}{self.pk}/"

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        with transaction.atomic():
            super().save(*args, **kwargs)
            path = self._own_tree_path()
            if path != self.tree_path:
                old = self.tree_path
                type(self).objects.filter(pk=self.pk).update(tree_path=path)
                self.tree_path = path
                if old:
                    self._move_descendants(old, path)

    def _move_descendants(self, old, new):
        for child in type(self).objects.filter(tree_path__startswith=old).exclude(pk=self.pk):
            type(self).objects.filter(pk=child.pk).update(tree_path=new + child.tree_path[len(old) :])

    def ancestors(self):
        ids = [int(part) for part in self.tree_path.strip("/").split("/") if part][:-1]
        found = type(self).objects.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]
