"""Demo content of the campaigns app: five original campaigns with figures,
milestones, events, related news and model workers, sign-up forms, and the
报名信息管理员 group with a demo login. Running it again changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.images import get_or_create_image
from home.models import HomePage
from news.models import ArticlePage
from workers.models import WorkerPage

from .factories import figure, make_campaign, make_campaign_index, make_signup_form, milestone
from .forms import CONSENT_FIELD
from .models import CampaignFormPage

SIGNUP_GROUP = "报名信息管理员"
SIGNUP_USERNAME = "baoming"
SIGNUP_PASSWORD = "qhgh-baoming-2026"

REGION_CHOICES = "\n".join(
    [
        "西宁市",
        "海东市",
        "海北藏族自治州",
        "黄南藏族自治州",
        "海南藏族自治州",
        "果洛藏族自治州",
        "玉树藏族自治州",
        "海西蒙古族藏族自治州",
        "省直",
        "中央驻青",
    ]
)


def days_from_now(days, hour=9, minute=30):
    """A local time `days` from today: demo events stay ahead of whoever loads the demo."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, minute))


def event(title, days, hours, place, description, start_hour=9, start_minute=30):
    starts_at = days_from_now(days, start_hour, start_minute)
    return {
        "title": title,
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=hours),
        "place": place,
        "description": description,
    }


def articles(*titles):
    return list(ArticlePage.objects.filter(title__in=titles).order_by("-display_date"))


def workers(*names):
    by_name = {page.title: page for page in WorkerPage.objects.filter(title__in=names)}
    return [by_name[name] for name in names if name in by_name]


