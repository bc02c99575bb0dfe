"""Password rules: length, common passwords, similarity to the account, and the site's own words."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def codes(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return {e.code for e in error.error_list}
    return set()


def test_qhgh1234_is_refused():
    assert codes("qhgh1234")


@pytest.mark.parametrize(
    "password",
    [
        "qhgh12345678",
        "Qinghai@2026!",
        "gonghui-12351-2026",
        "Admin123456789",
        "p@ssw0rd2026!!",
        "青海工会2026123456",
    ],
)
def test_site_words_with_digits_are_refused(password):
    assert "password_site_words" in codes(password)


def test_short_common_and_similar_passwords_are_refused(django_user_model):
    assert "password_too_short" in codes("Xk7#pq2")
    assert "password_too_common" in codes("1234567890")
    user = django_user_model(username="zhangweiming", first_name="伟明", email="zhangweiming@example.com")
    assert "password_too_similar" in codes("zhangweiming1", user)


def test_a_good_passphrase_is_accepted():
    assert codes("hongqi-xuefeng-lanhu") == set()


def test_the_admin_password_change_form_applies_the_rules(client, django_user_model):
    from django.contrib.auth.forms import SetPasswordForm

    user = django_user_model.objects.create_user("bianji", password="Hongqi-xuefeng-37")
    form = SetPasswordForm(user, {"new_password1": "qhgh12345678", "new_password2": "qhgh12345678"})
    assert not form.is_valid()
    assert "本站相关的词" in str(form.errors)


def test_demo_logins_keep_their_documented_passwords():
    from demo import datafiles

    assert datafiles.read("site")["admin"]["password"] == "qhgh-demo-2026"
    accounts = datafiles.read("editorial")["accounts"]
    assert accounts and all(account["password"] == f"qhgh-{account['username']}-2026" for account in accounts)
