"""The public sign-up form: server-side validation, consent, honeypot, rate limit."""

import datetime

import pytest
from wagtail.contrib.forms.models import FormSubmission

from campaigns.forms import CONSENT_FIELD, HONEYPOT_FIELD
from tests.factories import CampaignFactory, SignupFormFactory

pytestmark = pytest.mark.django_db


def field_names(form_page):
    return {field.label: field.clean_name for field in form_page.get_form_fields()}


@pytest.fixture
def valid_data(signup_form):
    names = field_names(signup_form)
    return {
        names["姓名"]: "卓玛",
        names["手机号码"]: "139 1234 5678",
        names["工作单位"]: "西宁市某建筑公司",
        names["所在地区"]: "西宁市",
        names["备注"]: "希望了解入会后的服务项目",
        CONSENT_FIELD: "on",
    }


def test_form_page_is_private_to_caches_and_links_the_privacy_notice(client, signup_form, privacy_page):
    response = client.get(signup_form.url)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    html = response.content.decode()
    assert f'href="{privacy_page.url}"' in html
    assert f'name="{CONSENT_FIELD}"' in html
    assert 'type="tel"' in html


def test_valid_submission_is_stored_with_a_normalised_mobile_number(client, signup_form, valid_data):
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 200
    assert "提交成功" in response.content.decode()
    submission = FormSubmission.objects.get(page=signup_form)
    names = field_names(signup_form)
    assert submission.form_data[names["手机号码"]] == "13912345678"
    assert submission.form_data[names["姓名"]] == "卓玛"
    assert submission.form_data[CONSENT_FIELD] is True
    assert HONEYPOT_FIELD not in submission.form_data


@pytest.mark.parametrize(
    "number", ["12912345678", "1391234567", "139123456789", "23912345678", "139-1234-567a"]
)
def test_bad_mobile_number_is_refused_and_the_other_values_are_kept(client, signup_form, valid_data, number):
    names = field_names(signup_form)
    valid_data[names["手机号码"]] = number
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "11 位中国大陆手机号码" in html
    assert 'value="卓玛"' in html and 'value="西宁市某建筑公司"' in html
    assert not FormSubmission.objects.exists()


def test_full_width_digits_and_country_code_are_accepted(client, signup_form, valid_data):
    names = field_names(signup_form)
    valid_data[names["手机号码"]] = "+86 １３９１２３４５６７８"
    assert client.post(signup_form.url, valid_data).status_code == 200
    assert FormSubmission.objects.get().form_data[names["手机号码"]] == "13912345678"


def test_consent_is_required(client, signup_form, valid_data):
    del valid_data[CONSENT_FIELD]
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 400
    assert "请阅读隐私声明并勾选同意" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_over_long_submission_is_refused_with_a_message_and_valid_values_kept(
    client, signup_form, valid_data
):
    names = field_names(signup_form)
    valid_data[names["工作单位"]] = "很长的单位名称" * 50
    valid_data[names["备注"]] = "备" * 2500
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "提交未成功" in html
    assert "内容过长：最多 200 个字，现在是 350 个字" in html
    assert "内容过长：最多 2000 个字，现在是 2500 个字" in html
    assert 'value="卓玛"' in html and 'value="139 1234 5678"' in html
    assert not FormSubmission.objects.exists()


def test_malformed_choice_is_refused(client, signup_form, valid_data):
    names = field_names(signup_form)
    valid_data[names["所在地区"]] = "<script>"
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_honeypot_submission_is_answered_but_not_stored(client, signup_form, valid_data):
    valid_data[HONEYPOT_FIELD] = "http://spam.example/"
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 200
    assert not FormSubmission.objects.exists()


def test_rate_limit_per_address_answers_429_and_keeps_the_values(client, settings, signup_form, valid_data):
    settings.SIGNUP_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(signup_form.url, valid_data, REMOTE_ADDR="10.0.0.7").status_code == 200
    response = client.post(signup_form.url, valid_data, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert "提交过于频繁" in html and 'value="卓玛"' in html and "职工服务热线" in html
    assert FormSubmission.objects.count() == 3
    # Another address is not affected.
    assert client.post(signup_form.url, valid_data, REMOTE_ADDR="10.0.0.8").status_code == 200


def test_form_of_an_ended_campaign_is_closed(client, campaign_index, privacy_page, today):
    ended = CampaignFactory(
        parent=campaign_index,
        title="下基层、接地气、办实事",
        start_date=today - datetime.timedelta(300),
        end_date=today - datetime.timedelta(2),
    )
    form_page = SignupFormFactory(parent=ended, title="意见征集")
    assert "报名已经截止" in client.get(form_page.url).content.decode()
    names = field_names(form_page)
    data = {names["姓名"]: "张三", names["手机号码"]: "13912345678", CONSENT_FIELD: "on"}
    assert client.post(form_page.url, data).status_code == 403
    assert not FormSubmission.objects.exists()


def test_missing_required_field_names_the_field(client, signup_form, valid_data):
    names = field_names(signup_form)
    valid_data[names["工作单位"]] = "   "
    response = client.post(signup_form.url, valid_data)
    assert response.status_code == 400
    assert "“工作单位”为必填项，请填写。" in response.content.decode()


def test_invalid_controls_point_at_their_messages(client, signup_form, valid_data):
    names = field_names(signup_form)
    valid_data[names["手机号码"]] = "123"
    del valid_data[CONSENT_FIELD]
    html = client.post(signup_form.url, valid_data).content.decode()
    mobile_id = f"id_{names['手机号码']}"
    assert f'aria-describedby="{mobile_id}_helptext {mobile_id}_error"' in html
    assert f'id="{mobile_id}_error"' in html
    assert 'aria-describedby="id_privacy_consent_error"' in html
    assert 'aria-invalid="true"' in html
