"""Editors can create and edit campaigns, events and forms in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def test_edit_screens_render(client, admin_user, campaign, signup_form):
    client.force_login(admin_user)
    for page in (campaign.get_parent(), campaign, signup_form):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
    assert (
        client.get(
            reverse("wagtailadmin_pages:add", args=["campaigns", "campaignformpage", campaign.pk])
        ).status_code
        == 200
    )


def test_editor_creates_a_campaign_with_pinyin_slug_and_an_event(client, admin_user, campaign_index, today):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", campaign_index.pk])
    event = {
        "title": "焊工技能培训班开班",
        "starts_at": "2027-03-01 09:00",
        "ends_at": "2027-03-01 08:00",
        "place": "西宁",
        "description": "",
    }

    def form_data(event):
        return nested_form_data(
            {
                "title": "职工技能提升年",
                "slug": "",
                "slogan": "学技能 长本领",
                "intro": "组织职工参加技能培训和等级认定。",
                "start_date": today.isoformat(),
                "end_date": "",
                "goals": rich_text(""),
                "news_tag": "技能提升",
                "key_figures": streamfield([]),
                "milestones": streamfield([]),
                "body": streamfield([]),
                "events": inline_formset([event]),
                "related_articles": inline_formset([]),
                "worker_links": inline_formset([]),
            }
        )

    # An event ending before it starts is refused with a message on the field.
    response = client.post(url, form_data(event))
    assert response.status_code == 200
    assert "结束时间不能早于开始时间" in response.content.decode()
    response = client.post(url, form_data({**event, "ends_at": "2027-03-01 17:00"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CampaignPage.objects.get(title="职工技能提升年")
    assert page.slug == "zhi-gong-ji-neng-ti-sheng-nian"
    assert [event.title for event in page.get_latest_revision_as_object().events.all()] == [
        "焊工技能培训班开班"
    ]
    assert PageLogEntry.objects.filter(page=page, action="wagtail.create").exists()
