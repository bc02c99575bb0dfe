"""The organisation tree, its validation, and the demo data."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from directory.models import UnionOrganisation
from directory.vocab import REGIONS

from .conftest import make_org

pytestmark = pytest.mark.django_db


def test_tree_paths_follow_the_parent_and_moves(tree):
    courier = tree["courier"]
    assert (
        courier.tree_path == f"/{tree['province'].pk}/{tree['xining'].pk}/{tree['chengbei'].pk}/{courier.pk}/"
    )
    subtree = set(UnionOrganisation.objects.subtree_of([tree["chengbei"]]).values_list("code", flat=True))
    assert subtree == {"XN-CB", "XN-CB-KD", "XN-CB-G1"}
    chengbei = tree["chengbei"]
    chengbei.parent = tree["haixi"]
    chengbei.save()
    courier.refresh_from_db()
    assert courier.tree_path.startswith(tree["haixi"].tree_path)
    assert [a.code for a in courier.ancestors()] == ["QH", "HX", "XN-CB"]


def test_a_parent_cannot_be_its_own_descendant(tree):
    xining = tree["xining"]
    xining.parent = tree["courier"]
    with pytest.raises(ValidationError) as error:
        xining.full_clean()
    assert "下级" in str(error.value)


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"prefecture": "西宁市", "county": "格尔木市"}, "属于海西蒙古族藏族自治州"),
        ({"county": "朝阳区"}, "不是青海省的县区"),
        ({"worker_groups": "快递员"}, "未知的职工类别"),
        ({"phone": "请拨打"}, "办公电话"),
        ({"latitude": 36}, "经纬度"),
    ],
)
def test_validation_messages_are_chinese(db, fields, message):
    organisation = UnionOrganisation(code="T-1", name="测试工会", level="grassroots", **fields)
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert message in str(error.value)


def test_county_fills_its_prefecture(db):
    organisation = make_org("T-2", "测试工会（演示）", "grassroots", county="玛多县")
    assert organisation.prefecture == "果洛藏族自治州"


def test_demo_data_covers_all_eight_prefectures_and_reloads_without_change(db, capsys):
    call_command("load_union_directory")
    assert "新增" in capsys.readouterr().out
    organisations = UnionOrganisation.objects.all()
    assert organisations.count() > 100
    assert set(organisations.exclude(prefecture="").values_list("prefecture", flat=True)) == set(REGIONS)
    assert all("演示" in name for name in organisations.values_list("name", flat=True))
    assert organisations.filter(level="province").count() == 1
    before = list(organisations.order_by("pk").values())
    call_command("load_union_directory")
    assert "新增 0 个，更新 0 个" in capsys.readouterr().out
    assert list(UnionOrganisation.objects.order_by("pk").values()) == before


def test_demo_loader_refuses_production(db, settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="不允许"):
        call_command("load_union_directory")
