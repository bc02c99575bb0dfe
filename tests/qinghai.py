"""Qinghai's 8 市州 as the tests expect them, written out once here (not read from core/regions.py,
which the tests check against this list)."""

PREFECTURE_NAMES = [
    "西宁市",
    "海东市",
    "海北藏族自治州",
    "黄南藏族自治州",
    "海南藏族自治州",
    "果洛藏族自治州",
    "玉树藏族自治州",
    "海西蒙古族藏族自治州",
]
