"""The home page, plain pages, the 404 page and the footer as readers see them."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_renders_chinese_shell(client, site_root):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN"' in html
    assert 'href="#main"' in html and "跳到正文" in html
    assert 'role="search"' in html
    assert "<main" in html and "<footer" in html
    assert '<meta name="SiteName"' in html
    # No asset may come from another host: the site must work offline and inside China.
    for marker in ('src="http', 'href="https://fonts', "cdn.", "googleapis"):
        assert marker not in html


def test_home_page_is_cacheable_by_a_cdn_for_anonymous_readers(client, site_root):
    response = client.get("/")
    assert "s-maxage" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_signed_in_editors_get_private_pages(client, site_root, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "b@example.com", "pw")
    client.force_login(user)
    response = client.get("/")
    assert "public" not in response["Cache-Control"]


def test_the_editor_bar_shows_for_editors_only(client, site_root, django_user_model):
    assert "wagtail-userbar" not in client.get("/").content.decode()
    user = django_user_model.objects.create_superuser("editor-bar", "e@example.com", "pw")
    client.force_login(user)
    assert "wagtail-userbar" in client.get("/").content.decode()


def test_unknown_address_gives_chinese_404(client, site_root):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "抱歉，您访问的页面不存在" in html
    assert "返回首页" in html


def test_menu_shows_pages_marked_for_menus_only(client, site_root):
    StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang", show_in_menus=True)
    StandardPageFactory(parent=site_root, title="网站声明", slug="shengming", show_in_menus=False)
    html = client.get("/").content.decode()
    nav = html.split('aria-label="主导航"')[1].split("</nav>")[0]
    assert "工会概况" in nav
    assert "网站声明" not in nav


def test_menu_marks_where_the_reader_is_on_every_page_from_the_site_cache(client, site_root, settings):
    """The navigation is one cached fragment per position in the menu: each page still gets its own marks."""
    settings.SITE_CACHE_ENABLED = True
    section = StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang", show_in_menus=True)
    StandardPageFactory(parent=section, title="组织机构", slug="jigou")
    StandardPageFactory(parent=site_root, title="服务职工", slug="fuwu", show_in_menus=True)
    StandardPageFactory(parent=site_root, title="网站声明", slug="shengming")

    def nav(url):
        return client.get(url).content.decode().split('aria-label="主导航"')[1].split("</nav>")[0]

    for _ in range(2):  # the second round is served from the cache
        assert '<a href="/" aria-current="page">首页</a>' in nav("/")
        assert nav("/").count("aria-current") == 1
        assert '<a href="/gaikuang/" aria-current="page">工会概况</a>' in nav("/gaikuang/")
        assert nav("/gaikuang/").count("aria-current") == 1
        assert '<a href="/gaikuang/" aria-current="true">工会概况</a>' in nav("/gaikuang/jigou/")
        assert nav("/gaikuang/jigou/").count("aria-current") == 1
        assert '<a href="/fuwu/" aria-current="page">服务职工</a>' in nav("/fuwu/")
        assert "aria-current" not in nav("/shengming/")


def test_breadcrumbs_lead_back_home(client, site_root):
    StandardPageFactory(parent=site_root, title="关于我们", slug="guanyu")
    html = client.get("/guanyu/").content.decode()
    crumbs = html.split('aria-label="当前位置"')[1].split("</nav>")[0]
    assert ">首页</a>" in crumbs
    assert 'aria-current="page">关于我们' in crumbs


def test_robots_txt_points_to_sitemap(client, site_root):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


class TestFooter:
    def footer(self, client):
        return client.get("/").content.decode().split("<footer")[1]

    def test_filled_settings_appear_with_required_links(self, client, site_root):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.organiser = "青海省总工会"
        site_settings.operator = "网络工作部"
        site_settings.icp_number = "青ICP备12345678号"
        site_settings.police_number = "青公网安备63010002000001号"
        site_settings.police_link = "https://beian.mps.gov.cn/#/query/webSearch?code=63010002000001"
        site_settings.site_id_code = "6300000001"
        site_settings.phone = "0971-1234567"
        site_settings.save()
        footer = self.footer(client)
        assert "主办单位" in footer and "青海省总工会" in footer
        assert "承办单位" in footer and "网络工作部" in footer
        assert 'href="https://beian.miit.gov.cn/"' in footer and "青ICP备12345678号" in footer
        assert "青公网安备63010002000001号" in footer and "beian.mps.gov.cn" in footer
        assert "网站标识码" in footer and "6300000001" in footer
        assert 'href="tel:0971-1234567"' in footer

    def test_empty_settings_hide_their_items(self, client, site_root):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.organiser = ""
        site_settings.operator = ""
        site_settings.icp_number = ""
        site_settings.police_number = ""
        site_settings.site_id_code = ""
        site_settings.phone = ""
        site_settings.hotline = ""
        site_settings.save()
        footer = self.footer(client)
        for label in (
            "主办单位",
            "承办单位",
            "beian.miit.gov.cn",
            "网站标识码",
            "联系电话",
            "职工服务热线",
            "党政机关标识",
        ):
            assert label not in footer


def test_load_demo_content_is_idempotent(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    counts = (Page.objects.count(), HomePage.objects.count(), Site.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (Page.objects.count(), HomePage.objects.count(), Site.objects.count()) == counts
    assert HomePage.objects.count() == 1
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_load_demo_content_prints_admin_url_and_logins(db):
    from io import StringIO

    out = StringIO()
    call_command("load_demo_content", stdout=out)
    text = out.getvalue()
    assert "/admin/" in text
    assert "admin" in text and "qhgh-demo-2026" in text
