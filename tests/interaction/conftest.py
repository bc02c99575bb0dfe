import pytest

from core import workdays
from interaction.access import HANDLER_GROUP, SUPERVISOR_GROUP
from interaction.models import Region
from tests.factories.interaction import make_message, make_staff


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.INTERACTION_PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_calendar():
    workdays.forget_overrides()
    yield
    workdays.forget_overrides()


@pytest.fixture
def xining_handler(db):
    return make_staff("xining", HANDLER_GROUP, regions=[Region.XINING], last_name="王", first_name="宁")


@pytest.fixture
def haidong_handler(db):
    return make_staff("haidong", HANDLER_GROUP, regions=[Region.HAIDONG], last_name="李", first_name="东")


@pytest.fixture
def supervisor(db):
    return make_staff("dudban", SUPERVISOR_GROUP, last_name="赵", first_name="督")


@pytest.fixture
def message(db):
    return make_message(mobile="13912345678", name="张三")
