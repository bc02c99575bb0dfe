"""Turn a page (any page type) into the text fields the house-style check reads.

Checked: the title, the plain text fields listed in `TEXT_FIELD_NAMES` when the
page type has them, every StreamField and RichTextField (rich text with its HTML
stripped, captions, quotes, headings, table cells) and the alternative text of
every image. A page type can add its own fields with a `house_style_fields()`
method returning more `TextField`s.
"""

import html
import re

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock

from .checker import TextField

# Plain text fields written by the newsroom (reprint metadata such as original_title is
# someone else's wording and is not corrected).
TEXT_FIELD_NAMES = ["kicker", "subtitle", "summary", "intro", "lead_image_caption", "search_description"]

BLOCK_TAGS = re.compile(r"</?(p|br|li|ul|ol|h[1-6]|div|blockquote|tr|td|th)\b[^>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]+>")
EMBEDDED_IMAGE = re.compile(r"<embed\b[^>]*embedtype=\"image\"[^>]*>", re.IGNORECASE)
ALT_ATTRIBUTE = re.compile(r"\balt=\"([^\"]*)\"", re.IGNORECASE)


def strip_html(source):
    text = BLOCK_TAGS.sub("\n", source or "")
    text = ANY_TAG.sub("", text)
    return html.unescape(text).strip()


def page_text_fields(page):
    """All text fields of `page` (a specific page or revision object)."""
    fields = [TextField("title", "标题", getattr(page, "title", "") or "", kind="title")]
    model_fields = {f.name: f for f in page._meta.get_fields() if hasattr(f, "verbose_name")}
    for name in TEXT_FIELD_NAMES:
        if name in model_fields and getattr(page, name, None):
            fields.append(TextField(name, str(model_fields[name].verbose_name), getattr(page, name)))
    lead_image = getattr(page, "lead_image", None)
    if lead_image is not None:
        # The page's own alt text field when the type has one, else the image's description.
        alt = getattr(page, "lead_image_alt", "") or lead_image.description
        fields.append(TextField("lead_image_alt", "主图替代文字", alt, kind="alt"))
    for model_field in page._meta.concrete_fields:
        label = str(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            value = getattr(page, model_field.name)
            fields.extend(_stream_fields(model_field.stream_block, value, model_field.name, label))
        elif isinstance(model_field, RichTextField):
            fields.extend(_rich_text_fields(getattr(page, model_field.name), model_field.name, label))
    extra = getattr(page, "house_style_fields", None)
    if callable(extra):
        fields.extend(extra())
    return fields


def _rich_text_fields(source, name, label):
    source = getattr(source, "source", source) or ""
    fields = [TextField(name, label, strip_html(source))]
    for number, embed in enumerate(EMBEDDED_IMAGE.findall(source), start=1):
        alt = ALT_ATTRIBUTE.search(embed)
        fields.append(
            TextField(
                f"{name}.image{number}",
                f"{label}中的第 {number} 张图片",
                alt.group(1) if alt else "",
                kind="alt",
            )
        )
    return fields


def _stream_fields(block, value, name, label):
    """Walk a block value, yielding TextFields named by their path in the stream."""
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        found = []
        for number, child in enumerate(value, start=1):
            child_label = f"{label} · 第 {number} 块（{child.block.label}）"
            found.extend(_stream_fields(child.block, child.value, f"{name}.{number}", child_label))
        return found
    if isinstance(block, blocks.ListBlock):
        found = []
        for number, item in enumerate(value, start=1):
            found.extend(
                _stream_fields(block.child_block, item, f"{name}.{number}", f"{label} · 第 {number} 项")
            )
        return found
    if isinstance(block, ImageBlock):
        if getattr(value, "decorative", False):
            return []
        return [
            TextField(
                f"{name}.alt",
                f"{label} · 替代文字",
                getattr(value, "contextual_alt_text", "") or "",
                kind="alt",
            )
        ]
    if isinstance(block, blocks.StructBlock):
        found = []
        for child_name, child_block in block.child_blocks.items():
            child_label = f"{label} · {child_block.label}"
            found.extend(
                _stream_fields(child_block, value.get(child_name), f"{name}.{child_name}", child_label)
            )
        return found
    if isinstance(block, blocks.RichTextBlock):
        return _rich_text_fields(value, name, label)
    if isinstance(block, TableBlock):
        rows = (value or {}).get("data") or []
        text = "\n".join("\t".join(str(cell) for cell in row if cell) for row in rows)
        return [TextField(name, label, text)] if text.strip() else []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        kind = "caption" if name.endswith("caption") else "text"
        return [TextField(name, label, value, kind=kind)] if value else []
    return []
