"""The 劳模风采 index as readers use it: filters alone and combined, counts, sorting, bad input."""

import re
from html import unescape
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from demo.images import get_or_create_image
from workers.models import WorkerPage

pytestmark = pytest.mark.django_db


def names_on(response):
    """Worker names in the grid, in display order."""
    assert response.status_code == 200
    html = response.content.decode()
    grid = html.split('class="worker-grid"')[1].split("</ul>")[0] if 'class="worker-grid"' in html else ""
    return re.findall(r'class="worker-card__name">([^<]+)<', grid)


def facet_counts(response, facet_label):
    """{option label: count} of one filter group in the side panel."""
    html = response.content.decode()
    panel = html.split('class="worker-filters"')[1].split("</aside>")[0]
    for group in panel.split("<details")[1:]:
        summary = re.search(r"<summary>([^<：]+)", group).group(1)
        if summary == facet_label:
            return {
                label.strip(" ✓"): int(count)
                for label, count in re.findall(
                    r'>(?:✓ )?([^<>]+?) <span class="worker-filter__count">（(\d+)）', group
                )
            }
    raise AssertionError(f"no filter group {facet_label}")


@pytest.fixture
def gallery(make_profile):
    """Five profiles spread over regions, industries, honours, 民族 and 性别."""
    make_profile(
        "卓玛措",
        [("qinghai-laomo", 2015, "青海省人民政府"), ("quanguo-laomo", 2020, "中共中央、国务院")],
        gender="女",
        ethnicity="藏族",
        region="yushu",
        industry="yiliao-weisheng",
    )
    make_profile(
        "马成林",
        [("quanguo-wuyi-jiangzhang", 2018, "中华全国总工会")],
        gender="男",
        ethnicity="回族",
        region="xining",
        industry="zhuangbei-zhizao",
    )
    make_profile(
        "韩雪梅",
        [("qinghai-gongjiang", 2022, "青海省总工会")],
        gender="女",
        ethnicity="撒拉族",
        region="haidong",
        industry="nongmuye",
    )
    make_profile(
        "李国栋",
        [("quanguo-laomo", 2015), ("qinghai-laomo", 2010)],
        gender="男",
        ethnicity="汉族",
        region="xining",
        industry="yanhu-huagong",
    )
    make_profile(
        "祁永福",
        [("shizhou-laomo", 2021, "海东市人民政府")],
        gender="男",
        ethnicity="土族",
        region="haidong",
        industry="nongmuye",
    )


def test_grid_shows_name_top_honour_and_employer(client, worker_index, make_profile):
    make_profile(
        "卓玛措",
        [("qinghai-gongjiang", 2023), ("quanguo-laomo", 2020), ("qinghai-laomo", 2015)],
        employer="玉树州人民医院",
    )
    html = client.get(worker_index.url).content.decode()
    card = html.split('class="worker-card"')[1].split("</li>")[0]
    assert "卓玛措" in card
    # The national honour outranks a newer provincial one.
    assert "2020年 全国劳动模范" in card
    assert "玉树州人民医院" in card


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"level": "national"}, {"卓玛措", "马成林", "李国栋"}),
        ({"level": "prefecture"}, {"祁永福"}),
        ({"title": "quanguo-laomo"}, {"卓玛措", "李国栋"}),
        ({"year": "2015"}, {"卓玛措", "李国栋"}),
        ({"industry": "nongmuye"}, {"韩雪梅", "祁永福"}),
        ({"region": "xining"}, {"马成林", "李国栋"}),
        ({"ethnicity": "藏族"}, {"卓玛措"}),
        ({"gender": "女"}, {"卓玛措", "韩雪梅"}),
    ],
)
def test_each_filter_alone(client, worker_index, gallery, query, expected):
    assert set(names_on(client.get(worker_index.url, query))) == expected


def test_filters_combine(client, worker_index, gallery):
    assert names_on(client.get(worker_index.url, {"region": "haidong", "gender": "女"})) == ["韩雪梅"]
    assert names_on(
        client.get(worker_index.url, {"region": "xining", "level": "national", "year": "2018"})
    ) == ["马成林"]
    assert names_on(client.get(worker_index.url, {"industry": "nongmuye", "ethnicity": "藏族"})) == []


