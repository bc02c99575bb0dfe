"""Officers: state transitions and who may make them, scoping, the queue, audit log, lookup, retention."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from joining.models import Application, ApplicationEvent, Status
from joining.scoping import applications_for, officers_for
from joining.services import change_status, submit_application

from .conftest import WHO, WORK

pytestmark = pytest.mark.django_db


def make_application(organisation, mobile="13912345678", **changes):
    data = {**WHO, **WORK, "mobile": mobile, **changes}
    return submit_application(data, organisation)


@pytest.fixture
def courier_app(tree):
    return make_application(tree["courier"])


@pytest.fixture
def golmud_app(tree):
    return make_application(
        tree["golmud"], mobile="13800000001", prefecture="海西蒙古族藏族自治州", county="格尔木市"
    )


# -- transitions ---------------------------------------------------------------------------


def test_the_road_of_an_application(officers, courier_app, notifications, django_capture_on_commit_callbacks):
    officer = officers["chengbei"]
    with django_capture_on_commit_callbacks(execute=True):
        change_status(
            courier_app, officer, Status.ACCEPTED, comment="已电话联系，约定周三来办理。", public=True
        )
    assert courier_app.first_contacted_at is not None and courier_app.assigned_to == officer
    change_status(courier_app, officer, Status.FORWARDED, comment="内部备注：转某营业部工会", public=False)
    change_status(courier_app, officer, Status.JOINED)
    courier_app.refresh_from_db()
    assert courier_app.status == Status.JOINED and courier_app.closed_at is not None
    # The worker was told (mobile only: the email backend skips, an SMS backend would send).
    worker_notes = [n for n in notifications if n.subject == "入会申请进度"]
    assert worker_notes and worker_notes[0].recipients[0].mobile == "13912345678"
    assert "已受理" in worker_notes[0].body
    assert (
        ModelLogEntry.objects.filter(action="joining.status_changed", object_id=str(courier_app.pk)).count()
        == 3
    )


@pytest.mark.parametrize(
    "path, target",
    [
        ([], Status.JOINED),
        ([], Status.FORWARDED),
        ([Status.ACCEPTED, Status.JOINED], Status.ACCEPTED),
        ([Status.REJECTED], Status.ACCEPTED),
    ],
)
def test_moves_that_are_not_allowed(officers, courier_app, path, target):
    for status in path:
        change_status(courier_app, officers["chengbei"], status, reason="不符合条件")
    with pytest.raises(ValidationError, match="状态不能从"):
        change_status(courier_app, officers["chengbei"], target)


def test_rejection_needs_a_reason_which_the_worker_sees(client, site_root, officers, courier_app):
    with pytest.raises(ValidationError, match="必须填写原因"):
        change_status(courier_app, officers["chengbei"], Status.REJECTED)
    change_status(
        courier_app,
        officers["chengbei"],
        Status.REJECTED,
        reason="所在单位已建会，请向单位工会申请。",
        public=False,
    )
    response = client.post("/ruhui/chaxun/", {"code": courier_app.receipt_code, "mobile": "13912345678"})
    assert "所在单位已建会" in response.content.decode()


def test_only_officers_in_scope_may_act(officers, site_admin, courier_app, golmud_app):
    with pytest.raises(PermissionDenied):
        change_status(courier_app, officers["haixi"], Status.ACCEPTED)
    with pytest.raises(PermissionDenied):
        change_status(golmud_app, officers["chengbei"], Status.ACCEPTED)
    change_status(golmud_app, officers["province"], Status.ACCEPTED)
    change_status(courier_app, site_admin, Status.ACCEPTED)


# -- scoping -------------------------------------------------------------------------------


def test_officers_see_their_subtree_and_administrators_all(
    officers, site_admin, tree, courier_app, golmud_app
):
    rider_app = make_application(tree["rider"], mobile="13800000002", county="城东区")
    unmatched_xining = make_application(None, mobile="13800000003")
    unmatched_haixi = make_application(
        None, mobile="13800000004", prefecture="海西蒙古族藏族自治州", county=""
    )

    def seen(user):
        return set(applications_for(user).values_list("pk", flat=True))

    everything = {courier_app.pk, golmud_app.pk, rider_app.pk, unmatched_xining.pk, unmatched_haixi.pk}
    assert seen(site_admin) == everything
    assert seen(officers["province"]) == everything
    assert seen(officers["xining"]) == {courier_app.pk, rider_app.pk, unmatched_xining.pk}
    assert seen(officers["chengbei"]) == {courier_app.pk, unmatched_xining.pk}  # 城北区 county federation
    assert seen(officers["haixi"]) == {golmud_app.pk, unmatched_haixi.pk}
    assert {user.username for user in officers_for(unmatched_haixi)} == {"sheng", "haixi"}


def test_a_user_without_the_group_sees_nothing(db, tree, courier_app, django_user_model):
    from joining.models import OfficerAssignment

    user = django_user_model.objects.create_user("nobody", password="pw")
    OfficerAssignment.objects.create(user=user, organisation=tree["province"])
    assert not applications_for(user).exists()


def test_queue_is_scoped_and_every_view_is_logged(client, officers, courier_app, golmud_app):
    client.force_login(officers["chengbei"])
    response = client.get("/admin/ruhui/")
    assert response.status_code == 200
    html = response.content.decode()
    assert courier_app.receipt_display in html and golmud_app.receipt_display not in html
    assert ModelLogEntry.objects.filter(action="joining.listed", object_id=str(courier_app.pk)).exists()
    # Wagtail's admin answers PermissionDenied with a redirect and a message.
    assert client.get(f"/admin/ruhui/{golmud_app.pk}/").status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="joining.viewed", object_id=str(golmud_app.pk)).exists()
    assert client.get(f"/admin/ruhui/{courier_app.pk}/").status_code == 200
    assert ModelLogEntry.objects.filter(
        action="joining.viewed", object_id=str(courier_app.pk), user=officers["chengbei"]
    ).exists()


def test_queue_filters(client, officers, tree, courier_app, golmud_app):
    client.force_login(officers["province"])
    html = client.get("/admin/ruhui/", {"region": "海西蒙古族藏族自治州"}).content.decode()
    assert golmud_app.receipt_display in html and courier_app.receipt_display not in html
    html = client.get("/admin/ruhui/", {"q": courier_app.receipt_display}).content.decode()
    assert courier_app.receipt_display in html and golmud_app.receipt_display not in html
    html = client.get(
        "/admin/ruhui/", {"organisation": tree["chengbei"].pk, "status": "open"}
    ).content.decode()
    assert courier_app.receipt_display in html and golmud_app.receipt_display not in html
    assert client.get("/admin/ruhui/", {"status": "bogus"}).status_code == 200


def test_open_filter_shows_every_open_status_and_no_closed_one(client, officers, tree):
    by_status = {}
    for number, status in enumerate(Status):
        application = make_application(tree["courier"], mobile=f"1391000000{number}")
        Application.objects.filter(pk=application.pk).update(status=status)
        by_status[status] = application.receipt_display
    client.force_login(officers["chengbei"])
    html = client.get("/admin/ruhui/", {"status": "open"}).content.decode()
    for status, receipt in by_status.items():
        assert (receipt in html) == (status in (Status.SUBMITTED, Status.ACCEPTED, Status.FORWARDED)), status


@pytest.mark.parametrize(
    "query",
    [{}, {"status": "open"}, {"status": "overdue", "region": "西宁市"}, {"q": "卓玛"}, {"organisation": "0"}],
)
def test_queue_queries_do_not_grow_with_the_applications(
    client, officers, tree, query, django_assert_max_num_queries
):
    for number in range(30):
        make_application(tree["courier"] if number % 2 else None, mobile=f"1392000{number:04d}")
    client.force_login(officers["xining"])
    client.get("/admin/ruhui/", query)  # session, permissions and menus settle
    with django_assert_max_num_queries(20):
        assert client.get("/admin/ruhui/", query).status_code == 200


def test_status_change_and_assignment_in_the_admin(client, officers, courier_app):
    client.force_login(officers["chengbei"])
    url = f"/admin/ruhui/{courier_app.pk}/"
    bad = client.post(url, {"action": "status", "to_status": "rejected", "comment": "x"})
    assert bad.status_code == 400 and "必须填写原因" in bad.content.decode()
    wrong = client.post(url, {"action": "status", "to_status": "joined"})
    assert wrong.status_code == 400
    ok = client.post(url, {"action": "status", "to_status": "accepted", "comment": "已联系", "public": "on"})
    assert ok.status_code == 302
    courier_app.refresh_from_db()
    assert courier_app.status == Status.ACCEPTED
    client.post(url, {"action": "assign", "assignee": officers["xining"].pk})
    courier_app.refresh_from_db()
    assert courier_app.assigned_to == officers["xining"]
    client.post(url, {"action": "assign", "assignee": officers["haixi"].pk})  # out of scope: refused
    courier_app.refresh_from_db()
    assert courier_app.assigned_to == officers["xining"]


def test_export_is_scoped_and_logged(client, officers, courier_app, golmud_app):
    client.force_login(officers["chengbei"])
    response = client.get("/admin/ruhui/export/")
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff回执码")
    assert courier_app.receipt_display in content and golmud_app.receipt_display not in content
    assert ModelLogEntry.objects.filter(action="joining.exported", object_id=str(courier_app.pk)).exists()


def test_deletion_is_for_administrators_and_logged(client, officers, site_admin, courier_app):
    client.force_login(officers["chengbei"])
    assert client.post(f"/admin/ruhui/{courier_app.pk}/delete/").status_code in (302, 403)
    assert Application.objects.filter(pk=courier_app.pk).exists()
    client.force_login(site_admin)
    assert client.post(f"/admin/ruhui/{courier_app.pk}/delete/").status_code == 302
    assert not Application.objects.exists()
    assert ModelLogEntry.objects.filter(action="joining.deleted", object_id=str(courier_app.pk)).exists()


def test_anonymous_and_editors_are_kept_out(client, db, django_user_model, courier_app):
    assert client.get("/admin/ruhui/").status_code == 302
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    client.force_login(editor)
    assert client.get("/admin/ruhui/").status_code in (302, 403)


def test_overdue_on_the_dashboard(client, officers, courier_app):
    Application.objects.filter(pk=courier_app.pk).update(
        first_contact_due=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(officers["chengbei"])
    html = client.get("/admin/").content.decode()
    assert "超期未联系的入会申请" in html and courier_app.receipt_display in html


def test_first_contact_deadline_counts_working_days(db, settings, tree):
    from core.workdays import deadline_after

    settings.JOINING_FIRST_CONTACT_WORKING_DAYS = 5
    application = make_application(tree["courier"])
    assert application.first_contact_due == deadline_after(application.created_at, 5)


# -- lookup ------------------------------------------------------------------------------


def test_lookup_shows_progress_and_public_comments_only(client, site_root, officers, courier_app):
    change_status(courier_app, officers["chengbei"], Status.ACCEPTED, comment="已电话联系", public=True)
    change_status(
        courier_app,
        officers["chengbei"],
        Status.FORWARDED,
        comment="内部：该营业部工会主席电话",
        public=False,
    )
    response = client.post(
        "/ruhui/chaxun/", {"code": courier_app.receipt_display.lower(), "mobile": "139-1234-5678"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "已转交基层工会" in html and "已电话联系" in html and "内部" not in html


def test_lookup_cannot_enumerate(client, site_root, courier_app):
    wrong_mobile = client.post("/ruhui/chaxun/", {"code": courier_app.receipt_code, "mobile": "13800000000"})
    unknown_code = client.post("/ruhui/chaxun/", {"code": "AAAA-AAAA", "mobile": "13912345678"})
    assert wrong_mobile.status_code == unknown_code.status_code == 404

    def strip(r):
        return (
            re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())
            .replace("13800000000", "")
            .replace("13912345678", "")
            .replace(courier_app.receipt_code, "")
            .replace("AAAA-AAAA", "")
        )

    assert strip(wrong_mobile) == strip(unknown_code)
    assert "没有找到" in wrong_mobile.content.decode()


def test_lookup_is_rate_limited(client, site_root, courier_app, settings):
    settings.JOINING_LOOKUP_RATE_LIMIT = 3
    for _ in range(3):
        client.post("/ruhui/chaxun/", {"code": "AAAAAAAA", "mobile": "13912345678"})
    blocked = client.post("/ruhui/chaxun/", {"code": courier_app.receipt_code, "mobile": "13912345678"})
    assert blocked.status_code == 429 and "过于频繁" in blocked.content.decode()


# -- retention -----------------------------------------------------------------------------


def test_retention_removes_personal_data_and_keeps_counts(officers, courier_app, golmud_app, capsys):
    change_status(courier_app, officers["chengbei"], Status.REJECTED, reason="重复申请", comment="联系了卓玛")
    Application.objects.filter(pk=courier_app.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("purge_join_applications", "--dry-run")
    assert "将删除 1 份" in capsys.readouterr().out
    call_command("purge_join_applications")
    courier_app.refresh_from_db()
    assert (
        courier_app.name == ""
        and courier_app.mobile == ""
        and courier_app.employer == ""
        and courier_app.anonymised_at
    )
    assert courier_app.status == Status.REJECTED and courier_app.prefecture == "西宁市"
    assert not ApplicationEvent.objects.filter(application=courier_app).exclude(comment="").exists()
    golmud_app.refresh_from_db()
    assert golmud_app.name == "卓玛"  # open: untouched
    assert ModelLogEntry.objects.filter(action="joining.anonymised", object_id=str(courier_app.pk)).exists()


@pytest.mark.parametrize("days", ["0", "-3", "abc"])
def test_retention_refuses_bad_arguments_in_chinese(db, days):
    with pytest.raises(CommandError, match="--days 必须是正整数"):
        call_command("purge_join_applications", "--days", days)


def test_site_administrators_manage_assignments_in_the_wagtail_admin(client, db, tree, django_user_model):
    from django.contrib.auth.models import Group

    call_command("setup_editorial", verbosity=0)
    call_command("setup_joining")
    user = django_user_model.objects.create_user("zhan", password="pw")
    user.groups.add(Group.objects.get(name="站点管理员"))
    officer = django_user_model.objects.create_user("officer", password="pw")
    client.force_login(user)
    assert client.get("/admin/joining_assignments/").status_code == 200
    response = client.post(
        "/admin/joining_assignments/new/", {"user": officer.pk, "organisation": tree["chengbei"].pk}
    )
    assert response.status_code == 302
    assert officer.joining_assignments.get().organisation == tree["chengbei"]
