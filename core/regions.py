"""Qinghai's 8 市州 and their 县区: the one list the site keeps of them.

The directory (找工会) and 网上入会 store a 市州's and a 县区's full name, 12351 留言 stores a 市州's
code, and the demo seeds the 劳模风采 region vocabulary (code = slug) from here. The divisions change
by State Council decision, rarely; a change here is a reviewed code change. 省直 and 中央驻青,
which some lists add after the 市州, are not regions of the map and stay with those lists.
"""

from typing import NamedTuple


class Prefecture(NamedTuple):
    code: str  # stable Latin code: URLs, stored choices, vocabulary slugs
    name: str  # full name, what readers see (also stored as is by the directory)
    short: str  # short name for tight places (the directory's map)
    seat: tuple[float, float]  # where its government sits (latitude, longitude), approximate
    counties: tuple[str, ...]  # county-level divisions (2024)


PREFECTURES = (
    Prefecture(
        "xining",
        "西宁市",
        "西宁",
        (36.62, 101.78),
        ("城东区", "城中区", "城西区", "城北区", "湟中区", "大通回族土族自治县", "湟源县"),
    ),
    Prefecture(
        "haidong",
        "海东市",
        "海东",
        (36.48, 102.40),
        ("乐都区", "平安区", "民和回族土族自治县", "互助土族自治县", "化隆回族自治县", "循化撒拉族自治县"),
    ),
    Prefecture(
        "haibei", "海北藏族自治州", "海北", (36.96, 100.90), ("海晏县", "祁连县", "刚察县", "门源回族自治县")
    ),
    Prefecture(
        "huangnan",
        "黄南藏族自治州",
        "黄南",
        (35.52, 102.02),
        ("同仁市", "尖扎县", "泽库县", "河南蒙古族自治县"),
    ),
    Prefecture(
        "hainan",
        "海南藏族自治州",
        "海南",
        (36.28, 100.62),
        ("共和县", "同德县", "贵德县", "兴海县", "贵南县"),
    ),
    Prefecture(
        "guoluo",
        "果洛藏族自治州",
        "果洛",
        (34.47, 100.24),
        ("玛沁县", "班玛县", "甘德县", "达日县", "久治县", "玛多县"),
    ),
    Prefecture(
        "yushu",
        "玉树藏族自治州",
        "玉树",
        (33.00, 97.01),
        ("玉树市", "杂多县", "称多县", "治多县", "囊谦县", "曲麻莱县"),
    ),
    Prefecture(
        "haixi",
        "海西蒙古族藏族自治州",
        "海西",
        (37.37, 97.37),
        ("德令哈市", "格尔木市", "茫崖市", "乌兰县", "都兰县", "天峻县", "大柴旦行政委员会"),
    ),
)

COUNTY_TO_PREFECTURE = {
    county: prefecture.name for prefecture in PREFECTURES for county in prefecture.counties
}
