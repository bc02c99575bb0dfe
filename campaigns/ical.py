"""iCalendar (RFC 5545) downloads of a campaign's events.

Built with the `icalendar` library, so folding, escaping of commas,
semicolons and newlines, and UTF-8 are handled by code that calendar
programs have been tested against. Times carry TZID=Asia/Shanghai with a
VTIMEZONE for it (China has kept UTC+8 without daylight saving since 1991).
"""

import datetime
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone

CALENDAR_TZ_NAME = "Asia/Shanghai"
PRODID = "-//qhgh//campaigns 1.0//ZH-CN"


def shanghai_timezone_component():
    """A VTIMEZONE for Asia/Shanghai valid for every date the site deals with."""
    # icalendar is imported by the three builders, not at start-up: only calendar downloads need it.
    from icalendar import Timezone, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", CALENDAR_TZ_NAME)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime.datetime(1992, 1, 1, 0, 0, 0))
    standard.add("tzoffsetfrom", datetime.timedelta(hours=8))
    standard.add("tzoffsetto", datetime.timedelta(hours=8))
    standard.add("tzname", "CST")
    tz.add_component(standard)
    return tz


def event_component(event, request, campaign, dtstamp, host):
    from icalendar import Event

    local = ZoneInfo(CALENDAR_TZ_NAME)
    component = Event()
    # UID: globally unique and stable across downloads, so updates replace the entry.
    component.add("uid", f"campaign-event-{event.uid}@{host}")
    component.add("dtstamp", dtstamp)
    component.add("dtstart", event.starts_at.astimezone(local))
    component.add("dtend", event.ends_at.astimezone(local))
    component.add("summary", event.title)
    if event.place:
        component.add("location", event.place)
    page_url = request.build_absolute_uri(campaign.url) if campaign.url else ""
    description = event.description.strip()
    if event.signup_page_id and event.signup_page and event.signup_page.live:
        signup_url = request.build_absolute_uri(event.signup_page.url)
        description = f"{description}\n报名：{signup_url}".strip()
    description = f"{description}\n所属专题：{campaign.title}".strip()
    component.add("description", description)
    if page_url:
        component.add("url", page_url)
    if campaign.last_published_at:
        component.add("last-modified", campaign.last_published_at.astimezone(datetime.UTC))
    return component


def build_calendar(request, campaign, events):
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", campaign.title)
    calendar.add("x-wr-timezone", CALENDAR_TZ_NAME)
    calendar.add_component(shanghai_timezone_component())
    dtstamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    host = request.get_host().split(":")[0] or "localhost"
    for event in events:
        calendar.add_component(event_component(event, request, campaign, dtstamp, host))
    return calendar


def calendar_response(request, campaign, events, filename):
    calendar = build_calendar(request, campaign, events)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