def campaign_specs():
    today = timezone.localdate()
    return [
        {
            "title": "百万职工高原建功立业工程",
            "slug": "jian-gong-li-ye",
            "slogan": "建功高原新时代 奋进一线显身手",
            "intro": "以劳动竞赛为抓手，组织全省职工在重点工程、重点产业一线比技能、创佳绩。",
            "organiser": "青海省总工会（演示）",
            "start_date": datetime.date(2025, 3, 1),
            "end_date": datetime.date(2027, 12, 31),
            "news_tag": "建功立业",
            "goals": "<ol><li>重点工程项目劳动竞赛覆盖率达到九成以上；</li>"
            "<li>每年组织省级职工技能比武不少于十个工种；</li>"
            "<li>选树一批工人先锋号和技术能手，带动职工岗位成才。</li></ol>",
            "key_figures": [
                figure(
                    "参赛职工", 126800, "人", datetime.date(2026, 10, 31), "省总工会经济技术部（演示数据）"
                ),
                figure("竞赛项目", 486, "个", datetime.date(2026, 10, 31), "省总工会经济技术部（演示数据）"),
                figure(
                    "职工合理化建议", 8930, "条", datetime.date(2026, 9, 30), "各市州工会汇总（演示数据）"
                ),
                figure("工人先锋号", 52, "个", datetime.date(2026, 4, 28), "表彰决定（演示数据）"),
            ],
            "milestones": [
                milestone(
                    datetime.date(2025, 3, 1), "工程全面启动", "印发实施方案，各市州、产业工会制定竞赛计划。"
                ),
                milestone(
                    datetime.date(2025, 4, 22), "全省推进会", "通报重点工程竞赛进展，交流以赛促学经验。"
                ),
                milestone(
                    datetime.date(2026, 6, 30), "中期评估", "对竞赛组织、安全生产和职工受益情况进行评估。"
                ),
                milestone(datetime.date(2027, 4, 28), "总结表彰", "表彰竞赛中涌现的先进集体和个人。"),
            ],
            "body_paragraphs": [
                "工程围绕清洁能源、交通建设、盐湖产业和生态保护等重点领域，组织劳动竞赛和技能比武，"
                "让职工在岗位上学技术、比贡献。",
                "竞赛坚持安全第一，把安全生产、质量管理和职工休息休假纳入评比内容，不搞拼体力、拼时长。",
            ],
            "events": [
                event(
                    "清洁能源项目劳动竞赛现场观摩会",
                    6,
                    3,
                    "海南藏族自治州共和县某光伏产业园（演示地点）",
                    "参观竞赛班组的现场管理和安全措施；交流“以赛促安全”的做法。",
                ),
                event(
                    "重点工程班组长安全技能比武",
                    14,
                    6,
                    "西宁市城北区职工技能实训基地（演示地点）",
                    "比武设理论考试和实际操作两部分，优胜者推荐参加省级技术能手评选。",
                    start_hour=8,
                    start_minute=30,
                ),
                event(
                    "年度竞赛启动仪式",
                    -60,
                    2,
                    "青海省职工活动中心（演示地点）",
                    "发布年度竞赛项目清单，各参赛单位代表签订安全竞赛承诺书。",
                ),
            ],
            "related": [
                "百万职工高原建功立业工程推进会在西宁举行",
                "企业工会举办职工技能比武 百余名职工同场竞技",
            ],
            "workers": ["索南旦增", "周建国", "韩木海"],
            "form": {
                "title": "技能比武报名",
                "slug": "bi-wu-bao-ming",
                "intro": "<p>欢迎重点工程一线班组长报名参加安全技能比武。报名后工作人员会电话确认参赛资格。</p>",
                "event_title": "重点工程班组长安全技能比武",
                "fields": [
                    {"label": "姓名", "field_type": "singleline", "required": True},
                    {
                        "label": "手机号码",
                        "field_type": "mobile",
                        "required": True,
                        "help_text": "用于通知比武安排。",
                    },
                    {"label": "工作单位", "field_type": "singleline", "required": True},
                    {"label": "岗位或工种", "field_type": "singleline", "required": True},
                    {
                        "label": "参赛项目",
                        "field_type": "radio",
                        "required": True,
                        "choices": "电工\n焊工\n起重工\n安全员",
                    },
                    {"label": "备注", "field_type": "multiline", "required": False},
                ],
            },
        },
        {
            "title": "劳模引领创新创造工程",
            "slug": "lao-mo-yin-ling",
            "slogan": "劳模领衔攻难关 创新成果惠职工",
            "intro": "依托劳模创新工作室，组织职工围绕生产难题联合攻关，把成果推广到更多岗位。",
            "organiser": "青海省总工会（演示）",
            "start_date": datetime.date(2024, 9, 10),
            "end_date": None,
            "news_tag": "劳模创新工作室",
            "goals": "<ul><li>每个市州至少建成十家劳模创新工作室；</li>"
            "<li>工作室每年至少完成一项攻关课题并向同行业推广；</li>"
            "<li>劳模带徒传技，每位劳模每年带徒不少于三人。</li></ul>",
            "key_figures": [
                figure(
                    "劳模创新工作室",
                    168,
                    "家",
                    datetime.date(2026, 10, 31),
                    "省总工会劳动和经济工作部（演示数据）",
                ),
                figure("攻关课题", 412, "项", datetime.date(2026, 10, 31), "工作室联盟统计（演示数据）"),
                figure("推广成果", 95, "项", datetime.date(2026, 10, 31), "工作室联盟统计（演示数据）"),
                figure("带徒传技", 2360, "人", datetime.date(2026, 6, 30), "工作室联盟统计（演示数据）"),
            ],
            "milestones": [
                milestone(
                    datetime.date(2024, 9, 10), "工作室联盟成立", "首批二十家工作室加入联盟，共享课题和设备。"
                ),
                milestone(
                    datetime.date(2025, 5, 1), "首批成果发布", "发布节能降耗、安全生产方面的可推广成果。"
                ),
                milestone(
                    today + datetime.timedelta(days=25),
                    "年度创新成果交流会",
                    "工作室代表现场展示和交流成果。",
                ),
            ],
            "body_paragraphs": [
                "工程鼓励劳模把多年积累的绝活、窍门整理成可复制的操作法，通过工作室带动班组和青年职工共同提高。",
                "省总工会对成效突出的工作室给予经费支持，并组织成果进企业、进院校交流。",
            ],
            "events": [
                event(
                    "劳模创新工作室开放日",
                    9,
                    4,
                    "海西蒙古族藏族自治州格尔木市某盐湖企业（演示地点）",
                    "职工和院校学生可报名参观工作室，现场了解攻关项目；名额有限，请提前报名。",
                ),
                event(
                    "年度创新成果交流会",
                    25,
                    5,
                    "西宁市青海省职工活动中心（演示地点）",
                    "各工作室展示年度成果，评出十项优秀成果向全省推广。",
                ),
            ],
            "related": ["劳模创新工作室联盟成立 首批吸纳二十家工作室", "全国劳动模范先进事迹报告会走进高校"],
            "workers": ["巴图孟和", "索南旦增", "曾德明"],
            "form": {
                "title": "开放日参观报名",
                "slug": "kai-fang-ri-bao-ming",
                "intro": "<p>开放日每场接待三十人，按报名先后确认。请如实填写联系方式，便于通知集合时间。</p>",
                "event_title": "劳模创新工作室开放日",
                "fields": [
                    {"label": "姓名", "field_type": "singleline", "required": True},
                    {"label": "手机号码", "field_type": "mobile", "required": True},
                    {"label": "工作单位或学校", "field_type": "singleline", "required": True},
                    {
                        "label": "同行人数",
                        "field_type": "number",
                        "required": False,
                        "help_text": "不含本人，最多两人。",
                    },
                ],
            },
        },
        {
            "title": "农民工入会集中行动",
            "slug": "nong-min-gong-ru-hui",
            "slogan": "入会一张卡 维权有娘家",
            "intro": "在建筑工地、物流园区和新就业形态集中的地方设服务点，把农民工吸收到工会中来。",
            "organiser": "青海省总工会（演示）",
            "start_date": datetime.date(2026, 3, 1),
            "end_date": datetime.date(2026, 12, 31),
            "news_tag": "农民工入会",
            "goals": "<ol><li>重点工程项目全部建立工会组织或联合工会；</li>"
            "<li>全年新发展农民工会员一万人以上；</li>"
            "<li>入会职工都能享受法律援助、技能培训和困难帮扶等服务。</li></ol>",
            "key_figures": [
                figure(
                    "新发展农民工会员", 13580, "人", datetime.date(2026, 10, 31), "省总工会组织部（演示数据）"
                ),
                figure("入会服务点", 326, "个", datetime.date(2026, 10, 31), "省总工会组织部（演示数据）"),
                figure("覆盖重点项目", 214, "个", datetime.date(2026, 10, 31), "省总工会组织部（演示数据）"),
            ],
            "milestones": [
                milestone(datetime.date(2026, 3, 1), "行动启动", "各市州工会摸清在建项目和用工情况。"),
                milestone(
                    datetime.date(2026, 3, 18), "工地服务点开放", "首批工地入会服务点挂牌，现场办理入会。"
                ),
                milestone(
                    datetime.date(2026, 9, 30), "集中攻坚", "针对物流快递、外卖配送等行业集中开展入会活动。"
                ),
                milestone(datetime.date(2026, 12, 31), "总结验收", "逐项目核对入会和服务落实情况。"),
            ],
            "body_paragraphs": [
                "入会不收入会费，会员按规定缴纳会费后即可享受工会提供的各项服务。"
                "遇到工资拖欠等问题，可以拨打职工服务热线 12351 求助。",
                "不方便到服务点的职工，可以在本页登记入会意向，所在地工会会在五个工作日内与您联系，"
                "线下办理入会手续。",
            ],
            "events": [
                event(
                    "建筑工地入会服务日",
                    3,
                    3,
                    "西宁市城北区某保障房建设项目生活区（演示地点）",
                    "现场办理入会、发放会员卡；律师现场解答劳动合同和工资支付问题。",
                    start_hour=18,
                    start_minute=30,
                ),
                event(
                    "快递物流行业集中入会活动",
                    12,
                    3,
                    "海东市平安区某物流园区（演示地点）",
                    "面向快递员、货车司机办理入会，同时介绍暖心驿站的位置和服务。",
                    start_hour=14,
                    start_minute=0,
                ),
                event(
                    "入会服务点挂牌仪式",
                    -30,
                    1,
                    "西宁市城西区某建设项目（演示地点）",
                    "首批入会服务点挂牌，现场有二十余名农民工办理入会。",
                ),
            ],
            "related": ["建筑工地开设农民工入会服务点", "省总工会关于网上入会办理流程的公告"],
            "workers": [],
            "form": {
                "title": "入会意向登记",
                "slug": "ru-hui-yi-xiang-deng-ji",
                "intro": "<p>填写后，所在地工会将在五个工作日内电话联系您，约定线下办理入会的时间和地点。"
                "办理进度可拨打 12351 查询。</p>",
                "thank_you_text": "<p>登记成功！所在地工会会在五个工作日内与您联系。如有疑问，请拨打职工服务热线 12351。</p>",
                "event_title": "",
                "fields": [
                    {"label": "姓名", "field_type": "singleline", "required": True},
                    {"label": "手机号码", "field_type": "mobile", "required": True},
                    {
                        "label": "所在地区",
                        "field_type": "dropdown",
                        "required": True,
                        "choices": REGION_CHOICES,
                    },
                    {"label": "工作单位或项目名称", "field_type": "singleline", "required": True},
                    {
                        "label": "从事工作",
                        "field_type": "dropdown",
                        "required": True,
                        "choices": "建筑施工\n快递物流\n外卖配送\n网约车\n家政服务\n其他",
                    },
                    {
                        "label": "方便联系的时间",
                        "field_type": "checkboxes",
                        "required": False,
                        "choices": "工作日白天\n工作日晚上\n周末",
                    },
                ],
            },
        },
        {
            "title": "下基层、接地气、办实事",
            "slug": "xia-ji-ceng",
            "slogan": "走进车间班组 解决急难愁盼",
            "intro": "省市县三级工会机关干部走进基层单位，听职工说心里话，把问题解决在一线。",
            "organiser": "青海省总工会（演示）",
            "start_date": datetime.date(2023, 3, 6),
            "end_date": datetime.date(2025, 12, 31),
            "news_tag": "下基层",
            "archive_note": "活动已于 2025 年底圆满结束，走访中收集的问题均已办结并向职工反馈。本页内容留存备查。",
            "goals": "<ul><li>机关干部每人每年到基层蹲点不少于十天；</li><li>职工反映的问题件件有回音、事事有着落。</li></ul>",
            "key_figures": [
                figure("走访基层单位", 2140, "家", datetime.date(2025, 12, 31), "活动总结（演示数据）"),
                figure(
                    "解决职工急难愁盼问题", 3675, "件", datetime.date(2025, 12, 31), "活动总结（演示数据）"
                ),
                figure("机关干部参与", 890, "人次", datetime.date(2025, 12, 31), "活动总结（演示数据）"),
            ],
            "milestones": [
                milestone(datetime.date(2023, 3, 6), "活动启动", "机关干部分组联系基层单位。"),
                milestone(datetime.date(2024, 6, 30), "问题清单办理过半", "建立问题台账，逐项销号。"),
                milestone(datetime.date(2025, 12, 31), "活动总结", "全部问题办结并向职工反馈。"),
            ],
            "body_paragraphs": [
                "活动期间，机关干部跟班劳动、同吃同住，帮助基层解决职工食堂、宿舍、通勤和技能培训等实际问题。",
                "活动形成的联系基层制度已纳入省总工会的日常工作。",
            ],
            "events": [
                event(
                    "机关干部蹲点交流会",
                    -400,
                    3,
                    "青海省总工会（演示地点）",
                    "各蹲点小组交流走访发现的问题和办理情况。",
                ),
            ],
            "related": ["省总工会启动下基层接地气办实事活动", "工会代表团赴牧区看望慰问一线职工"],
            "workers": [],
            "form": None,
        },
        {
            "title": "户外劳动者暖心驿站提质行动",
            "slug": "nuan-xin-yi-zhan",
            "slogan": "一杯热水一处歇脚 让户外劳动者冬有暖夏有凉",
            "intro": "新建和改造一批暖心驿站，让环卫工人、快递员、外卖骑手有地方歇脚、喝水、热饭。",
            "organiser": "青海省总工会（演示）",
            "start_date": today + datetime.timedelta(days=40),
            "end_date": today + datetime.timedelta(days=400),
            "news_tag": "暖心驿站",
            "goals": "<ul><li>新建暖心驿站一百个，改造提升两百个；</li><li>驿站信息全部接入地图，方便查找。</li></ul>",
            "key_figures": [],
            "milestones": [
                milestone(today + datetime.timedelta(days=40), "行动启动", "公布新建和改造驿站名单。"),
                milestone(today + datetime.timedelta(days=220), "年中检查", "随机抽查驿站开放和服务情况。"),
            ],
            "body_paragraphs": ["驿站由工会与商户、社区共建，户外劳动者凭工作证件即可免费使用。"],
            "events": [],
            "related": ["快递网点建起暖心驿站 户外劳动者有了歇脚处"],
            "workers": [],
            "form": None,
        },
    ]


