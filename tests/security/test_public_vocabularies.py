"""Vocabularies shown on public pages (劳模 honour titles, industries, regions) change the public
site at once, so only 站点管理员 (and superusers) change them; editors may only see and choose them."""

import pytest
from django.urls import reverse

from editorial.roles import FIRST_REVIEW, setup_editorial
from tests.factories import HonourTitleFactory, IndustryFactory, RegionFactory
from workers.models import HonourTitle, Industry, Region

pytestmark = pytest.mark.django_db

ROLES = ["writer", "first", "second", "final", "site_admin", "superuser"]
MAY_CHANGE = {"site_admin", "superuser"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "factory,model",
    [(HonourTitleFactory, HonourTitle), (IndustryFactory, Industry), (RegionFactory, Region)],
)
def test_only_site_administrators_rename_a_public_vocabulary(client, people, role, factory, model):
    item = factory(name="旧名称", slug="jiu-mingcheng")
    client.force_login(people[role])
    opts = model._meta
    url = reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[item.pk])
    data = {"name": "被改的名称", "slug": "jiu-mingcheng", "sort_order": 100}
    if model is HonourTitle:
        data["level"] = item.level
    response = client.post(url, data)
    renamed = model.objects.get(pk=item.pk).name == "被改的名称"
    assert renamed == (role in MAY_CHANGE), response.status_code
    add_url = reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:add")
    assert (client.get(add_url).status_code == 200) == (role in MAY_CHANGE)
    delete_url = reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:delete", args=[item.pk])
    if role not in MAY_CHANGE:
        client.post(delete_url)
        assert model.objects.filter(pk=item.pk).exists()


def test_editors_still_see_the_vocabulary_to_choose_from(client, people):
    RegionFactory(name="海东市", slug="haidong")
    client.force_login(people["first"])
    response = client.get(reverse("wagtailsnippets_workers_region:list"))
    assert response.status_code == 200 and "海东市" in response.content.decode()


def test_setup_editorial_takes_back_rights_given_before(editorial):
    from django.contrib.auth.models import Permission

    group = editorial["groups"][FIRST_REVIEW]
    group.permissions.add(Permission.objects.get(codename="change_region"))
    setup_editorial()
    assert not group.permissions.filter(
        codename__in=["add_region", "change_region", "delete_region"]
    ).exists()
    assert group.permissions.filter(codename="view_region").exists()


def test_a_rename_is_in_the_audit_log(client, people):
    from wagtail.models import ModelLogEntry

    item = RegionFactory(name="果洛州", slug="guoluo")
    client.force_login(people["site_admin"])
    url = reverse("wagtailsnippets_workers_region:edit", args=[item.pk])
    client.post(url, {"name": "果洛藏族自治州", "slug": "guoluo", "sort_order": 100})
    assert ModelLogEntry.objects.filter(
        object_id=str(item.pk), action="wagtail.edit", user=people["site_admin"]
    ).exists()
