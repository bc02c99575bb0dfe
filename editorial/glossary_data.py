"""The starter glossary shipped with the site, written for this project.

Each entry: (kind, preferred wording, wrong variants, reason). Leaders' names
here are invented placeholders; the newsroom replaces them with the real list.
"""

PREFERRED = "preferred"
OFFICIAL = "official"
BANNED = "banned"
CAUTION = "caution"

STARTER_GLOSSARY = [
    # Union bodies
    (
        OFFICIAL,
        "中华全国总工会",
        ["中国总工会", "中华总工会", "全国工会总会"],
        "全总的法定名称，首次出现用全称，其后可简称“全国总工会”或“全总”。",
    ),
    (
        OFFICIAL,
        "青海省总工会",
        ["青海总工会", "青海省工会总会"],
        "本会名称，首次出现须用全称。",
    ),
    (OFFICIAL, "西宁市总工会", ["西宁总工会", "西宁市工会总会"], "市州工会名称须写全称。"),
    (OFFICIAL, "海东市总工会", ["海东总工会"], "市州工会名称须写全称。"),
    (
        OFFICIAL,
        "海西蒙古族藏族自治州",
        ["海西州蒙古族藏族自治州", "海西蒙藏自治州", "海西蒙古藏族自治州"],
        "自治州名称以行政区划名录为准。",
    ),
    (OFFICIAL, "果洛藏族自治州", ["果洛州藏族自治州", "果洛自治州"], "自治州名称以行政区划名录为准。"),
    (OFFICIAL, "玉树藏族自治州", ["玉树州藏族自治州", "玉树自治州"], "自治州名称以行政区划名录为准。"),
    (OFFICIAL, "海北藏族自治州", ["海北州藏族自治州", "海北自治州"], "自治州名称以行政区划名录为准。"),
    (OFFICIAL, "黄南藏族自治州", ["黄南州藏族自治州", "黄南自治州"], "自治州名称以行政区划名录为准。"),
    (OFFICIAL, "海南藏族自治州", ["海南州藏族自治州"], "自治州名称以行政区划名录为准，注意与海南省区分。"),
    (OFFICIAL, "撒拉族", ["萨拉族", "撤拉族"], "民族名称以国家公布的名称为准。"),
    # Campaigns and honours
    (
        OFFICIAL,
        "百万职工高原建功立业工程",
        ["百万职工建功立业工程", "百万职工高原建功工程", "百万职工高原立业工程", "百万职工高原建功立业活动"],
        "“五项工程”之一，名称须完整准确。",
    ),
    (
        OFFICIAL,
        "劳模引领创新创造工程",
        ["劳模引领创新工程", "劳模创新创造引领工程", "劳模引领创造创新工程"],
        "“五项工程”之一，名称须完整准确。",
    ),
    (
        OFFICIAL,
        "农民工入会集中行动",
        ["农民工入会专项行动", "农民工入会集中活动"],
        "“五项集中行动”之一，名称须完整准确。",
    ),
    (
        OFFICIAL,
        "下基层、接地气、办实事",
        ["下基层接地气办实事", "下基层，接地气，办实事", "下基层、办实事、接地气"],
        "活动名称中的三个短语以顿号分隔，顺序固定。",
    ),
    (OFFICIAL, "一函两书", ["一函二书", "一书两函"], "劳动法律监督“提示函、意见书、建议书”的统称。"),
    (
        OFFICIAL,
        "重大典型劳动违法案件曝光制度",
        ["重大劳动违法典型案件曝光制度", "典型劳动违法案件曝光制度"],
        "制度名称须完整准确。",
    ),
    (OFFICIAL, "劳模创新工作室", ["劳模工作创新室", "劳模创新工作站"], "统一称“劳模创新工作室”。"),
    (
        OFFICIAL,
        "全国五一劳动奖章",
        ["全国51劳动奖章", "全国五·一劳动奖章", "全国五.一劳动奖章", "全国五一劳动奖牌"],
        "荣誉名称以全总表彰文件为准。",
    ),
    (
        OFFICIAL,
        "全国五一劳动奖状",
        ["全国51劳动奖状", "全国五·一劳动奖状"],
        "荣誉名称以全总表彰文件为准（授予单位）。",
    ),
    (
        OFFICIAL,
        "全国工人先锋号",
        ["全国工人先锋岗", "全国职工先锋号"],
        "荣誉名称以全总表彰文件为准（授予班组）。",
    ),
    (OFFICIAL, "全国先进工作者", ["全国先进工作人员", "全国先进工作着"], "荣誉名称以表彰文件为准。"),
    (
        OFFICIAL,
        "青海省五一劳动奖章",
        ["青海省51劳动奖章", "青海五一劳动奖章"],
        "荣誉名称以省总工会表彰文件为准。",
    ),
    (OFFICIAL, "大国工匠", ["大国巧匠"], "统一称“大国工匠”。"),
    (
        OFFICIAL,
        "12351职工服务热线",
        ["12315职工服务热线"],
        "全总职工服务热线号码为 12351（12315 是市场监管投诉电话）。",
    ),
    # Leaders and titles (placeholders for the demo)
    (
        OFFICIAL,
        "省总工会党组书记、主席",
        ["省总工会主席、党组书记", "省总工会党组书记兼主席"],
        "职务排序以任职文件为准。",
    ),
    (OFFICIAL, "马建青", ["马建清", "马健青"], "演示数据：领导姓名，请替换为真实的领导名单。"),
    (OFFICIAL, "索南才让", ["索南才壤", "索南财让"], "演示数据：领导姓名，请替换为真实的领导名单。"),
    # Common misspellings
    (
        PREFERRED,
        "截至目前",
        ["截止目前", "截止到目前"],
        "表示“到某时为止”用“截至”；“截止”后不带时间宾语。",
    ),
    (PREFERRED, "截至今年", ["截止今年"], "表示“到某时为止”用“截至”；“截止”后不带时间宾语。"),
    (PREFERRED, "其他", ["其它"], "本站统一使用“其他”。"),
    (PREFERRED, "部署", ["布署"], "错别字。"),
    # Misspelt idioms (再接再励, 一如继往 …) are found by the idiom check (editorial/spelling.py)
    # from generated data; entries here are words it does not cover.
    (PREFERRED, "账号", ["帐号"], "涉及钱物、记录的“账”不写作“帐”。"),
    (PREFERRED, "账户", ["帐户"], "涉及钱物、记录的“账”不写作“帐”。"),
    (PREFERRED, "登录", ["登陆网站", "登陆系统", "登陆平台"], "进入网站、系统用“登录”。"),
    (PREFERRED, "劳动模范", ["劳动模版"], "错别字。"),
    (PREFERRED, "残疾人", ["残废人", "残废者"], "尊重残疾人，使用规范称谓。"),
    (PREFERRED, "盲人", ["瞎子"], "尊重残疾人，使用规范称谓。"),
    (PREFERRED, "聋人", ["聋子"], "尊重残疾人，使用规范称谓。"),
    (PREFERRED, "智力障碍者", ["弱智者", "智障者"], "尊重残疾人，使用规范称谓。"),
    # Banned and cautioned words
    (BANNED, "", ["屌丝", "逼格", "卧槽", "装逼", "尼玛", "小日本"], "低俗或歧视性用语，不得出现在本站。"),
    (BANNED, "", ["史上最", "全网第一", "国家级最佳"], "绝对化、夸大用语，不得用于新闻稿件。"),
    (CAUTION, "务工人员", ["打工仔", "打工妹"], "带有轻视色彩，建议改用“务工人员”“进城务工人员”。"),
    # Advisory, because the same characters are correct in some sentences: a must-fix finding
    # must be certain ("既使职工得实惠，又使企业得发展"; "按排名先后"; "按装机容量"; "老外婆").
    (CAUTION, "即使", ["既使"], "表示假设让步用“即使”；“既使……又……”的用法是正确的。"),
    (CAUTION, "作为", ["做为"], "表示身份、当作用“作为”；“当做为民服务的实事”等是正确的。"),
    (CAUTION, "安排", ["按排"], "“安排”不写作“按排”；“按排名”“按排序”是正确的。"),
    (CAUTION, "安装", ["按装"], "“安装”不写作“按装”；“按装机容量”是正确的。"),
    (CAUTION, "外国人", ["老外"], "新闻报道不使用“老外”。"),
    (
        CAUTION,
        "12351职工服务热线",
        ["12351热线电话"],
        "首次出现建议用全称“12351职工服务热线”。",
    ),
    (CAUTION, "", ["高官", "大佬", "首长"], "新闻稿件慎用，一般直接写明职务。"),
    (CAUTION, "", ["党和国家领导人"], "除特定场合外慎用，一般写明具体职务。"),
    (CAUTION, "", ["草根"], "口语化表达，正式稿件慎用。"),
]


def load_starter_glossary():
    """Add the starter entries that are not there yet; edited entries are left alone."""
    # Imported here on purpose: the benchmark reads STARTER_GLOSSARY without setting up Django.
    from .models import GlossaryEntry

    created = 0
    for kind, term, variants, reason in STARTER_GLOSSARY:
        text = "\n".join(variants)
        lookup = {"kind": kind, "term": term} if term else {"kind": kind, "variants": text}
        if term and kind == CAUTION:
            lookup = {"kind": kind, "term": term, "variants": text}
        if GlossaryEntry.objects.filter(**lookup).exists():
            continue
        GlossaryEntry.objects.create(kind=kind, term=term, variants=text, reason=reason)
        created += 1
    return created
