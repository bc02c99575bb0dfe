"""找工会 for readers: filters with counts, segmented search, nearest first, bounded queries, QR."""

import pytest

from directory.finder import distance_km

from .conftest import make_org

pytestmark = pytest.mark.django_db


def names(response):
    return [organisation.name for organisation in response.context["organisations"]]


def facet(response, name):
    found = next(f for f in response.context["facets"] if f.name == name)
    return {option.value: option.count for option in found.options}


def test_lists_every_public_organisation_with_counts_per_filter(client, site_root, tree):
    response = client.get("/zhaogonghui/")
    assert response.status_code == 200
    assert response.context["listing"].paginator.count == 8
    assert facet(response, "region") == {"西宁市": 5, "海西蒙古族藏族自治州": 2}
    assert facet(response, "online") == {"1": 7}
    assert facet(response, "group")["newforms"] == 3
    assert "public" in response["Cache-Control"]


def test_filters_combine_and_each_count_applies_the_other_filters(client, site_root, tree):
    response = client.get("/zhaogonghui/", {"region": "西宁市", "group": "newforms"})
    assert sorted(names(response)) == sorted(
        ["城北区快递行业工会联合会（演示）", "城东区外卖配送行业工会（演示）"]
    )
    # The region counts keep the group filter but not the region filter.
    assert facet(response, "region") == {"西宁市": 2, "海西蒙古族藏族自治州": 1}
    # With a 市州 chosen its 县区 appear, counted with both filters.
    assert facet(response, "county") == {"城北区": 1, "城东区": 1}
    county = client.get("/zhaogonghui/", {"region": "西宁市", "county": "城北区", "online": "1"})
    assert sorted(names(county)) == sorted(["城北区总工会（演示）", "城北区快递行业工会联合会（演示）"])


def test_unknown_filter_values_are_ignored_with_a_note(client, site_root, tree):
    response = client.get("/zhaogonghui/", {"region": "火星", "county": "城北区", "level": "x" * 200})
    assert response.status_code == 200
    text = response.content.decode()
    assert "已忽略无法识别的筛选条件" in text
    # A county alone selects its 市州 too.
    assert response.context["query"].active == {"county": "城北区", "region": "西宁市"}


def test_a_county_of_another_region_is_dropped(client, site_root, tree):
    response = client.get("/zhaogonghui/", {"region": "海西蒙古族藏族自治州", "county": "城北区"})
    assert "城北区不属于海西蒙古族藏族自治州" in response.content.decode()
    assert response.context["query"].active == {"region": "海西蒙古族藏族自治州"}


def test_segmented_search_finds_by_every_word(client, site_root, tree):
    response = client.get("/zhaogonghui/", {"q": "城北 快递"})
    assert names(response) == ["城北区快递行业工会联合会（演示）"]
    # Words run together are segmented the same way.
    assert names(client.get("/zhaogonghui/", {"q": "城北快递"})) == ["城北区快递行业工会联合会（演示）"]
    assert "城东区外卖配送行业工会（演示）" in names(client.get("/zhaogonghui/", {"q": "外卖"}))
    assert names(client.get("/zhaogonghui/", {"q": "格尔木 货车"})) == ["格尔木市货车司机工会联合会（演示）"]
    assert names(client.get("/zhaogonghui/", {"q": "城北 货车"})) == []


def test_search_syntax_and_long_queries_are_harmless(client, site_root, tree):
    for query in ['"城北', "AND OR NOT *", "%_'", "快递" * 200]:
        assert client.get("/zhaogonghui/", {"q": query}).status_code == 200


