"""StreamField blocks shared across page types. Each renders through its own
template under templates/components/blocks/."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an external address."""

    title = blocks.CharBlock(label="标题", max_length=40)
    page = blocks.PageChooserBlock(label="站内页面", required=False)
    url = blocks.URLBlock(label="外部链接", required=False)

    class Meta:
        label = "链接"
        icon = "link"
        template = "components/blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("请选择站内页面或填写外部链接。")}
            )
        return value


class ServiceEntryBlock(LinkBlock):
    """A service shortcut on the home page, such as 12351 热线 or 网上入会."""

    description = blocks.CharBlock(label="说明", max_length=60, required=False)

    class Meta:
        label = "服务入口"
        icon = "pick"
        template = "components/blocks/service_entry.html"


class CaptionedImageBlock(blocks.StructBlock):
    """Image with alt text (from ImageBlock) and a visible caption."""

    image = ImageBlock(label="图片")
    caption = blocks.CharBlock(label="图注", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "图片"
        template = "components/blocks/image.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="标题文字", max_length=80)
    level = blocks.ChoiceBlock(label="级别", choices=[("h2", "二级标题"), ("h3", "三级标题")], default="h2")

    class Meta:
        label = "小标题"
        icon = "title"
        template = "components/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="引文")
    attribution = blocks.CharBlock(label="出处", required=False, max_length=80)

    class Meta:
        label = "引用"
        icon = "openquote"
        template = "components/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(label="显示名称", required=False, max_length=120)

    class Meta:
        label = "附件"
        icon = "doc-full"
        template = "components/blocks/document.html"


class BodyStreamBlock(blocks.StreamBlock):
    """Body content of articles, standard pages and profiles."""

    paragraph = blocks.RichTextBlock(
        label="段落",
        features=["bold", "italic", "link", "ol", "ul", "superscript", "subscript"],
        template="components/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label="表格", template="components/blocks/table.html")
    document = DocumentBlock()
