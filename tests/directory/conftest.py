"""A small directory: the province, two 市州, counties, and unions in 西宁 and 格尔木."""

from decimal import Decimal

import pytest

from directory.models import UnionOrganisation


def make_org(code, name, level, parent=None, **fields):
    lat, lng = fields.pop("lat", None), fields.pop("lng", None)
    organisation = UnionOrganisation(
        code=code,
        name=name,
        level=level,
        parent=parent,
        latitude=None if lat is None else Decimal(str(round(lat, 6))),
        longitude=None if lng is None else Decimal(str(round(lng, 6))),
        **fields,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@pytest.fixture
def tree(db):
    province = make_org("QH", "青海省总工会（演示）", "province", accepts_online=True, lat=36.62, lng=101.78)
    xining = make_org(
        "XN",
        "西宁市总工会（演示）",
        "city",
        province,
        prefecture="西宁市",
        accepts_online=True,
        lat=36.62,
        lng=101.78,
    )
    haixi = make_org(
        "HX",
        "海西州总工会（演示）",
        "city",
        province,
        prefecture="海西蒙古族藏族自治州",
        accepts_online=True,
        lat=37.37,
        lng=97.36,
    )
    chengbei = make_org(
        "XN-CB",
        "城北区总工会（演示）",
        "county",
        xining,
        prefecture="西宁市",
        county="城北区",
        accepts_online=True,
        lat=36.67,
        lng=101.77,
    )
    courier = make_org(
        "XN-CB-KD",
        "城北区快递行业工会联合会（演示）",
        "industry",
        chengbei,
        prefecture="西宁市",
        county="城北区",
        industry="postal",
        worker_groups="newforms",
        accepts_online=True,
        lat=36.672,
        lng=101.772,
    )
    rider = make_org(
        "XN-CD-WM",
        "城东区外卖配送行业工会（演示）",
        "industry",
        xining,
        prefecture="西宁市",
        county="城东区",
        industry="it",
        worker_groups="newforms",
        accepts_online=True,
        lat=36.61,
        lng=101.80,
    )
    golmud = make_org(
        "HX-GEM",
        "格尔木市货车司机工会联合会（演示）",
        "industry",
        haixi,
        prefecture="海西蒙古族藏族自治州",
        county="格尔木市",
        industry="logistics",
        worker_groups="newforms,migrant",
        accepts_online=True,
        lat=36.41,
        lng=94.91,
    )
    factory = make_org(
        "XN-CB-G1",
        "城北区某药业有限公司工会（演示）",
        "grassroots",
        chengbei,
        prefecture="西宁市",
        county="城北区",
        industry="manufacturing",
        worker_groups="employee",
        accepts_online=False,
        lat=36.70,
        lng=101.75,
    )
    return {
        "province": province,
        "xining": xining,
        "haixi": haixi,
        "chengbei": chengbei,
        "courier": courier,
        "rider": rider,
        "golmud": golmud,
        "factory": factory,
    }
