"""Lookup by receipt code and mobile: no enumeration, rate limited, one-click rating."""

import re

import pytest
from wagtail.models import ModelLogEntry

from interaction import cases
from interaction.models import Satisfaction

pytestmark = pytest.mark.django_db

LOOKUP = "/hudong/chaxun/"


def without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_code_and_mobile_open_the_case_with_its_replies(client, message, xining_handler):
    cases.reply(xining_handler, message, "已联系用人单位，工资将于本月底前结清。")
    response = client.post(
        LOOKUP, {"code": message.code.lower()[:5] + "-" + message.code[5:], "mobile": "13912345678"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "已答复" in page
    assert "工资将于本月底前结清" in page
    assert "张三" not in page and "13912345678" not in page


def test_wrong_mobile_answers_exactly_like_an_unknown_code(client, message):
    wrong_mobile = client.post(LOOKUP, {"code": message.code, "mobile": "13800000000"})
    unknown_code = client.post(LOOKUP, {"code": "ABCDEFGHJK", "mobile": "13912345678"})
    assert wrong_mobile.status_code == unknown_code.status_code == 200
    # Identical apart from echoing what was typed.
    first = (
        without_csrf(wrong_mobile.content.decode())
        .replace(message.code, "CODE")
        .replace("13800000000", "MOBILE")
    )
    second = (
        without_csrf(unknown_code.content.decode())
        .replace("ABCDEFGHJK", "CODE")
        .replace("13912345678", "MOBILE")
    )
    assert first == second
    assert "没有找到与这个受理编号和手机号码相符的留言" in wrong_mobile.content.decode()


def test_the_case_page_needs_a_lookup_in_this_session(client, message):
    response = client.get(f"/hudong/chaxun/{message.code}/")
    assert response.status_code == 302
    assert response["Location"] == LOOKUP


def test_lookup_is_rate_limited(client, message, settings):
    settings.INTERACTION_LOOKUP_RATE_LIMIT = 3
    for _ in range(3):
        client.post(LOOKUP, {"code": "ABCDEFGHJK", "mobile": "13912345678"})
    response = client.post(LOOKUP, {"code": message.code, "mobile": "13912345678"})
    assert response.status_code == 429
    window = settings.INTERACTION_LOOKUP_RATE_WINDOW
    assert window - 10 <= int(response["Retry-After"]) <= window
    assert "查询过于频繁" in response.content.decode()


def test_one_click_rating_after_an_answer(client, message, xining_handler):
    cases.reply(xining_handler, message, "已为您申请法律援助。")
    client.post(LOOKUP, {"code": message.code, "mobile": "13912345678"})
    url = f"/hudong/chaxun/{message.code}/"
    assert "您对答复满意吗" in client.get(url).content.decode()
    response = client.post(url, {"rating": "3"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.satisfaction == Satisfaction.SATISFIED
    assert "您的评价：满意" in client.get(url).content.decode()
    # A second click changes nothing.
    client.post(url, {"rating": "1"})
    message.refresh_from_db()
    assert message.satisfaction == Satisfaction.SATISFIED
    assert ModelLogEntry.objects.for_instance(message).filter(action="interaction.rated").count() == 1


def test_no_rating_before_an_answer(client, message):
    client.post(LOOKUP, {"code": message.code, "mobile": "13912345678"})
    url = f"/hudong/chaxun/{message.code}/"
    assert "您对答复满意吗" not in client.get(url).content.decode()
    client.post(url, {"rating": "1"})
    message.refresh_from_db()
    assert message.satisfaction is None