def test_honour_filters_describe_one_and_the_same_honour(client, worker_index, gallery):
    # 李国栋 has a national honour (2015) and a provincial one (2010): no national honour in 2010.
    assert names_on(client.get(worker_index.url, {"level": "national", "year": "2010"})) == []
    assert names_on(client.get(worker_index.url, {"level": "provincial", "year": "2010"})) == ["李国栋"]


def test_counts_follow_the_other_filters(client, worker_index, gallery):
    unfiltered = client.get(worker_index.url)
    assert facet_counts(unfiltered, "地区") == {"西宁市": 2, "海东市": 2, "玉树藏族自治州": 1}
    assert facet_counts(unfiltered, "性别") == {"男": 3, "女": 2}
    assert facet_counts(unfiltered, "荣誉级别") == {"国家级": 3, "省部级": 3, "市州级": 1}
    assert facet_counts(unfiltered, "获奖年份") == {
        "2022年": 1,
        "2021年": 1,
        "2020年": 1,
        "2018年": 1,
        "2015年": 2,
        "2010年": 1,
    }

    women = client.get(worker_index.url, {"gender": "女"})
    # Other groups count only the women; the 性别 group still offers both values to switch to.
    assert facet_counts(women, "地区") == {"海东市": 1, "玉树藏族自治州": 1}
    assert facet_counts(women, "民族") == {"藏族": 1, "撒拉族": 1}
    assert facet_counts(women, "性别") == {"男": 3, "女": 2}

    national = client.get(worker_index.url, {"level": "national"})
    # Years of national honours only: the provincial honours of 2015 and 2010 do not count here.
    assert facet_counts(national, "获奖年份") == {"2020年": 1, "2018年": 1, "2015年": 1}


def test_filtered_state_lives_in_links(client, worker_index, gallery):
    html = unescape(client.get(worker_index.url, {"region": "xining", "sort": "name"}).content.decode())
    # Choosing another filter keeps the current ones; the chip removes only its own.
    assert "?region=xining&sort=name&gender=%E7%94%B7" in html
    chips = html.split('aria-label="已选条件"')[1].split("</ul>")[0]
    assert 'href="?sort=name"' in chips and "地区：西宁市" in chips


def test_pagination_keeps_filters(client, worker_index, make_profile):
    for number in range(worker_index.listing_per_page + 2):
        make_profile(f"测试劳模{number:02d}", region="xining", live=True)
    html = unescape(client.get(worker_index.url, {"region": "xining"}).content.decode())
    nav = html.split('aria-label="分页"')[1]
    assert 'href="?region=xining&page=2"' in nav
    second = client.get(worker_index.url, {"region": "xining", "page": "2"})
    assert len(names_on(second)) == 2


def test_sort_by_name_uses_pinyin_order(client, worker_index, make_profile):
    for name in ["张明", "曾丽华", "安多杰", "李海", "刘芳", "林强"]:
        make_profile(name)
    # 曾 as a surname is read zēng, so 曾丽华 sorts under Z, after 张 (zhāng comes after zēng).
    assert names_on(client.get(worker_index.url, {"sort": "name"})) == [
        "安多杰",
        "李海",
        "林强",
        "刘芳",
        "曾丽华",
        "张明",
    ]