def ensure_signup_group(command):
    group, _ = Group.objects.get_or_create(name=SIGNUP_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="campaigns", codename="view_signups"),
    )
    user_model = get_user_model()
    user = user_model.objects.filter(username=SIGNUP_USERNAME).first()
    if user is None:
        user = user_model.objects.create_user(
            SIGNUP_USERNAME, "baoming@example.com", SIGNUP_PASSWORD, first_name="报名信息管理员"
        )
    user.groups.add(group)
    command.add_login(SIGNUP_USERNAME, SIGNUP_PASSWORD, "报名信息管理员")


def add_demo_submissions(form_page):
    """Two clearly fictional sign-ups, so the admin's submissions screen has something to show."""
    if FormSubmission.objects.filter(page=form_page).exists():
        return
    fields = list(form_page.get_form_fields())
    for number, name in enumerate(["示例报名人甲", "示例报名人乙"]):
        data = {CONSENT_FIELD: True}
        for field in fields:
            if field.field_type == "mobile":
                data[field.clean_name] = f"1390000000{number}"
            elif field.field_type in ("dropdown", "radio"):
                data[field.clean_name] = field.choices.splitlines()[0].strip()
            elif field.field_type == "checkboxes":
                data[field.clean_name] = [field.choices.splitlines()[0].strip()]
            elif field.field_type == "number":
                data[field.clean_name] = "1"
            elif field.label == "姓名":
                data[field.clean_name] = name
            elif field.required:
                data[field.clean_name] = "演示单位"
        FormSubmission.objects.create(page=form_page, form_data=data)


