"""Sign-ups are personal data: who may read and export them, and the audit trail."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from campaigns.forms import CONSENT_FIELD

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(signup_form):
    names = {field.label: field.clean_name for field in signup_form.get_form_fields()}
    return FormSubmission.objects.create(
        page=signup_form,
        form_data={
            names["姓名"]: "卓玛",
            names["手机号码"]: "13912345678",
            names["工作单位"]: '=HYPERLINK("http://evil")',
            names["所在地区"]: "西宁市",
            names["备注"]: "",
            CONSENT_FIELD: True,
        },
    )


@pytest.fixture
def editor(signup_form):
    """A member of Wagtail's Editors group: may edit and publish the form page itself."""
    user = get_user_model().objects.create_user("bianji", password="pw-editor-1")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def signup_manager(signup_managers):
    user = get_user_model().objects.create_user("baoming", password="pw-manager-1")
    user.groups.add(signup_managers)
    return user


def submissions_url(form_page, **params):
    url = reverse("wagtailforms:list_submissions", args=[form_page.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_editor_who_can_edit_the_form_cannot_see_or_export_signups(client, editor, signup_form, submission):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[signup_form.pk])).status_code == 200
    for url in (
        submissions_url(signup_form),
        submissions_url(signup_form, export="csv"),
        submissions_url(signup_form, export="xlsx"),
    ):
        response = client.get(url)
        # Wagtail's admin refuses by sending the user back to the dashboard with a message.
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    response = client.get(reverse("campaigns_signup_forms"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    # Nor does the edit screen show the count of sign-ups.
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[signup_form.pk])).content.decode()
    assert reverse("wagtailforms:list_submissions", args=[signup_form.pk]) not in edit_html
    assert not PageLogEntry.objects.filter(action__startswith="campaigns.signups").exists()


def test_anonymous_visitors_are_sent_to_the_login(client, signup_form, submission):
    response = client.get(submissions_url(signup_form, export="csv"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_signup_manager_sees_the_list_and_the_view_is_logged(client, signup_manager, signup_form, submission):
    client.force_login(signup_manager)
    response = client.get(submissions_url(signup_form))
    assert response.status_code == 200
    assert "卓玛" in response.content.decode()
    entry = PageLogEntry.objects.get(action="campaigns.signups_viewed")
    assert entry.page_id == signup_form.pk and entry.user_id == signup_manager.pk
    assert entry.data["format"] == "html"
    assert log_registry.get_action_label("campaigns.signups_viewed") == "查看报名信息"


def test_signup_manager_index_lists_forms_with_counts(client, signup_manager, signup_form, submission):
    client.force_login(signup_manager)
    response = client.get(reverse("campaigns_signup_forms"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "入会意向登记" in html and submissions_url(signup_form) in html


def test_csv_export_opens_in_spreadsheets_and_is_logged(client, signup_manager, signup_form, submission):
    client.force_login(signup_manager)
    response = client.get(submissions_url(signup_form, export="csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads Chinese correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["提交时间", "姓名", "手机号码", "工作单位", "所在地区", "备注", "同意隐私声明"]
    assert rows[1][1:3] == ["卓玛", "13912345678"]
    assert rows[1][3].startswith("'=")  # a formula is neutralised, not executed
    assert rows[1][-1] == "是"
    entry = PageLogEntry.objects.get(action="campaigns.signups_exported")
    assert entry.user_id == signup_manager.pk and entry.data["format"] == "csv"


def test_superuser_may_export_xlsx(client, admin_user, signup_form, submission):
    client.force_login(admin_user)
    response = client.get(submissions_url(signup_form, export="xlsx"))
    assert response.status_code == 200
    assert PageLogEntry.objects.filter(action="campaigns.signups_exported", user=admin_user).exists()


def test_editor_cannot_delete_signups(client, editor, signup_form, submission):
    client.force_login(editor)
    url = reverse("wagtailforms:delete_submissions", args=[signup_form.pk])
    response = client.post(url + f"?selected-submissions={submission.pk}")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert FormSubmission.objects.filter(pk=submission.pk).exists()


def test_signup_manager_deleting_a_signup_is_logged(client, signup_manager, signup_form, submission):
    client.force_login(signup_manager)
    url = reverse("wagtailforms:delete_submissions", args=[signup_form.pk])
    response = client.post(url + f"?selected-submissions={submission.pk}")
    assert response.status_code == 302
    assert not FormSubmission.objects.filter(pk=submission.pk).exists()
    entry = PageLogEntry.objects.get(action="campaigns.signups_deleted")
    assert entry.user_id == signup_manager.pk and entry.data["submission_id"] == submission.pk
