"""StreamField blocks of a campaign page: key figures and the milestone timeline."""

from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    """One progress figure, e.g. 新发展会员 12,345 人（截至 2026-10-31，来源：组织部）."""

    label = blocks.CharBlock(label="指标名称", max_length=40)
    value = blocks.DecimalBlock(label="数值", max_digits=14, decimal_places=2)
    unit = blocks.CharBlock(label="单位", max_length=10, required=False, help_text="例如 人、家、个、万元")
    as_of = blocks.DateBlock(label="统计截至", required=False)
    source = blocks.CharBlock(label="数据来源", max_length=60, required=False)

    class Meta:
        label = "关键数据"
        icon = "order"
        template = "components/campaigns/key_figure.html"


class MilestoneBlock(blocks.StructBlock):
    """A step on the timeline; whether it is reached follows from its date."""

    date = blocks.DateBlock(label="日期")
    title = blocks.CharBlock(label="节点", max_length=60)
    description = blocks.TextBlock(label="说明", required=False, max_length=300)

    class Meta:
        label = "时间节点"
        icon = "date"
        template = "components/campaigns/milestone.html"


class KeyFiguresBlock(blocks.StreamBlock):
    figure = KeyFigureBlock()

    class Meta:
        max_num = 8


class MilestonesBlock(blocks.StreamBlock):
    milestone = MilestoneBlock()