def load(command):
    home = HomePage.objects.first()
    if home is None:
        command.stdout.write("专题活动演示内容：未找到首页，已跳过。")
        return
    index = make_campaign_index(
        home,
        title="专题活动",
        slug="zhuanti",
        intro="全省工会重点工作专题：正在进行的活动、进展数据、活动安排和报名入口。",
        seo_keywords="专题活动,建功立业,劳模创新,农民工入会",
        show_in_menus=True,
    )
    created = 0
    for spec in campaign_specs():
        spec = dict(spec)
        form_spec = spec.pop("form")
        related = articles(*spec.pop("related"))
        linked_workers = workers(*spec.pop("workers"))
        existed = index.get_children().filter(title=spec["title"]).exists()
        campaign = make_campaign(
            index,
            hero_image=get_or_create_image(f"专题：{spec['title']}"),
            related_articles=related,
            workers=linked_workers,
            **spec,
        )
        created += not existed
        if form_spec:
            ensure_signup_form(campaign, form_spec)
    ensure_signup_group(command)
    forms = CampaignFormPage.objects.descendant_of(index).count()
    command.stdout.write(
        f"专题活动：{index.get_children().count()} 个专题（新增 {created}），报名表单 {forms} 个（{index.url}）。"
    )


def ensure_signup_form(campaign, form_spec):
    form_spec = dict(form_spec)
    event_title = form_spec.pop("event_title")
    fields = form_spec.pop("fields")
    existed = CampaignFormPage.objects.child_of(campaign).filter(title=form_spec["title"]).exists()
    form_page = make_signup_form(campaign, fields=fields, **form_spec)
    if existed:
        return form_page
    if event_title:
        # The event's sign-up link: set once on creation, then left to the editors.
        event = campaign.events.filter(title=event_title).first()
        if event is not None:
            event.signup_page = form_page
            event.save(update_fields=["signup_page"])
            campaign.save_revision(log_action=False).publish(log_action=False)
    add_demo_submissions(form_page)
    return form_page
