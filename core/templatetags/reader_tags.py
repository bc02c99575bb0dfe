"""Template tags for readers' display choices (关怀模式, text size)."""

from django import template

from core.display import TEXT_SIZES, reader_display

register = template.Library()

TEXT_SIZE_LABELS = {"large": "大", "medium": "中", "small": "小"}


@register.simple_tag(takes_context=True)
def display_choices(context):
    """{"care_mode": bool, "text_size": str} from the reader's cookies."""
    return reader_display(context.get("request"))


@register.simple_tag(takes_context=True)
def text_size_options(context):
    """(value, label, is_current) for the 大/中/小 switch, largest first as Chinese sites show it."""
    current = reader_display(context.get("request"))["text_size"]
    return [(size, TEXT_SIZE_LABELS[size], size == current) for size in reversed(TEXT_SIZES)]
