"""The directory's fixed vocabularies: levels, Qinghai's regions, industries, groups of workers.

Regions are data, not a model: Qinghai's 8 市州 and their 县区 change by State Council decision,
rarely, and a change here is a reviewed code change (and an import file that names an unknown
county is refused). The 市州 and 县区 themselves are core/regions.py's list.
"""

from core.regions import COUNTY_TO_PREFECTURE as COUNTY_TO_PREFECTURE  # re-exported for the directory
from core.regions import PREFECTURES

# (code, label). Codes are what import files and URLs carry; labels are what readers see.
LEVELS = [
    ("province", "省总工会"),
    ("city", "市州总工会"),
    ("county", "县区总工会"),
    ("township", "乡镇街道工会/网上会员之家"),
    ("industry", "产业工会"),
    ("grassroots", "基层工会"),
]

# 市州 → 县区, from the one list (core/regions.py); the directory stores the full names.
REGIONS = {prefecture.name: list(prefecture.counties) for prefecture in PREFECTURES}
PREFECTURE_CHOICES = [(name, name) for name in REGIONS]
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

# Where each 市州's government sits (approximate), and its short name, for the schematic map on /zhaogonghui/.
PREFECTURE_SEATS = {prefecture.name: prefecture.seat for prefecture in PREFECTURES}
PREFECTURE_SHORT = {prefecture.name: prefecture.short for prefecture in PREFECTURES}