def test_nearest_first_when_a_location_is_given(client, site_root, tree):
    make_org("XN-NOLOC", "没有坐标的工会（演示）", "grassroots", tree["xining"], prefecture="西宁市")
    response = client.get("/zhaogonghui/", {"lat": "36.40", "lng": "94.90"})  # 格尔木
    result = names(response)
    assert result[0] == "格尔木市货车司机工会联合会（演示）"
    assert result[1] == "海西州总工会（演示）"
    assert result[-1] == "没有坐标的工会（演示）"
    assert "公里" in response.content.decode()
    # A location is personal: never in a shared cache.
    assert "private" in response["Cache-Control"]
    nearest_xining = names(client.get("/zhaogonghui/", {"lat": "36.672", "lng": "101.772"}))
    assert nearest_xining[0] == "城北区快递行业工会联合会（演示）"


def test_a_location_outside_qinghai_or_garbage_is_ignored(client, site_root, tree):
    for params in ({"lat": "abc", "lng": "1"}, {"lat": "0", "lng": "0"}, {"lat": "nan", "lng": "inf"}):
        response = client.get("/zhaogonghui/", params)
        assert response.status_code == 200
        assert response.context["query"].location is None
        assert "默认顺序" in response.content.decode()


def test_distance_is_haversine():
    # 西宁 to 格尔木 is about 630 km as the crow flies.
    assert 600 < distance_km(36.62, 101.78, 36.41, 94.91) < 660


@pytest.mark.parametrize(
    "params",
    [
        {},
        {
            "region": "西宁市",
            "county": "城北区",
            "level": "industry",
            "industry": "postal",
            "group": "newforms",
            "online": "1",
        },
        {"q": "城北 快递", "lat": "36.6", "lng": "101.7", "region": "西宁市", "page": "1"},
    ],
)
def test_queries_are_bounded_whatever_the_filters(
    client, site_root, tree, django_assert_max_num_queries, params
):
    for index in range(60):
        make_org(
            f"XN-B{index}",
            f"城北区第{index}快递网点工会（演示）",
            "grassroots",
            tree["chengbei"],
            prefecture="西宁市",
            county="城北区",
            industry="postal",
            worker_groups="newforms",
            accepts_online=True,
            lat=36.6 + index / 1000,
            lng=101.7,
        )
    client.get("/zhaogonghui/")  # warm the site cache and the segmenter, as a running site is
    with django_assert_max_num_queries(15):
        response = client.get("/zhaogonghui/", params)
    assert response.status_code == 200


def test_page_past_the_end_is_404(client, site_root, tree):
    assert client.get("/zhaogonghui/", {"page": "99"}).status_code == 404


def test_organisation_page_has_a_server_drawn_qr_code_to_its_joining_form(client, site_root, tree):
    response = client.get("/zhaogonghui/XN-CB-KD/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "入会申请二维码" in html
    assert "/ruhui/?zuzhi=XN-CB-KD" in html
    assert "城北区总工会（演示）" in html  # parent chain
    # No QR where online applications are not taken.
    assert "<svg" not in client.get("/zhaogonghui/XN-CB-G1/").content.decode()
    assert client.get("/zhaogonghui/NOPE/").status_code == 404


def test_inactive_organisations_are_hidden(client, site_root, tree):
    tree["rider"].is_active = False
    tree["rider"].save()
    assert "城东区外卖配送行业工会（演示）" not in names(client.get("/zhaogonghui/"))
    assert client.get("/zhaogonghui/XN-CD-WM/").status_code == 404


def test_a_schematic_map_of_the_eight_prefectures_links_the_region_filter(client, site_root, tree):
    response = client.get("/zhaogonghui/")
    html = response.content.decode()
    assert html.count('class="directory-map__dot') == 8
    assert 'aria-label="西宁市：5 个工会组织"' in html and 'aria-label="果洛藏族自治州：0 个工会组织"' in html
    points = {point["name"]: point for point in response.context["region_map"]}
    # North is up, west is left: 玉树 is south-west of 西宁.
    assert (
        points["玉树藏族自治州"]["x"] < points["西宁市"]["x"]
        and points["玉树藏族自治州"]["y"] > points["西宁市"]["y"]
    )
    assert all(0 <= point["x"] <= 310 and 0 <= point["y"] <= 150 for point in points.values())
