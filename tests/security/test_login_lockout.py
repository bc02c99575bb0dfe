"""Logins resist guessing: django-axes per account and per address on every Django login form,
core.protection on the private-page password form; administrators unlock with axes_reset_*."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db

PASSWORD = "Hongqi-xuefeng-37"
LOCK_TEXT = "登录失败次数过多"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bianji", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def admin_login(client, username, password, address="203.0.113.5"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_admin_login_30_wrong_passwords_then_the_right_one_is_refused_in_chinese(client, editor):
    for _ in range(30):
        response = admin_login(client, "bianji", "wrong-password")
        assert response.status_code in (200, 429)
    response = admin_login(client, "bianji", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCK_TEXT in html and "分钟后再试" in html
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login


def test_the_account_is_locked_whatever_address_the_guesses_come_from(client, editor):
    for number in range(10):
        admin_login(client, "bianji", "wrong-password", address=f"198.51.100.{number + 1}")
    assert admin_login(client, "bianji", PASSWORD, address="192.0.2.77").status_code == 429


def test_one_address_guessing_many_accounts_is_locked(client, editor, django_user_model):
    for number in range(10):
        admin_login(client, f"user{number}", "wrong-password", address="203.0.113.9")
    assert admin_login(client, "bianji", PASSWORD, address="203.0.113.9").status_code == 429
    # Another address and the account itself are unaffected.
    response = admin_login(client, "bianji", PASSWORD, address="203.0.113.10")
    assert response.status_code == 302


def test_an_ipv6_64_counts_as_one_address(client, editor):
    for number in range(10):
        admin_login(client, f"user{number}", "wrong-password", address=f"2001:db8:1:2::{number + 1:x}")
    assert admin_login(client, "bianji", PASSWORD, address="2001:db8:1:2:ffff::1").status_code == 429


def test_a_few_mistakes_do_not_lock_and_success_clears_them(client, editor):
    for _ in range(5):
        admin_login(client, "bianji", "wrong-password")
    assert admin_login(client, "bianji", PASSWORD).status_code == 302


def test_the_readers_login_is_locked_too(client, editor):
    for _ in range(30):
        client.post("/_util/login/", {"username": "bianji", "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    response = client.post(
        "/_util/login/", {"username": "bianji", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 429
    assert LOCK_TEXT in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_django_admin_has_no_login_form_of_its_own_and_admits_only_verified_superusers(
    client, django_user_model
):
    # Kept only for the directory's import/export: no second password form to guess at.
    response = client.post("/django-admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    editor = django_user_model.objects.create_user("bianji2", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    assert client.get("/django-admin/").status_code == 302


def test_an_administrator_unlocks_an_account(client, editor):
    for _ in range(12):
        admin_login(client, "bianji", "wrong-password")
    assert admin_login(client, "bianji", PASSWORD).status_code == 429
    call_command("axes_reset_username", "bianji", verbosity=0)
    assert admin_login(client, "bianji", PASSWORD).status_code == 302


def test_an_administrator_unlocks_everything(client, editor):
    for _ in range(12):
        admin_login(client, "bianji", "wrong-password")
    call_command("axes_reset", verbosity=0)
    assert admin_login(client, "bianji", PASSWORD).status_code == 302


# Private pages (PageViewRestriction password) ---------------------------------------------------


@pytest.fixture
def private_page(site_root):
    page = site_root.add_child(instance=StandardPage(title="内部通知", slug="neibu-tongzhi"))
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="lanhu-2026"
    )
    return page, restriction


def password_post(client, page, restriction, password, address="203.0.113.5"):
    return client.post(
        f"/_util/authenticate_with_password/{restriction.id}/{page.id}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def test_private_page_password_30_wrong_then_the_right_one_is_refused(client, private_page):
    page, restriction = private_page
    for _ in range(30):
        assert password_post(client, page, restriction, "guess").status_code in (200, 429)
    response = password_post(client, page, restriction, "lanhu-2026")
    assert response.status_code == 429
    assert response["Retry-After"]
    assert "密码错误次数过多" in response.content.decode()
    # The page stays closed to this reader.
    assert 'name="password"' in client.get(page.url).content.decode()


def test_private_page_password_right_password_works_and_other_addresses_are_unaffected(client, private_page):
    page, restriction = private_page
    for _ in range(3):
        password_post(client, page, restriction, "guess")
    assert password_post(client, page, restriction, "lanhu-2026").status_code == 302
    other = client.__class__()
    for _ in range(30):
        password_post(other, page, restriction, "guess", address="198.51.100.1")
    assert password_post(client, page, restriction, "lanhu-2026", address="198.51.100.2").status_code == 302
