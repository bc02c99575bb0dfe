"""Officers and applications on top of the directory's test tree."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from joining.models import OfficerAssignment
from tests.directory.conftest import tree  # noqa: F401  (the organisation tree fixture)


class RecordingBackend:
    """A notification backend that keeps what it was given (settings.NOTIFICATION_BACKENDS)."""

    sent = []

    def send(self, notification):
        RecordingBackend.sent.append(notification)
        return len(notification.recipients)


@pytest.fixture
def notifications(settings):
    settings.NOTIFICATION_BACKENDS = ["core.notify.EmailBackend", "tests.joining.conftest.RecordingBackend"]
    RecordingBackend.sent = []
    return RecordingBackend.sent


@pytest.fixture
def groups(db):
    call_command("setup_joining")
    return Group.objects.get(name="入会受理员")


def make_officer(username, organisation, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(group)
    OfficerAssignment.objects.create(user=user, organisation=organisation)
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def officers(tree, groups):  # noqa: F811
    return {
        "province": make_officer("sheng", tree["province"], groups),
        "xining": make_officer("xining", tree["xining"], groups),
        "chengbei": make_officer("chengbei", tree["chengbei"], groups),
        "haixi": make_officer("haixi", tree["haixi"], groups),
    }


@pytest.fixture
def site_admin(db):
    return get_user_model().objects.create_superuser("root", "root@example.com", "pw")


WHO = {"applicant_name": "卓玛", "mobile": "139 1234 5678", "gender": "female", "ethnicity": "藏族"}
WORK = {
    "employer": "某快递城北营业部",
    "work_kind": "courier",
    "prefecture": "西宁市",
    "county": "城北区",
    "industry": "postal",
}


@pytest.fixture
def apply_data(tree):  # noqa: F811
    return {**WHO, **WORK, "organisation": "XN-CB-KD", "consent": "on", "step": "3", "action": "next"}
