"""Qinghai's 市州 and 县区 are kept once (core/regions.py); the directory, 网上入会, 12351 留言 and
the 劳模风采 regions all offer the same 8 市州 in the same order."""

import pytest

from core.regions import COUNTY_TO_PREFECTURE, PREFECTURES
from directory.vocab import PREFECTURE_CHOICES, REGIONS
from interaction.models import Region
from tests.qinghai import PREFECTURE_NAMES


def test_every_list_offers_the_same_eight_prefectures():
    assert [prefecture.name for prefecture in PREFECTURES] == PREFECTURE_NAMES
    assert [label for _, label in PREFECTURE_CHOICES] == PREFECTURE_NAMES
    assert Region.labels == [*PREFECTURE_NAMES, "省直", "中央驻青"]
    # Stored values stay what they were: full names in the directory, codes in 12351 留言.
    assert Region.XINING == "xining" and Region.HAIXI == "haixi"
    assert REGIONS["海西蒙古族藏族自治州"][-1] == "大柴旦行政委员会"


def test_a_county_belongs_to_exactly_one_prefecture():
    counties = [county for prefecture in PREFECTURES for county in prefecture.counties]
    assert len(counties) == len(set(counties)) == len(COUNTY_TO_PREFECTURE)
    assert COUNTY_TO_PREFECTURE["格尔木市"] == "海西蒙古族藏族自治州"
    assert COUNTY_TO_PREFECTURE["湟中区"] == "西宁市"


@pytest.mark.django_db
def test_the_demo_seeds_the_model_worker_regions_from_the_same_list():
    from demo.builders import ensure_vocabularies
    from workers.models import Region as WorkerRegion

    ensure_vocabularies(
        {"regions": [{"name": "省直", "slug": "shengzhi"}], "honour_titles": [], "industries": []}
    )
    regions = list(WorkerRegion.objects.order_by("sort_order").values_list("slug", "name"))
    assert regions == [*((p.code, p.name) for p in PREFECTURES), ("shengzhi", "省直")]
