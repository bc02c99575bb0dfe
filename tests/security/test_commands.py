"""Bad arguments get a clear message, never a traceback."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("days", [99999999999, 999999999, 36501, 0, -5])
def test_purge_signups_refuses_out_of_range_days(days):
    with pytest.raises(CommandError, match="--days 必须是 1 到 36500 之间的整数"):
        call_command("purge_signups", "--days", str(days), "--dry-run")


def test_purge_signups_refuses_an_impossible_retention_setting(settings):
    settings.SIGNUP_RETENTION_DAYS = 10**12
    with pytest.raises(CommandError, match="SIGNUP_RETENTION_DAYS"):
        call_command("purge_signups", "--dry-run")


def test_purge_signups_accepts_a_century(capsys):
    call_command("purge_signups", "--days", "36500", "--dry-run")
    assert "将删除 0 条" in capsys.readouterr().out


def test_reset_two_factor_names_an_unknown_user():
    with pytest.raises(CommandError, match="没有用户名为 nobody 的用户"):
        call_command("reset_two_factor", "nobody")
