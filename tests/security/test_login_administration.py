"""站点管理员's admin screens: unlock a locked account or address, reset a lost two-factor device.
Only superusers and 站点管理员 see them; every unlock and reset is in Wagtail's audit log."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.admin_views import TWO_FACTOR_RESET_ACTION, UNLOCK_ACTION
from editorial.roles import FINAL_REVIEW, FIRST_REVIEW, SITE_ADMIN, WRITER

from .helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def admin_login(client, username, password, address="203.0.113.5"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def locked_editor(client, django_user_model):
    editor = make_user(django_user_model, "bianji")
    for _ in range(12):
        admin_login(client, "bianji", "wrong-password")
    assert admin_login(client, "bianji", PASSWORD).status_code == 429
    client.logout()
    return editor


@pytest.fixture
def site_admin(django_user_model):
    return make_user(django_user_model, "zhandian", SITE_ADMIN)


@pytest.fixture
def enrolled_final_editor(django_user_model):
    user = make_user(django_user_model, "zhongshen", FINAL_REVIEW)
    TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=True)
    device = StaticDevice.objects.create(user=user, name="恢复码", confirmed=True)
    device.token_set.create(token="hfm2k7xq")
    return user


def test_the_site_administrator_unlocks_an_account_from_the_admin(client, locked_editor, site_admin):
    client.force_login(site_admin)
    page = client.get(reverse("accounts_lockouts")).content.decode()
    assert "bianji" in page and "已锁定" in page and "解除该账号锁定" in page
    response = client.post(reverse("accounts_unlock"), {"kind": "username", "value": "bianji"}, follow=True)
    assert "已解除账号 bianji的登录锁定" in response.content.decode()
    entry = ModelLogEntry.objects.get(action=UNLOCK_ACTION)
    assert entry.user == site_admin and entry.object_id == str(locked_editor.pk)
    client.logout()
    assert admin_login(client, "bianji", PASSWORD, address="198.51.100.7").status_code == 302


def test_the_site_administrator_unlocks_an_address(client, locked_editor, site_admin):
    client.force_login(site_admin)
    client.post(reverse("accounts_unlock"), {"kind": "ip", "value": "203.0.113.5"})
    client.post(reverse("accounts_unlock"), {"kind": "username", "value": "bianji"})
    assert ModelLogEntry.objects.filter(action=UNLOCK_ACTION).count() == 2
    client.logout()
    assert admin_login(client, "bianji", PASSWORD).status_code == 302


@pytest.mark.parametrize("group_name", [WRITER, FIRST_REVIEW, FINAL_REVIEW])
def test_other_roles_cannot_unlock_or_reset(
    client, django_user_model, locked_editor, enrolled_final_editor, group_name
):
    other = make_user(django_user_model, "qita", group_name)
    client.force_login(other)
    # Wagtail's admin answers a refused permission with a redirect to the dashboard and a message.
    assert client.get(reverse("accounts_lockouts")).status_code in (302, 403)
    assert client.get(reverse("accounts_two_factor_users")).status_code in (302, 403)
    assert client.post(reverse("accounts_unlock"), {"kind": "username", "value": "bianji"}).status_code in (
        302,
        403,
    )
    url = reverse("accounts_two_factor_reset", args=[enrolled_final_editor.pk])
    assert client.post(url).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=enrolled_final_editor).exists()
    assert "登录锁定" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    assert admin_login(client, "bianji", PASSWORD).status_code == 429


def test_the_menu_shows_the_screens_to_the_site_administrator(client, site_admin):
    client.force_login(site_admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("accounts_lockouts") in html and reverse("accounts_two_factor_users") in html


def test_the_site_administrator_resets_a_lost_two_factor_device(client, site_admin, enrolled_final_editor):
    client.force_login(site_admin)
    page = client.get(reverse("accounts_two_factor_users")).content.decode()
    assert "zhongshen" in page and "已设置" in page
    response = client.post(reverse("accounts_two_factor_reset", args=[enrolled_final_editor.pk]), follow=True)
    assert "已重置 zhongshen 的两步验证" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=enrolled_final_editor).exists()
    assert not StaticDevice.objects.filter(user=enrolled_final_editor).exists()
    entry = ModelLogEntry.objects.get(action=TWO_FACTOR_RESET_ACTION)
    assert entry.user == site_admin and entry.object_id == str(enrolled_final_editor.pk)
    # At the next login the user is sent to set the app up again (and gets new recovery codes).
    client.logout()
    assert admin_login(client, "zhongshen", PASSWORD).status_code == 302
    assert reverse("two_factor_setup") in client.get(reverse("wagtailadmin_home"))["Location"]


def test_a_site_administrator_cannot_reset_a_superuser_or_themself(client, django_user_model, site_admin):
    boss = make_user(django_user_model, "boss", superuser=True)
    TOTPDevice.objects.create(user=boss, name="身份验证器", confirmed=True)
    TOTPDevice.objects.create(user=site_admin, name="身份验证器", confirmed=True)
    client.force_login(site_admin)
    for user in (boss, site_admin):
        response = client.post(reverse("accounts_two_factor_reset", args=[user.pk]), follow=True)
        assert "不能重置自己的两步验证" in response.content.decode()
        assert TOTPDevice.objects.filter(user=user).exists()


def test_the_screens_are_in_chinese(client, site_admin):
    from tests.editorial.test_admin_chinese import english_in

    client.force_login(site_admin)
    for url in (reverse("accounts_lockouts"), reverse("accounts_two_factor_users")):
        response = client.get(url)
        assert response.status_code == 200
        assert english_in(response.content.decode(), site_admin) == set(), url
