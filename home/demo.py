"""Demo content of the home app: the site, its settings, the plain pages and the admin login."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from .images import get_or_create_image
from .models import HomePage, SiteSettings, StandardPage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "qhgh-demo-2026"

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "关于我们",
        "show_in_menus": False,
        "intro": "青海工会网是省总工会主办的职工服务与新闻发布平台。",
        "body": [
            ("heading", {"text": "网站定位", "level": "h2"}),
            (
                "paragraph",
                "<p>本网站发布全省工会工作的权威信息，展示劳动模范和工匠人才的风采，"
                "宣传各项专题活动，并为广大职工提供入会、维权、帮扶等线上服务入口。</p>",
            ),
            ("heading", {"text": "内容发布", "level": "h2"}),
            (
                "paragraph",
                "<p>网站所有稿件均经过初审、复审、终审三道审核后发布，转载稿件注明原始来源、"
                "原作者和原标题。</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "隐私声明",
        "show_in_menus": False,
        "intro": "我们只收集办理服务所必需的个人信息，并严格限制查看范围。",
        "body": [
            ("heading", {"text": "我们收集哪些信息", "level": "h2"}),
            (
                "paragraph",
                "<p>在您报名参加活动或登记入会意向时，我们会收集您填写的姓名、联系电话、工作单位等信息，"
                "仅用于联系您办理相关事项。</p>",
            ),
            ("heading", {"text": "谁能查看这些信息", "level": "h2"}),
            (
                "paragraph",
                "<p>只有经授权负责该项工作的工会工作人员可以查看，每次查看和导出都会留下记录。"
                "信息在保存期限届满后自动删除。</p>",
            ),
            ("heading", {"text": "联系我们", "level": "h2"}),
            ("paragraph", "<p>如需查询、更正或删除您的信息，请拨打职工服务热线 12351。</p>"),
        ],
    },
    {
        "slug": "contact",
        "title": "联系我们",
        "show_in_menus": False,
        "intro": "欢迎职工群众来信来电。",
        "body": [
            (
                "paragraph",
                "<p>地址：西宁市城中区示例路 100 号（演示地址）<br>邮编：810000<br>"
                "职工服务热线：12351<br>办公电话：0971-0000000（演示号码）</p>",
            ),
        ],
    },
]


def ensure_home_page():
    """Put a HomePage at the site root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
        if welcome is not None:
            welcome.slug = "wagtail-welcome"
            welcome.save(update_fields=["slug"])
        home = root.add_child(
            instance=HomePage(
                title="首页",
                slug="home",
                seo_title="青海工会网",
                search_description="青海省总工会主办：工会要闻、基层动态、劳模风采、专题活动与职工服务。",
                seo_keywords="青海工会,职工服务,劳动模范,工会新闻",
                banner_title="建功新时代 奋进高原路",
                banner_text="全省职工在生产一线比技能、练本领、创佳绩。",
                banner_image=get_or_create_image("首页头图：高原建设者"),
            )
        )
        home.save_revision().publish()
        # The demo site answers at the address `make run` serves, so absolute URLs work locally.
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.root_page = home
        site.site_name = "青海工会网"
        site.save()
        if welcome is not None:
            welcome.delete()
    return home


def ensure_site_settings(home):
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if site_settings.organiser:
        return site_settings
    site_settings.site_name = "青海工会网"
    site_settings.site_domain = "www.example-qhgh.cn"
    site_settings.organiser = "青海省总工会（演示）"
    site_settings.operator = "青海省总工会网络工作部（演示）"
    site_settings.address = "西宁市城中区示例路 100 号"
    site_settings.postcode = "810000"
    site_settings.phone = "0971-0000000"
    site_settings.hotline = "12351"
    site_settings.icp_number = "青ICP备00000000号-1（演示）"
    site_settings.police_number = "青公网安备 63010002000000号（演示）"
    site_settings.police_link = "https://beian.mps.gov.cn/"
    site_settings.site_id_code = "6300000000"
    site_settings.copyright_note = "本站演示内容为虚构，仅用于展示网站功能。"
    privacy = StandardPage.objects.filter(slug="privacy").first()
    about = StandardPage.objects.filter(slug="about").first()
    links = []
    if about:
        links.append(("link", {"title": "关于我们", "page": about, "url": ""}))
    if privacy:
        links.append(("link", {"title": "隐私声明", "page": privacy, "url": ""}))
    links.append(("link", {"title": "中华全国总工会", "page": None, "url": "https://www.acftu.org/"}))
    site_settings.footer_links = links
    site_settings.save()
    return site_settings


def ensure_standard_pages(home):
    for spec in STANDARD_PAGES:
        if StandardPage.objects.filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            show_in_menus=spec["show_in_menus"],
            body=[(kind, RichText(value) if kind == "paragraph" else value) for kind, value in spec["body"]],
        )
        home.add_child(instance=page)
        page.save_revision().publish()


def ensure_admin(command):
    user_model = get_user_model()
    if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
        user_model.objects.create_superuser(
            ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD, first_name="管理员"
        )
    command.add_login(ADMIN_USERNAME, ADMIN_PASSWORD, "超级管理员")


def load(command):
    home = ensure_home_page()
    ensure_standard_pages(home)
    ensure_site_settings(home)
    ensure_admin(command)
    command.stdout.write("· 首页、站点设置与通用页面")
