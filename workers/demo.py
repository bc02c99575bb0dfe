"""Demo content of the 劳模风采 app: vocabularies, the gallery and fourteen fictional profiles.

Every person, employer and story below is invented for the demo; none describes a real person.
Running it again creates nothing twice (profiles are matched by name under the gallery).
"""

from home.images import get_or_create_image
from home.models import HomePage

from .factories import ensure_vocabularies, make_index, make_worker
from .models import ArticleWorker, WorkerIndexPage, WorkerPage

NATIONAL_BODY = "中共中央、国务院"
ACFTU = "中华全国总工会"
PROVINCE = "青海省委、省政府"
PROVINCIAL_UNION = "青海省总工会"

# name, honours (title slug, year, awarding body), facts, story paragraphs, achievements, studio
PROFILES = [
    {
        "name": "索南旦增",
        "honours": [("qinghai-laomo", 2010, PROVINCE), ("quanguo-laomo", 2015, NATIONAL_BODY)],
        "facts": dict(
            gender="男",
            ethnicity="藏族",
            birth_year=1972,
            birth_month=3,
            political_status="中共党员",
            education="大专",
            employer="玉树高原输变电运维公司",
            position="输电运维班班长",
            skill="送电线路工 高级技师",
            industry="nengyuan-dianli",
            region="yushu",
            featured=True,
        ),
        "motto": "线路通到哪里，光明就送到哪里。",
        "story": [
            (
                "雪线上的巡线人",
                "二十多年来，他带着班组在海拔四千米以上的山口巡视线路，每年徒步上千公里，"
                "熟悉辖区每一基铁塔的位置和脾气。",
            ),
            "冬季覆冰严重时，他摸索出“分段观冰、提前融冰”的办法，让牧区的用电在风雪天里也稳得住。",
        ],
        "achievements": "总结高海拔线路覆冰巡检法，在全省推广\n带出技术骨干二十余名\n所在班组连续多年安全无事故",
        "studio": (
            "索南旦增输电运维创新工作室",
            "高海拔线路覆冰监测与带电作业",
            "研制简易覆冰观测装置三种\n形成高原带电作业培训课程一套",
        ),
    },
    {
        "name": "马玉兰",
        "honours": [("qinghai-wuyi-jiangzhang", 2025, PROVINCIAL_UNION)],
        "facts": dict(
            gender="女",
            ethnicity="回族",
            birth_year=1985,
            birth_month=11,
            political_status="群众",
            education="本科",
            employer="西宁河湟商贸有限公司",
            position="客户服务部主管",
            skill="",
            industry="shangmao-fuwu",
            region="xining",
        ),
        "motto": "把每一位顾客的小事当成自己的大事。",
        "story": [
            "她把柜台当作课堂，整理出一套面向老年顾客的服务流程：大字价签、专人陪购、送货上门。",
            "她带领的服务班组把顾客意见逐条登记、限时回复，投诉率连续三年下降。",
        ],
        "achievements": "建立适老服务流程，惠及周边社区老人\n培训一线服务员三百余人次",
    },
    {
        "name": "韩木海",
        "honours": [("shizhou-laomo", 2016, "海东市委、市政府"), ("qinghai-laomo", 2020, PROVINCE)],
        "facts": dict(
            gender="男",
            ethnicity="撒拉族",
            birth_year=1976,
            birth_month=8,
            political_status="中共党员",
            education="高中",
            employer="循化黄河谷地花椒种植专业合作社",
            position="理事长",
            skill="农艺工 技师",
            industry="nongmuye",
            region="haidong",
        ),
        "motto": "地不亏人，人也不能亏地。",
        "story": [
            "他从一块试验田起步，引进适合河谷气候的花椒品种，手把手教乡亲们修剪、施肥和防虫。",
            "合作社统一分级、统一销售，让种植户的收入比过去多了一大截，外出打工的年轻人也陆续回了村。",
        ],
        "achievements": "带动周边三个村种植花椒\n合作社成员年均增收明显",
    },
    {
        "name": "李秀芬",
        "honours": [
            ("quanguo-xianjin", 2020, NATIONAL_BODY),
            ("qinghai-wuyi-jiangzhang", 2017, PROVINCIAL_UNION),
        ],
        "facts": dict(
            gender="女",
            ethnicity="汉族",
            birth_year=1974,
            birth_month=5,
            political_status="中共党员",
            education="本科",
            employer="西宁高原医学中心医院",
            position="急诊科护士长",
            skill="主任护师",
            industry="yiliao-weisheng",
            region="xining",
            featured=True,
        ),
        "motto": "急诊室的灯亮着，我们就在。",
        "story": [
            "她在急诊一线工作近三十年，牵头梳理了高原急危重症的护理流程，把抢救准备时间缩短了一半。",
            "她坚持每月带队到偏远乡镇卫生院授课，教基层医护人员识别和处置急性高原病。",
        ],
        "achievements": "编写高原急诊护理手册\n培训基层医护人员一千余人次",
    },
    {
        "name": "祁存兰",
        "honours": [("qinghai-gongjiang", 2023, PROVINCIAL_UNION)],
        "facts": dict(
            gender="女",
            ethnicity="土族",
            birth_year=1981,
            birth_month=2,
            political_status="群众",
            education="初中",
            employer="互助彩虹盘绣工坊",
            position="工坊负责人",
            skill="工艺美术师",
            industry="wenhua-lvyou",
            region="haidong",
        ),
        "motto": "一针一线，绣的是日子，也是手艺的根。",
        "story": [
            "她从小跟着母亲学盘绣，后来把零散的绣娘组织起来，统一设计、统一质量、统一接单。",
            "工坊的作品走进了旅游景区和文创商店，几十位留守妇女在家门口就有了稳定收入。",
        ],
        "achievements": "带动六十余名妇女就业\n整理传统盘绣针法图样百余种",
    },
    {
        "name": "巴图孟和",
        "honours": [("qinghai-gongjiang", 2018, PROVINCIAL_UNION), ("quanguo-laomo", 2020, NATIONAL_BODY)],
        "facts": dict(
            gender="男",
            ethnicity="蒙古族",
            birth_year=1978,
            birth_month=9,
            political_status="中共党员",
            education="大专",
            employer="柴达木盐湖钾肥有限公司",
            position="浮选车间主任",
            skill="化工总控工 特级技师",
            industry="yanhu-huagong",
            region="haixi",
            featured=True,
        ),
        "motto": "盐湖里的每一粒钾，都要提得干干净净。",
        "story": [
            ("从操作工到攻关带头人", "他在盐湖边工作了二十多年，从一名浮选操作工成长为车间的技术带头人。"),
            "他带领团队反复试验药剂配比和浮选时间，提高了钾的回收率，也减少了尾盐的浪费。",
        ],
        "achievements": "主持完成浮选工艺改进项目多项\n获国家实用新型专利五项",
        "studio": (
            "巴图孟和盐湖提钾创新工作室",
            "盐湖资源综合利用与节能降耗",
            "完成技术革新十余项\n培养技师、高级技师二十余名",
        ),
    },
    {
        "name": "周建国",
        "honours": [("quanguo-wuyi-jiangzhang", 2017, ACFTU)],
        "facts": dict(
            gender="男",
            ethnicity="汉族",
            birth_year=1970,
            birth_month=12,
            political_status="中共党员",
            education="中专",
            employer="格尔木昆仑有色冶炼厂",
            position="电解工段长",
            skill="电解工 高级技师",
            industry="youse-yejin",
            region="haixi",
        ),
        "motto": "精细一分，成本就省一分。",
        "story": [
            "他琢磨出一套看槽面、听声音判断电解槽状态的方法，让新工人也能很快上手。",
            "在他的带动下，工段的电耗持续下降，安全生产保持了很长的纪录。",
        ],
        "achievements": "总结电解槽巡检“五看法”\n工段电耗指标行业领先",
    },
    {
        "name": "仁青拉毛",
        "honours": [("qinghai-laomo", 2020, PROVINCE)],
        "facts": dict(
            gender="女",
            ethnicity="藏族",
            birth_year=1988,
            birth_month=4,
            political_status="共青团员",
            education="高中",
            employer="玛沁县草原生态管护站",
            position="生态管护员",
            skill="",
            industry="shengtai-baohu",
            region="guoluo",
        ),
        "motto": "守好草原，就是守好家。",
        "story": [
            "她每天骑着摩托车巡护草场，记录野生动物活动和草场长势，遇到乱挖乱采的行为及时劝阻。",
            "她还把生态保护的道理编成顺口溜，在牧民家里和帐篷学校里一遍遍地讲。",
        ],
        "achievements": "累计巡护里程数万公里\n参与救助受伤野生动物数十次",
    },
    {
        "name": "冶福成",
        "honours": [
            ("qinghai-wuyi-jiangzhang", 2018, PROVINCIAL_UNION),
            ("quanguo-wuyi-jiangzhang", 2022, ACFTU),
        ],
        "facts": dict(
            gender="男",
            ethnicity="回族",
            birth_year=1975,
            birth_month=7,
            political_status="群众",
            education="高中",
            employer="海北高原公路养护中心",
            position="养护班班长",
            skill="公路养护工 技师",
            industry="jiaotong-yunshu",
            region="haibei",
        ),
        "motto": "路平一寸，车稳一程。",
        "story": [
            "他负责的路段冬季积雪结冰频繁，他和班组总结出“先撒料、后推雪、再巡查”的除雪保通办法。",
            "每逢大雪封路，他总是第一个赶到现场，帮助被困车辆和旅客脱困。",
        ],
        "achievements": "所辖路段连续多年优良路率保持高位\n参与救助被困群众数百人次",
    },
    {
        "name": "王慧敏",
        "honours": [
            ("qinghai-gongjiang", 2021, PROVINCIAL_UNION),
            ("qinghai-wuyi-jiangzhang", 2025, PROVINCIAL_UNION),
        ],
        "facts": dict(
            gender="女",
            ethnicity="汉族",
            birth_year=1983,
            birth_month=10,
            political_status="民主党派成员",
            education="硕士研究生",
            employer="青海高原职业技术学院",
            position="数控专业教师",
            skill="数控车工 高级技师",
            industry="jiaoyu",
            region="shengzhi",
        ),
        "motto": "把车间搬进课堂，把课堂开到车间。",
        "story": [
            "她把企业的真实零件做成教学项目，学生在校期间就能完成从读图、编程到加工的全过程。",
            "她指导的学生在技能大赛中屡获佳绩，不少人毕业后成为企业的技术骨干。",
        ],
        "achievements": "开发校企合作课程六门\n指导学生获省级以上技能竞赛奖项多项",
    },
    {
        "name": "赵德顺",
        "honours": [("shizhou-laomo", 2012, "海南州委、州政府"), ("quanguo-laomo", 2025, NATIONAL_BODY)],
        "facts": dict(
            gender="男",
            ethnicity="汉族",
            birth_year=1968,
            birth_month=1,
            political_status="中共党员",
            education="初中",
            employer="邮政速递高原投递部",
            position="乡邮投递员",
            skill="邮件投递员 技师",
            industry="youzheng-tongxin",
            region="zhongyang-zhuqing",
        ),
        "motto": "一封信也要送到牧民手上。",
        "story": [
            "他跑的邮路翻山过河，单程上百公里，三十年来没有丢失过一件邮件。",
            "他还帮牧民代购药品、代缴费用，被大家亲切地称为“马背上的邮递员”。",
        ],
        "achievements": "累计投递邮件数十万件\n邮件投递准确率百分之百",
    },
    {
        "name": "多杰才旦",
        "honours": [("qinghai-gongjiang", 2019, PROVINCIAL_UNION), ("quanguo-wuyi-jiangzhang", 2024, ACFTU)],
        "facts": dict(
            gender="男",
            ethnicity="藏族",
            birth_year=1980,
            birth_month=6,
            political_status="群众",
            education="中专",
            employer="同仁热贡艺术传习所",
            position="唐卡画师",
            skill="工艺美术师",
            industry="wenhua-lvyou",
            region="huangnan",
        ),
        "motto": "画一幅唐卡，要有一颗安静的心。",
        "story": [
            "他十几岁开始学画，坚持使用矿物颜料和传统工序，一幅大型作品往往要画上一年。",
            "他在传习所免费招收农牧民子弟学画，让这门手艺在年轻人手中传下去。",
        ],
        "achievements": "培养学徒四十余名\n作品多次在省内外展览中获奖",
    },
    {
        "name": "鲁海霞",
        "honours": [("shizhou-laomo", 2022, "海南州委、州政府")],
        "facts": dict(
            gender="女",
            ethnicity="土族",
            birth_year=1990,
            birth_month=9,
            political_status="中共预备党员",
            education="中专",
            employer="共和高原建设工程有限公司",
            position="钢筋班组长",
            skill="钢筋工 高级技师",
            industry="jianzhu-shigong",
            region="hainan",
        ),
        "motto": "每一根钢筋都要经得起检验。",
        "story": [
            "她是工地上少有的女班组长，带领班组在多项重点工程中承担钢筋绑扎和质量自检。",
            "她推行班前五分钟安全讲评，让工友们把安全要求记在心里、落到手上。",
        ],
        "achievements": "所带班组质量验收一次合格率高\n参与编写班组安全操作口袋书",
    },
    {
        "name": "曾德明",
        "honours": [("qinghai-gongjiang", 2020, PROVINCIAL_UNION), ("quanguo-laomo", 2025, NATIONAL_BODY)],
        "facts": dict(
            gender="男",
            ethnicity="汉族",
            birth_year=1979,
            birth_month=4,
            political_status="中共党员",
            education="大专",
            employer="西宁昆仑数控机床有限公司",
            position="数控加工车间技术主管",
            skill="数控铣工 特级技师",
            industry="zhuangbei-zhizao",
            region="xining",
            featured=True,
        ),
        "motto": "零件上差一丝，产品就差一截。",
        "story": [
            ("把精度做到极致", "他专攻复杂曲面零件加工，改进夹具和走刀方式，让关键零件的合格率大幅提升。"),
            "他把自己的加工经验整理成操作要点，在车间里手把手地教年轻人。",
        ],
        "achievements": "完成技术革新二十余项\n获国家专利八项\n培养高级技师十余名",
        "studio": (
            "曾德明数控技能创新工作室",
            "复杂曲面零件高效加工",
            "攻克关键零件加工难题多项\n为企业节约成本数百万元",
        ),
    },
]

