import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowPage

from editorial.models import GlossaryEntry
from editorial.roles import ROLE_GROUPS

pytestmark = pytest.mark.django_db


def test_setup_editorial_is_idempotent_and_covers_the_sections(editorial):
    call_command("setup_editorial", stdout=open("/dev/null", "w"))
    counts = (Group.objects.count(), GlossaryEntry.objects.count(), WorkflowPage.objects.count())
    call_command("setup_editorial", stdout=open("/dev/null", "w"))
    assert (Group.objects.count(), GlossaryEntry.objects.count(), WorkflowPage.objects.count()) == counts
    assert set(ROLE_GROUPS) <= set(Group.objects.values_list("name", flat=True))
    assert GlossaryEntry.objects.count() >= 50
    section = Page.objects.get(pk=editorial["section"].pk)
    workflow = section.get_workflow()
    assert workflow.name == "三审"
    assert [task.name for task in workflow.tasks] == ["规范用语检查", "初审", "复审", "终审"]


def test_dashboard_shows_my_reviews_my_sent_back_items_and_scheduled_items(
    client, staff, draft_article, submit, scheduled_article
):
    waiting = submit(draft_article(title="等待初审的稿件"), staff["writer"])
    sent_back = submit(draft_article(title="被退回的稿件", paragraphs=("一函二书",)), staff["writer"])
    go_live = timezone.now() + datetime.timedelta(days=2)
    scheduled_article(go_live, title="定时发布的稿件")

    client.force_login(staff["first"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "待我审核" in html and waiting.title in html

    client.force_login(staff["writer"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "我被退回的稿件" in html and sent_back.title in html
    assert "待定时发布" in html and "定时发布的稿件" in html
    # The writer reviews nothing.
    assert "目前没有等待您审核的稿件。" in html
