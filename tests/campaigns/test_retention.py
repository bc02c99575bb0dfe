"""The retention period: purge_signups deletes sign-ups older than SIGNUP_RETENTION_DAYS."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import PageLogEntry

pytestmark = pytest.mark.django_db


def submission_aged(form_page, days):
    submission = FormSubmission.objects.create(page=form_page, form_data={"name": f"{days}天前"})
    FormSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days)
    )
    return submission


def test_purge_deletes_only_signups_past_the_retention_period(signup_form, settings, capsys):
    settings.SIGNUP_RETENTION_DAYS = 180
    old = submission_aged(signup_form, 200)
    recent = submission_aged(signup_form, 10)
    call_command("purge_signups")
    assert not FormSubmission.objects.filter(pk=old.pk).exists()
    assert FormSubmission.objects.filter(pk=recent.pk).exists()
    assert "已删除 1 条超过 180 天的报名信息" in capsys.readouterr().out
    entry = PageLogEntry.objects.get(action="campaigns.signups_purged")
    assert entry.page_id == signup_form.pk and entry.data["deleted"] == 1


def test_default_retention_is_a_year(signup_form):
    kept = submission_aged(signup_form, 300)
    expired = submission_aged(signup_form, 400)
    call_command("purge_signups")
    assert FormSubmission.objects.filter(pk=kept.pk).exists()
    assert not FormSubmission.objects.filter(pk=expired.pk).exists()


def test_dry_run_deletes_nothing(signup_form, capsys):
    submission_aged(signup_form, 400)
    call_command("purge_signups", "--dry-run")
    assert FormSubmission.objects.count() == 1
    assert "将删除 1 条" in capsys.readouterr().out


def test_days_must_be_positive(signup_form):
    with pytest.raises(CommandError):
        call_command("purge_signups", "--days", "0")
