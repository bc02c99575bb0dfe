"""iCalendar downloads, checked with the `icalendar` parser calendar programs rely on."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.factories import CampaignFactory, local_datetime

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.ics"')
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return [component for component in calendar.walk("VEVENT")]


def test_campaign_calendar_has_every_event_with_uid_dtstamp_and_local_times(client, campaign):
    calendar = parse(client.get(campaign.calendar_url()))
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    events = events_of(calendar)
    assert {str(event["SUMMARY"]) for event in events} == {"建筑工地入会服务日", "启动仪式"}
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 2 and all("@testserver" in uid for uid in uids)
    for event in events:
        assert event["DTSTAMP"].dt.tzinfo is not None
        assert event["DTEND"].dt >= event["DTSTART"].dt
    service_day = next(event for event in events if str(event["SUMMARY"]) == "建筑工地入会服务日")
    start = service_day["DTSTART"]
    assert start.params["TZID"] == "Asia/Shanghai"
    assert (start.dt.hour, start.dt.minute) == (9, 30)
    stored = campaign.events.get(title="建筑工地入会服务日")
    assert start.dt == stored.starts_at.astimezone(SHANGHAI)


def test_commas_semicolons_and_newlines_survive_escaping(client, campaign):
    calendar = parse(client.get(campaign.calendar_url()))
    service_day = next(e for e in events_of(calendar) if str(e["SUMMARY"]) == "建筑工地入会服务日")
    assert str(service_day["LOCATION"]) == "西宁市城北区某建筑工地，生活区"
    description = str(service_day["DESCRIPTION"])
    assert "现场办理入会；带好身份证件；咨询请拨 12351" in description
    assert "所属专题：农民工入会集中行动" in description


def test_single_event_download_and_stable_uid(client, campaign):
    event = campaign.events.get(title="建筑工地入会服务日")
    url = event.ics_url()
    first = events_of(parse(client.get(url)))
    second = events_of(parse(client.get(url)))
    assert len(first) == 1 and str(first[0]["SUMMARY"]) == "建筑工地入会服务日"
    assert str(first[0]["UID"]) == str(second[0]["UID"]) == f"campaign-event-{event.uid}@testserver"


def test_unknown_or_malformed_event_address_is_404(client, campaign):
    missing = "events/00000000-0000-0000-0000-000000000000/calendar/"
    assert client.get(campaign.url + missing).status_code == 404
    assert client.get(campaign.url + "events/not-a-uuid/calendar/").status_code == 404


def test_event_page_links_offer_the_downloads(client, campaign):
    html = client.get(campaign.url).content.decode()
    event = campaign.events.get(title="建筑工地入会服务日")
    assert event.ics_url() in html
    assert campaign.calendar_url() in html


def test_events_across_midnight_keep_their_dates(client, campaign_index, today):
    page = CampaignFactory(
        parent=campaign_index,
        title="劳模引领创新创造工程",
        start_date=today,
        events=[
            {
                "title": "通宵攻关挑战赛",
                "starts_at": local_datetime(2026, 12, 31, 20, 0),
                "ends_at": local_datetime(2027, 1, 1, 8, 0),
                "place": "西宁",
            }
        ],
    )
    (event,) = events_of(parse(client.get(page.calendar_url())))
    assert event["DTSTART"].dt == datetime.datetime(2026, 12, 31, 20, 0, tzinfo=SHANGHAI)
    assert event["DTEND"].dt == datetime.datetime(2027, 1, 1, 8, 0, tzinfo=SHANGHAI)
