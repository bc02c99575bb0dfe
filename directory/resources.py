"""Bulk import and export of the directory (django-import-export; CSV and XLSX).

Columns carry Chinese headers and Chinese labels, as an administrator edits them in a
spreadsheet; codes are accepted too. Rows are matched by 编码, unchanged rows are skipped (so
importing the same file again changes nothing), every row is validated by the model's own
`full_clean()`, and the admin only offers to write when the whole file is valid. Export is
ordered parents first, so an exported file imports cleanly.
"""

from import_export import fields, resources, widgets

from .models import UnionOrganisation, parse_worker_groups
from .vocab import INDUSTRIES, LEVELS, WORKER_GROUP_LABELS


class ChoiceLabelWidget(widgets.Widget):
    """Writes a choice's label; reads its label or its code."""

    def __init__(self, choices, what, **kwargs):
        self.by_code = dict(choices)
        self.by_label = {label: code for code, label in choices}
        self.what = what
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value:
            return ""
        if value in self.by_code:
            return value
        if value in self.by_label:
            return self.by_label[value]
        raise ValueError(f"未知的{self.what}：{value}（可选：{'、'.join(self.by_label)}）")

    def render(self, value, obj=None, **kwargs):
        return self.by_code.get(value, value or "")


class WorkerGroupsWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return ",".join(parse_worker_groups(value))

    def render(self, value, obj=None, **kwargs):
        return "、".join(
            WORKER_GROUP_LABELS[code] for code in (value or "").split(",") if code in WORKER_GROUP_LABELS
        )


class YesNoWidget(widgets.Widget):
    YES = {"是", "1", "true", "yes", "y", "√"}
    NO = {"否", "0", "false", "no", "n", ""}

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().lower()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(f"请填写“是”或“否”，而不是“{value}”。")

    def render(self, value, obj=None, **kwargs):
        return "是" if value else "否"


class ParentWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(UnionOrganisation, "code")

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value:
            return None
        try:
            return self.model.objects.get(code__iexact=value)
        except self.model.DoesNotExist:
            raise ValueError(
                f"找不到编码为“{value}”的上级组织：上级组织须已在名录中，或在本文件中排在它的下级之前。"
            ) from None


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


def _field(attribute, column, widget=None):
    return fields.Field(attribute=attribute, column_name=column, widget=widget or TextWidget())


class UnionOrganisationResource(resources.ModelResource):
    code = _field("code", "编码")
    name = _field("name", "名称")
    level = _field("level", "层级", ChoiceLabelWidget(LEVELS, "层级"))
    parent = _field("parent", "上级组织编码", ParentWidget())
    prefecture = _field("prefecture", "市州")
    county = _field("county", "县区")
    industry = _field("industry", "行业", ChoiceLabelWidget(INDUSTRIES, "行业"))
    address = _field("address", "办公地址")
    office_hours = _field("office_hours", "办公时间")
    phone = _field("phone", "办公电话")
    worker_groups = _field("worker_groups", "接收的职工类别", WorkerGroupsWidget())
    accepts_online = _field("accepts_online", "接受网上入会", YesNoWidget())
    latitude = _field("latitude", "纬度", widgets.DecimalWidget())
    longitude = _field("longitude", "经度", widgets.DecimalWidget())
    is_active = _field("is_active", "公开显示", YesNoWidget())

    class Meta:
        model = UnionOrganisation
        import_id_fields = ("code",)
        fields = (
            "code",
            "name",
            "level",
            "parent",
            "prefecture",
            "county",
            "industry",
            "address",
            "office_hours",
            "phone",
            "worker_groups",
            "accepts_online",
            "latitude",
            "longitude",
            "is_active",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def get_import_id_fields(self):
        return ["code"]

    def get_instance(self, instance_loader, row):
        code = str(row.get("编码") or "").strip()
        if not code:
            return None
        return UnionOrganisation.objects.filter(code__iexact=code).first()

    def filter_export(self, queryset, **kwargs):
        return queryset.order_by("tree_path")

    def get_export_queryset(self, request=None, **kwargs):
        return UnionOrganisation.objects.select_related("parent").order_by("tree_path")
