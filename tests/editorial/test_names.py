"""People's names: one 姓名 field, family name first, shown wherever a person is named."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from core.people import person_name

from .helpers import act

pytestmark = pytest.mark.django_db


def _account_form_data(response):
    """What the account settings page would post back unchanged (every panel's current values)."""
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name in form.fields:
                value = form[name].value()
                key = form.add_prefix(name)
                if hasattr(value, "field"):  # a file field (the avatar): nothing uploaded
                    continue
                if isinstance(value, bool):
                    if value:
                        data[key] = "on"
                elif isinstance(value, (list, tuple)):
                    data[key] = list(value)
                elif value is not None:
                    data[key] = value
    return data


def test_a_demo_user_can_save_the_account_settings(client):
    # As the demo loader makes them: the whole name in one field.
    user = get_user_model().objects.create_user("zhuangao", "zhuangao@example.com", "pw", first_name="李文清")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("wagtailadmin_account")
    page = client.get(url)
    html = page.content.decode()
    assert "姓名" in html and "First Name" not in html and "Last Name" not in html
    data = _account_form_data(page)
    assert data["name_email-full_name"] == "李文清"
    data["name_email-full_name"] = "李 文清"
    data["notifications-submitted_notifications"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and [
        panel.get_form().errors for panels in response.context["panels_by_tab"].values() for panel in panels
    ]
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("李文清", "")
    assert user.get_full_name() == "李文清"
    assert user.wagtail_userprofile.submitted_notifications


def test_a_name_saved_the_western_way_reads_family_name_first():
    user = get_user_model()(username="x", first_name="文清", last_name="李")
    assert person_name(user) == "李文清"
    assert person_name(get_user_model()(username="anon")) == "anon"


def test_review_lists_name_the_submitter_and_reviewer_by_name(client, staff, draft_article, submit):
    article = submit(draft_article(), staff["writer"])
    client.force_login(staff["first"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "提交人 李文清" in html and "zhuangao" not in html
    act(client, staff["first"], article, "reject", comment="请补充来源。")
    client.force_login(staff["writer"])
    history = client.get(reverse("editorial_review_history", args=[article.pk])).content.decode()
    assert "赵海燕" in history and "chushen" not in history and "zhuangao" not in history


def test_site_administrators_enter_one_name_when_adding_or_editing_a_user(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    html = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert "姓名" in html
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "xinren",
            "email": "xinren@example.com",
            "first_name": "马 晓东",
            "password1": "Qhgh-xinren-2026-long",
            "password2": "Qhgh-xinren-2026-long",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user = get_user_model().objects.get(username="xinren")
    assert (user.first_name, user.last_name, user.get_full_name()) == ("马晓东", "", "马晓东")

    split = get_user_model().objects.create_user(
        "old", "old@example.com", "pw", first_name="文清", last_name="李"
    )
    form = client.get(reverse("wagtailusers_users:edit", args=[split.pk])).context["form"]
    assert form["first_name"].value() == "李文清"
