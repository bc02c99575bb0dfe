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


# The tree, parents first: key → (code, name, level, parent, county, industry, worker groups,
# accepts online, lat, lng). The 市州 follows from the code: XN… 西宁市, HX… 海西州, the province none.
PREFECTURES = {"XN": "西宁市", "HX": "海西蒙古族藏族自治州"}
# fmt: off
TREE = {
    "province": ("QH", "青海省总工会（演示）", "province", None, "", "", "", True, 36.62, 101.78),
    "xining": ("XN", "西宁市总工会（演示）", "city", "province", "", "", "", True, 36.62, 101.78),
    "haixi": ("HX", "海西州总工会（演示）", "city", "province", "", "", "", True, 37.37, 97.36),
    "chengbei": ("XN-CB", "城北区总工会（演示）", "county", "xining", "城北区", "", "", True, 36.67, 101.77),
    "courier": ("XN-CB-KD", "城北区快递行业工会联合会（演示）", "industry", "chengbei", "城北区", "postal", "newforms", True, 36.672, 101.772),
    "rider": ("XN-CD-WM", "城东区外卖配送行业工会（演示）", "industry", "xining", "城东区", "it", "newforms", True, 36.61, 101.80),
    "golmud": ("HX-GEM", "格尔木市货车司机工会联合会（演示）", "industry", "haixi", "格尔木市", "logistics", "newforms,migrant", True, 36.41, 94.91),
    "factory": ("XN-CB-G1", "城北区某药业有限公司工会（演示）", "grassroots", "chengbei", "城北区", "manufacturing", "employee", False, 36.70, 101.75),
}
# fmt: on


@pytest.fixture
def tree(db):
    made = {}
    for key, (code, name, level, parent, county, industry, groups, online, lat, lng) in TREE.items():
        fields = {"prefecture": PREFECTURES.get(code.split("-")[0], ""), "county": county}
        fields.update({"industry": industry, "worker_groups": groups} if industry else {})
        made[key] = make_org(
            code, name, level, made.get(parent), accepts_online=online, lat=lat, lng=lng, **fields
        )
    return made
