"""Two-factor authentication for the accounts that approve or publish (终审, 站点管理员, superusers)."""

import io

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import FINAL_REVIEW, SITE_ADMIN, WRITER

from .helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db

FIXED_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, hex


def login(client, username):
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 302, response.content.decode()[:500]


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def final_editor(django_user_model):
    return make_user(django_user_model, "zhongshen", FINAL_REVIEW)


@pytest.fixture
def enrolled(final_editor):
    TOTPDevice.objects.create(user=final_editor, name="身份验证器", key=FIXED_KEY, confirmed=True)
    device = StaticDevice.objects.create(user=final_editor, name="恢复码", confirmed=True)
    device.token_set.create(token="hfm2k7xq")
    return final_editor


@pytest.mark.parametrize("group_name", [FINAL_REVIEW, SITE_ADMIN, None])
def test_the_admin_asks_publishers_and_administrators_for_a_second_factor(
    client, django_user_model, group_name
):
    make_user(django_user_model, "bianji", group_name, superuser=group_name is None)
    login(client, "bianji")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")


def test_writers_are_not_asked(client, django_user_model):
    make_user(django_user_model, "zhuangao", WRITER)
    login(client, "zhuangao")
    assert client.get("/admin/").status_code == 200


def test_first_login_sets_up_the_app_and_shows_recovery_codes(client, final_editor):
    login(client, "zhongshen")
    response = client.get("/admin/two-factor/setup/?next=/admin/pages/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "身份验证器" in html
    device = TOTPDevice.objects.get(user=final_editor)
    assert not device.confirmed
    assert client.post("/admin/two-factor/setup/", {"token": "000000"}).status_code == 200
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # django-otp slows down guessing; this test does not wait
    response = client.post(
        "/admin/two-factor/setup/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = list(StaticToken.objects.filter(device__user=final_editor).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert client.get("/admin/").status_code == 200


def test_every_later_login_needs_the_current_code(client, enrolled):
    login(client, "zhongshen")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    response = client.post("/admin/two-factor/verify/", {"token": "123456", "next": "/admin/pages/"})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    device = TOTPDevice.objects.get(user=enrolled)
    device.throttle_reset()  # django-otp slows down guessing; this test does not wait
    response = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, enrolled):
    login(client, "zhongshen")
    response = client.post("/admin/two-factor/verify/", {"token": "HFM2 K7XQ"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    login(client, "zhongshen")
    assert client.post("/admin/two-factor/verify/", {"token": "hfm2k7xq"}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_password_alone_cannot_enrol_another_app(client, enrolled):
    login(client, "zhongshen")
    response = client.get("/admin/two-factor/setup/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/")
    assert TOTPDevice.objects.filter(user=enrolled).count() == 1


def test_new_recovery_codes_replace_the_old_ones(client, enrolled):
    login(client, "zhongshen")
    client.post("/admin/two-factor/verify/", {"token": "hfm2k7xq"})
    response = client.post("/admin/two-factor/recovery-codes/")
    assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=enrolled).count() == 10
    assert not StaticToken.objects.filter(token="hfm2k7xq").exists()


def test_an_administrator_resets_a_lost_phone(client, enrolled):
    out = io.StringIO()
    call_command("reset_two_factor", "zhongshen", stdout=out)
    assert "已重置" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=enrolled).exists()
    assert not StaticDevice.objects.filter(user=enrolled).exists()
    login(client, "zhongshen")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")
