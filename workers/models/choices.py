"""Fixed vocabularies of a profile: values come from the nominee notices (公示)."""

from django.db import models

# 国家标准 GB/T 3304 order, so editors find the entry where they expect it.
ETHNIC_GROUPS = [
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
]  # fmt: skip
OTHER_ETHNICITY = "其他"
ETHNICITY_CHOICES = [(name, name) for name in ETHNIC_GROUPS] + [(OTHER_ETHNICITY, OTHER_ETHNICITY)]


class Gender(models.TextChoices):
    MALE = "男", "男"
    FEMALE = "女", "女"


class PoliticalStatus(models.TextChoices):
    PARTY_MEMBER = "中共党员", "中共党员"
    PROBATIONARY_MEMBER = "中共预备党员", "中共预备党员"
    LEAGUE_MEMBER = "共青团员", "共青团员"
    DEMOCRATIC_PARTY = "民主党派成员", "民主党派成员"
    NON_PARTISAN = "无党派人士", "无党派人士"
    MASSES = "群众", "群众"


class Education(models.TextChoices):
    JUNIOR_HIGH = "初中", "初中"
    HIGH_SCHOOL = "高中", "高中"
    VOCATIONAL = "中专", "中专（技工学校）"
    JUNIOR_COLLEGE = "大专", "大专（高职）"
    BACHELOR = "本科", "本科"
    MASTER = "硕士研究生", "硕士研究生"
    DOCTOR = "博士研究生", "博士研究生"


class HonourLevel(models.TextChoices):
    """Levels in descending rank; `rank()` orders a profile's honours."""

    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省部级"
    PREFECTURE = "prefecture", "市州级"

    @classmethod
    def rank(cls, value):
        """0 for the highest level; unknown values sort last."""
        order = [cls.NATIONAL, cls.PROVINCIAL, cls.PREFECTURE]
        return order.index(value) if value in order else len(order)


MONTH_CHOICES = [(month, f"{month}月") for month in range(1, 13)]