def test_default_sort_puts_the_most_recent_honour_first(client, worker_index, gallery):
    assert names_on(client.get(worker_index.url)) == ["韩雪梅", "祁永福", "卓玛措", "马成林", "李国栋"]


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"year": "abc"}, "获奖年份“abc”"),
        ({"year": "20201"}, "获奖年份“20201”"),
        ({"region": "atlantis"}, "地区“atlantis”"),
        ({"level": "<script>alert(1)</script>"}, "荣誉级别“&lt;script&gt;"),
        ({"ethnicity": "火星族"}, "民族“火星族”"),
        ({"gender": "x" * 500}, "性别“" + "x" * 64 + "…”"),
        ({"sort": "price"}, "排序方式“price”"),
    ],
)
def test_bad_filter_values_are_ignored_with_a_note(client, worker_index, gallery, query, note):
    response = client.get(worker_index.url, {**query, "page": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert note in html.split('class="notice"')[1].split("</div>")[0]
    assert "<script>alert" not in html
    assert len(names_on(response)) == 5


def test_a_good_filter_still_applies_next_to_a_bad_one(client, worker_index, gallery):
    response = client.get(worker_index.url, {"region": "xining", "year": "19x9"})
    assert set(names_on(response)) == {"马成林", "李国栋"}
    assert "已忽略无法识别的筛选条件" in response.content.decode()


def test_page_past_the_end_is_a_404_not_a_500(client, worker_index, gallery):
    assert client.get(worker_index.url, {"page": "99"}).status_code == 404


def test_no_match_says_so_and_offers_a_way_back(client, worker_index, gallery):
    html = client.get(worker_index.url, {"ethnicity": "藏族", "region": "xining"}).content.decode()
    assert "没有符合条件的劳模" in html
    assert "清除全部条件" in html


def test_drafts_and_private_profiles_are_neither_listed_nor_counted(
    client, worker_index, gallery, make_profile
):
    make_profile("草稿人", live=False, region="xining")
    private = make_profile("内部人", region="xining")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(worker_index.url).content.decode()
    assert "草稿人" not in html and "内部人" not in html
    assert facet_counts(client.get(worker_index.url), "地区")["西宁市"] == 2


def test_filtered_views_are_not_indexed_by_search_engines(client, worker_index, gallery):
    assert 'name="robots" content="noindex' in client.get(worker_index.url, {"gender": "女"}).content.decode()
    assert 'name="robots"' not in client.get(worker_index.url).content.decode()


def count_queries(client, url):
    client.get(url)  # the first view draws the portraits' renditions once
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_profiles(
    client, worker_index, make_profile, django_assert_max_num_queries
):
    portraits = [get_or_create_image(f"测试肖像{number}", size=(120, 150)) for number in range(3)]
    regions = ["xining", "haidong", "yushu"]
    query = "?" + urlencode({"level": "national", "region": "xining", "gender": "男"})

    def add(count, offset):
        for number in range(offset, offset + count):
            make_profile(
                f"劳模{number:03d}",
                [("quanguo-laomo", 2000 + number % 20), ("qinghai-gongjiang", 2001 + number % 20)],
                region=regions[number % 3],
                gender="男",
                portrait=portraits[number % 3],
            )

    add(3, 0)
    few = count_queries(client, worker_index.url + query)
    add(60, 3)
    many = count_queries(client, worker_index.url + query)
    assert many == few
    with django_assert_max_num_queries(30):
        client.get(worker_index.url + query)


def test_browsers_revalidate_the_index_so_a_new_profile_shows_at_once(client, worker_index, make_profile):
    make_profile("王建国")
    cache_control = client.get(worker_index.url)["Cache-Control"]
    assert "max-age=0" in cache_control and "s-maxage" in cache_control


def test_a_new_profile_shows_at_once_in_the_grid_and_the_counts(client, worker_index, gallery, make_profile):
    # Counts and cards are kept in the site cache between changes; a publication replaces them.
    assert facet_counts(client.get(worker_index.url), "地区")["西宁市"] == 2
    assert "王建国" not in names_on(client.get(worker_index.url, {"region": "xining"}))

    make_profile("王建国", [("quanguo-laomo", 2024)], region="xining")

    response = client.get(worker_index.url)
    assert facet_counts(response, "地区")["西宁市"] == 3
    assert names_on(response)[0] == "王建国"
    assert "王建国" in names_on(client.get(worker_index.url, {"region": "xining"}))


def test_unpublished_profile_leaves_the_grid_and_the_counts_at_once(client, worker_index, gallery):
    assert facet_counts(client.get(worker_index.url), "地区")["海东市"] == 2
    WorkerPage.objects.get(title="韩雪梅").unpublish()

    response = client.get(worker_index.url)
    assert "韩雪梅" not in names_on(response)
    assert facet_counts(response, "地区")["海东市"] == 1
