"""Presentation helpers for campaign pages."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def figure_number(value):
    """12345 -> "12,345", 12.50 -> "12.5": figures read like the ones in print."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


@register.simple_tag
def event_time_range(event):
    """ "2026年11月25日 09:30–11:30" or, across days, both dates in full."""
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    start_text = f"{start.year}年{start.month}月{start.day}日 {start:%H:%M}"
    if start.date() == end.date():
        return f"{start_text}–{end:%H:%M}"
    return f"{start_text} 至 {end.year}年{end.month}月{end.day}日 {end:%H:%M}"
