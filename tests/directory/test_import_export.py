"""Bulk import/export: preview with row errors, all or nothing, idempotent re-import, clean round trip."""

import io

import pytest
import tablib
from django.contrib.auth import get_user_model
from import_export.formats.base_formats import CSV, XLSX

from directory.models import UnionOrganisation
from directory.resources import UnionOrganisationResource

pytestmark = pytest.mark.django_db

IMPORT_URL = "/django-admin/directory/unionorganisation/import/"
PROCESS_URL = "/django-admin/directory/unionorganisation/process_import/"
HEADERS = "编码,名称,层级,上级组织编码,市州,县区,行业,办公地址,办公时间,办公电话,接收的职工类别,接受网上入会,纬度,经度,公开显示"


def csv_file(*rows, name="orgs.csv"):
    content = "\n".join([HEADERS, *rows]) + "\n"
    upload = io.BytesIO(("\ufeff" + content).encode("utf-8"))
    upload.name = name
    return upload


GOOD = [
    "QH,青海省总工会（演示）,省总工会,,,,综合（区域性）,西宁市城中区,工作日,0971-0000001,新就业形态劳动者、农民工,是,36.62,101.78,是",
    "XN,西宁市总工会（演示）,市州总工会,QH,西宁市,,综合（区域性）,西宁市,工作日,0971-0000002,农民工,是,36.62,101.78,是",
    "XN-CB-KD,城北区快递行业工会联合会（演示）,产业工会,XN,西宁市,城北区,邮政快递,,,,新就业形态劳动者,是,36.672,101.772,是",
]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(user)
    return client


def csv_format_index():
    return "0"  # CSV first in UnionOrganisationAdmin.import_formats


def preview(admin_client, upload):
    return admin_client.post(IMPORT_URL, {"import_file": upload, "format": csv_format_index()})


def confirm(admin_client, response):
    form = response.context["confirm_form"]
    return admin_client.post(PROCESS_URL, {name: form.initial[name] for name in form.initial}, follow=True)


def test_valid_file_is_previewed_then_written(admin_client):
    response = preview(admin_client, csv_file(*GOOD))
    assert response.status_code == 200
    assert response.context["confirm_form"] is not None
    assert UnionOrganisation.objects.count() == 0  # preview writes nothing
    confirm(admin_client, response)
    assert UnionOrganisation.objects.count() == 3
    courier = UnionOrganisation.objects.get(code="XN-CB-KD")
    assert (
        courier.parent.code == "XN" and courier.industry == "postal" and courier.worker_groups == "newforms"
    )
    assert courier.tree_path.startswith(UnionOrganisation.objects.get(code="QH").tree_path)
    assert " 快递 " in courier.search_text


def test_a_file_with_one_bad_row_shows_every_error_with_its_row_and_writes_nothing(admin_client):
    bad = [
        GOOD[0],
        "XN,西宁市总工会（演示）,市级工会,QH,西宁市,,综合（区域性）,,,,,是,,,是",  # unknown level
        "XN-CB,城北区总工会（演示）,县区总工会,NOPE,西宁市,格尔木市,,,,,,也许,,,是",  # parent, county, yes/no
    ]
    response = preview(admin_client, csv_file(*bad))
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    result = response.context["result"]
    assert result.has_validation_errors()
    rows = {row.number: row for row in result.invalid_rows}
    assert set(rows) == {2, 3}
    html = response.content.decode()
    assert "未知的层级：市级工会" in html
    assert "找不到编码为“NOPE”的上级组织" in html
    assert "请填写“是”或“否”" in html
    assert UnionOrganisation.objects.count() == 0


def test_reimporting_the_same_file_changes_nothing(admin_client):
    confirm(admin_client, preview(admin_client, csv_file(*GOOD)))
    before = list(UnionOrganisation.objects.order_by("pk").values())
    result = UnionOrganisationResource().import_data(
        tablib.Dataset().load(csv_file(*GOOD).read().decode("utf-8-sig"), format="csv"), dry_run=True
    )
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 3 and result.totals["new"] == 0 and result.totals["update"] == 0
    confirm(admin_client, preview(admin_client, csv_file(*GOOD)))
    assert list(UnionOrganisation.objects.order_by("pk").values()) == before


@pytest.mark.parametrize("file_format", [CSV, XLSX])
def test_export_reimports_cleanly(tree, file_format):
    dataset = UnionOrganisationResource().export()
    assert dataset.headers == HEADERS.split(",")
    exported = file_format().export_data(dataset)
    loaded = file_format().create_dataset(exported)
    before = list(UnionOrganisation.objects.order_by("pk").values())
    result = UnionOrganisationResource().import_data(loaded, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == len(before)
    assert list(UnionOrganisation.objects.order_by("pk").values()) == before


def test_export_into_an_empty_database_recreates_the_tree(tree):
    dataset = UnionOrganisationResource().export()
    exported = CSV().export_data(dataset)
    UnionOrganisation.objects.all().update(parent=None)
    UnionOrganisation.objects.all().delete()
    result = UnionOrganisationResource().import_data(CSV().create_dataset(exported), dry_run=False)
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert result.totals["new"] == 8
    assert UnionOrganisation.objects.get(code="XN-CB-KD").parent.code == "XN-CB"


def test_only_staff_reach_the_import(client):
    assert client.get(IMPORT_URL).status_code == 302
