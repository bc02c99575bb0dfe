"""Choices of the application form."""

GENDERS = [("male", "男"), ("female", "女")]

# Qinghai's main 民族 first, then the others of the 56 (optional on the form).
ETHNICITIES = [
    "汉族", "藏族", "回族", "土族", "撒拉族", "蒙古族",
    "壮族", "满族", "维吾尔族", "苗族", "彝族", "土家族", "布依族", "侗族", "瑶族", "朝鲜族", "白族",
    "哈尼族", "哈萨克族", "黎族", "傣族", "畲族", "傈僳族", "仡佬族", "东乡族", "高山族", "拉祜族",
    "水族", "佤族", "纳西族", "羌族", "仫佬族", "锡伯族", "柯尔克孜族", "达斡尔族", "景颇族", "毛南族",
    "布朗族", "塔吉克族", "普米族", "阿昌族", "怒族", "鄂温克族", "京族", "基诺族", "德昂族", "保安族",
    "俄罗斯族", "裕固族", "乌孜别克族", "门巴族", "鄂伦春族", "独龙族", "塔塔尔族", "赫哲族", "珞巴族",
]  # fmt: skip
ETHNICITY_CHOICES = [(name, name) for name in ETHNICITIES]

WORK_KINDS = [
    ("courier", "快递员"),
    ("rider", "外卖骑手"),
    ("ride_hailing", "网约车司机"),
    ("trucker", "货车司机"),
    ("other_new", "其他新就业形态"),
    ("employee", "企业职工"),
    ("migrant", "农民工"),
    ("flexible", "灵活就业人员"),
    ("other", "其他"),
]
NEW_FORMS_WORK_KINDS = {"courier", "rider", "ride_hailing", "trucker", "other_new"}
