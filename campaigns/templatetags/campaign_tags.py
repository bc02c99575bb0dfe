"""Presentation helpers for campaign pages."""

import json
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

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


@register.simple_tag(takes_context=True)
def campaign_events_json_ld(context, campaign, events):
    """schema.org Event data for search engines, one entry per upcoming event."""
    request = context.get("request")
    if not events or request is None:
        return ""
    organiser = campaign.organiser
    items = []
    for event in events:
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "startDate": timezone.localtime(event.starts_at).isoformat(),
            "endDate": timezone.localtime(event.ends_at).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "url": request.build_absolute_uri(campaign.url),
            "superEvent": {"@type": "Event", "name": campaign.title},
        }
        if event.place:
            item["location"] = {"@type": "Place", "name": event.place, "address": event.place}
        if event.description:
            item["description"] = event.description
        if organiser:
            item["organizer"] = {"@type": "Organization", "name": organiser}
        items.append(item)
    # "<" escaped so no text can close the script element.
    payload = json.dumps(items, ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
