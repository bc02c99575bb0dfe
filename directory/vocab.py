"""The directory's fixed vocabularies: levels, Qinghai's regions, industries, groups of workers.

Regions are data, not a model: Qinghai's 8 市州 and their 县区 change by State Council decision,
rarely, and a change here is a reviewed code change (and an import file that names an unknown
county is refused).
"""

# (code, label). Codes are what import files and URLs carry; labels are what readers see.
LEVELS = [
    ("province", "省总工会"),
    ("city", "市州总工会"),
    ("county", "县区总工会"),
    ("township", "乡镇街道工会/网上会员之家"),
    ("industry", "产业工会"),
    ("grassroots", "基层工会"),
]

# 市州 → 县区 (county-level divisions of Qinghai, 2024).
REGIONS = {
    "西宁市": ["城东区", "城中区", "城西区", "城北区", "湟中区", "大通回族土族自治县", "湟源县"],
    "海东市": [
        "乐都区",
        "平安区",
        "民和回族土族自治县",
        "互助土族自治县",
        "化隆回族自治县",
        "循化撒拉族自治县",
    ],
    "海北藏族自治州": ["海晏县", "祁连县", "刚察县", "门源回族自治县"],
    "黄南藏族自治州": ["同仁市", "尖扎县", "泽库县", "河南蒙古族自治县"],
    "海南藏族自治州": ["共和县", "同德县", "贵德县", "兴海县", "贵南县"],
    "果洛藏族自治州": ["玛沁县", "班玛县", "甘德县", "达日县", "久治县", "玛多县"],
    "玉树藏族自治州": ["玉树市", "杂多县", "称多县", "治多县", "囊谦县", "曲麻莱县"],
    "海西蒙古族藏族自治州": [
        "德令哈市",
        "格尔木市",
        "茫崖市",
        "乌兰县",
        "都兰县",
        "天峻县",
        "大柴旦行政委员会",
    ],
}
PREFECTURE_CHOICES = [(name, name) for name in REGIONS]
COUNTY_TO_PREFECTURE = {county: prefecture for prefecture, counties in REGIONS.items() for county in counties}
COUNTY_CHOICES = [(county, county) for counties in REGIONS.values() for county in counties]

INDUSTRIES = [
    ("general", "综合（区域性）"),
    ("logistics", "交通运输与物流"),
    ("postal", "邮政快递"),
    ("construction", "建筑建材"),
    ("manufacturing", "制造业"),
    ("energy", "能源化工"),
    ("mining", "矿业"),
    ("agriculture", "农牧业"),
    ("commerce", "商贸服务"),
    ("tourism", "文化旅游"),
    ("health", "卫生健康"),
    ("education", "教育"),
    ("finance", "金融"),
    ("it", "信息技术与平台经济"),
    ("public", "机关事业单位"),
]

# Groups of workers an organisation takes in. Codes are never substrings of one another
# (stored comma-separated and matched with `contains`).
WORKER_GROUPS = [
    ("newforms", "新就业形态劳动者"),
    ("migrant", "农民工"),
    ("employee", "企业职工"),
    ("flexible", "灵活就业人员"),
]

LEVEL_LABELS = dict(LEVELS)
INDUSTRY_LABELS = dict(INDUSTRIES)
WORKER_GROUP_LABELS = dict(WORKER_GROUPS)

# Where each 市州's government sits (approximate), for the schematic map on /zhaogonghui/.
PREFECTURE_SEATS = {
    "西宁市": (36.62, 101.78),
    "海东市": (36.48, 102.40),
    "海北藏族自治州": (36.96, 100.90),
    "黄南藏族自治州": (35.52, 102.02),
    "海南藏族自治州": (36.28, 100.62),
    "果洛藏族自治州": (34.47, 100.24),
    "玉树藏族自治州": (33.00, 97.01),
    "海西蒙古族藏族自治州": (37.37, 97.37),
}
# Short names for the map's labels.
PREFECTURE_SHORT = {
    "西宁市": "西宁",
    "海东市": "海东",
    "海北藏族自治州": "海北",
    "黄南藏族自治州": "黄南",
    "海南藏族自治州": "海南",
    "果洛藏族自治州": "果洛",
    "玉树藏族自治州": "玉树",
    "海西蒙古族藏族自治州": "海西",
}
