"""The sign-up limit counts accepted submissions only, fits a factory behind one address, and a
refused person is told what to do."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from campaigns.forms import CONSENT_FIELD

pytestmark = pytest.mark.django_db

FACTORY = "203.0.113.40"  # the whole factory's NAT address


@pytest.fixture
def names(signup_form):
    return {field.label: field.clean_name for field in signup_form.get_form_fields()}


def data(names, number):
    return {
        names["姓名"]: f"职工{number}",
        names["手机号码"]: f"139{number:08d}",
        names["工作单位"]: "西宁市某机械厂",
        names["所在地区"]: "西宁市",
        CONSENT_FIELD: "on",
    }


def test_mistyped_submissions_do_not_use_up_the_quota(client, settings, signup_form, names):
    settings.SIGNUP_RATE_LIMIT = 8
    bad = data(names, 1) | {names["手机号码"]: "1391234"}
    for _ in range(12):
        assert client.post(signup_form.url, bad, REMOTE_ADDR=FACTORY).status_code == 400
    assert client.post(signup_form.url, data(names, 1), REMOTE_ADDR=FACTORY).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_forty_workers_behind_one_address_all_sign_up(client, signup_form, names):
    for number in range(40):
        response = client.post(signup_form.url, data(names, number), REMOTE_ADDR=FACTORY)
        assert response.status_code == 200, number
    assert FormSubmission.objects.count() == 40


def test_a_refused_person_is_told_what_to_do(client, settings, signup_form, names):
    settings.SIGNUP_RATE_LIMIT = 2
    for number in range(2):
        client.post(signup_form.url, data(names, number), REMOTE_ADDR=FACTORY)
    response = client.post(signup_form.url, data(names, 3), REMOTE_ADDR=FACTORY)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= settings.SIGNUP_RATE_WINDOW
    html = response.content.decode()
    assert "分钟后再提交" in html and "职工服务热线" in html and "共用一个网络出口" in html
    assert 'value="职工3"' in html


def test_ipv6_addresses_in_one_64_share_the_quota(client, settings, signup_form, names):
    settings.SIGNUP_RATE_LIMIT = 2
    for number in range(2):
        client.post(signup_form.url, data(names, number), REMOTE_ADDR=f"2001:db8:5:6::{number + 1}")
    response = client.post(signup_form.url, data(names, 9), REMOTE_ADDR="2001:db8:5:6:abcd::99")
    assert response.status_code == 429
    assert client.post(signup_form.url, data(names, 9), REMOTE_ADDR="2001:db8:5:7::1").status_code == 200