# News demo articles (matched by title) and the workers they are about.
ARTICLE_LINKS = [
    ("全国劳动模范先进事迹报告会走进高校", ["索南旦增"]),
    ("我省表彰一批五一劳动奖章获得者和工人先锋号", ["马玉兰", "王慧敏"]),
    ("劳模创新工作室联盟成立 首批吸纳二十家工作室", ["巴图孟和", "曾德明", "索南旦增"]),
]


def ensure_index(home):
    index = WorkerIndexPage.objects.child_of(home).first()
    if index is None:
        index = make_index(
            home,
            title="劳模风采",
            slug="laomo",
            intro="全省劳动模范、先进工作者和高原工匠的风采：按荣誉、年份、行业、地区和民族查找。",
            seo_keywords="劳动模范,劳模风采,青海工匠,劳模创新工作室",
        )
    return index


def load(command):
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("劳模演示内容：未找到首页，已跳过。")
        return
    ensure_vocabularies()
    index = ensure_index(home)
    created = 0
    for spec in PROFILES:
        name = spec["name"]
        if WorkerPage.objects.child_of(index).filter(title=name).exists():
            continue
        fields = dict(spec["facts"])
        studio = spec.get("studio")
        if studio:
            fields.update(studio_name=studio[0], studio_focus=studio[1], studio_achievements=studio[2])
        make_worker(
            index,
            name,
            spec["honours"],
            story=spec["story"],
            motto=spec["motto"],
            achievements=spec["achievements"],
            portrait=get_or_create_image(f"劳模肖像：{name}", size=(600, 750)),
            portrait_alt=f"{name}在工作岗位上（示意图）",
            with_revision=True,
            **fields,
        )
        created += 1
    linked = link_demo_articles(index)
    command.stdout.write(
        f"劳模风采：{WorkerPage.objects.child_of(index).count()} 位劳模（新增 {created}），"
        f"关联新闻 {linked} 条（{index.url}）。"
    )


def link_demo_articles(index):
    """Name the demo workers on the news demo's articles about them, when those exist."""
    try:
        from news.models import ArticlePage
    except ImportError:  # pragma: no cover - news is part of the site, but keep the demo independent
        return 0
    linked = 0
    workers = {worker.title: worker for worker in WorkerPage.objects.child_of(index)}
    for title, names in ARTICLE_LINKS:
        article = ArticlePage.objects.filter(title=title).first()
        if article is None:
            continue
        for order, name in enumerate(names):
            worker = workers.get(name)
            if worker is None:
                continue
            _link, was_created = ArticleWorker.objects.get_or_create(
                article=article, worker=worker, defaults={"sort_order": order}
            )
            linked += was_created
    return linked
