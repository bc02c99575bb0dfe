"""The site cache (menus, breadcrumbs, routes, restrictions, settings) never shows readers a stale site.

Each test first views a page so the cache is warm, changes the site the way an
editor would, and checks that the very next view shows the change.
"""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import SiteSettings, StandardPage
from tests.factories import (
    ArticleFactory,
    NewsIndexFactory,
    NewsSectionFactory,
    StandardPageFactory,
    paragraph_body,
    publish,
)

pytestmark = pytest.mark.django_db


def nav_of(html):
    return html.split('aria-label="主导航"')[1].split("</nav>")[0]


def warm(client, *urls):
    for url in urls:
        for _ in range(2):
            assert client.get(url).status_code == 200, url


def test_a_renamed_menu_page_shows_its_new_title_at_once(client, site_root):
    about = StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang", show_in_menus=True)
    warm(client, "/", about.url)
    about.title = "本会简介"
    publish(about)
    for url in ("/", about.url):
        nav = nav_of(client.get(url).content.decode())
        assert "本会简介" in nav and "工会概况" not in nav


def test_a_page_added_to_the_menu_appears_at_once(client, site_root):
    warm(client, "/")
    StandardPageFactory(parent=site_root, title="维权服务", slug="weiquan", show_in_menus=True)
    assert "维权服务" in nav_of(client.get("/").content.decode())


def test_breadcrumbs_follow_a_renamed_section(client, site_root):
    section = NewsSectionFactory(parent=site_root, title="基层动态")
    article = ArticleFactory(parent=section, title="海东市总工会走访一线职工")
    warm(client, article.url)
    section.title = "基层工会动态"
    publish(section)
    crumbs = client.get(article.url).content.decode().split('aria-label="当前位置"')[1].split("</nav>")[0]
    assert "基层工会动态" in crumbs


def test_an_unpublished_page_is_gone_at_once(client, site_root):
    notice = StandardPageFactory(parent=site_root, title="停电通知", slug="tingdian")
    warm(client, notice.url)
    notice.unpublish()
    assert client.get(notice.url).status_code == 404


def test_a_deleted_page_is_gone_at_once(client, site_root):
    notice = StandardPageFactory(parent=site_root, title="临时公告", slug="linshi")
    url = notice.url
    warm(client, url)
    notice.delete()
    assert client.get(url).status_code == 404


def test_a_moved_page_is_served_at_its_new_address(client, site_root):
    old_parent = NewsSectionFactory(parent=site_root, title="工会要闻")
    new_parent = NewsSectionFactory(parent=site_root, title="通知公告")
    article = ArticleFactory(parent=old_parent, title="关于开展金秋助学活动的通知")
    old_url = article.url
    warm(client, old_url)
    article.move(new_parent, pos="last-child")
    article.refresh_from_db()
    assert article.url != old_url
    response = client.get(article.url)
    assert response.status_code == 200 and "关于开展金秋助学活动的通知" in response.content.decode()
    # Wagtail keeps the old address as a permanent redirect; the old route must not serve it directly.
    old = client.get(old_url)
    assert old.status_code in (301, 404)


def test_a_page_made_private_asks_for_the_password_at_once(client, site_root):
    page = StandardPageFactory(
        parent=site_root, title="内部资料", slug="neibu", intro="仅供工会干部学习的材料。"
    )
    warm(client, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="qhgh")
    response = client.get(page.url)
    html = response.content.decode()
    assert "仅供工会干部学习的材料" not in html
    assert "password" in html
    assert "public" not in response.get("Cache-Control", "")


def test_a_restriction_on_a_parent_covers_its_children_at_once(client, site_root):
    section = NewsSectionFactory(parent=site_root, title="内部通报")
    article = ArticleFactory(parent=section, title="一季度工作情况通报", paragraphs=["通报正文。"])
    warm(client, article.url)
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="qhgh")
    assert "通报正文" not in client.get(article.url).content.decode()


def test_a_changed_hotline_shows_in_header_and_footer_at_once(client, site_root):
    warm(client, "/")
    settings = SiteSettings.objects.get()
    assert "12351" in client.get("/").content.decode()
    settings.hotline = "96012"
    settings.save()
    html = client.get("/").content.decode()
    assert "96012" in html.split("<footer")[1]
    assert "96012" in html.split("<header")[1].split("</header>")[0]


def test_routes_below_routable_pages_still_work_from_the_cache(client, site_root):
    index = NewsIndexFactory(parent=site_root)
    section = NewsSectionFactory(parent=site_root, title="劳动保护")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    article = ArticleFactory(
        parent=section, title="夏季高温作业劳动保护提示", display_date=yesterday, tags=["劳动保护"]
    )
    year = article.display_date.year
    for url in (
        index.url,
        f"{index.url}{year}/",
        f"{index.url}tags/{quote(article.tags.first().slug)}/",
        section.url,
    ):
        warm(client, url)
        assert client.get(url).status_code == 200, url
    assert client.get(f"{index.url}{year}/13/").status_code == 404
    assert client.get(f"{index.url}tags/no-such-tag/").status_code == 404


def test_very_deep_or_odd_paths_give_404_not_500(client, site_root):
    StandardPageFactory(parent=site_root, title="关于我们", slug="about")
    warm(client, "/about/")
    assert client.get("/about/" + "x/" * 40).status_code == 404
    assert client.get("/about/%E5%B7%A5%E4%BC%9A/").status_code == 404
    assert client.get("/" + "a" * 2000 + "/").status_code == 404


@pytest.mark.site_cache
def test_a_plain_page_needs_few_queries_once_the_site_is_warm(
    client, site_root, django_assert_max_num_queries
):
    page = StandardPageFactory(parent=site_root, title="联系我们", slug="lianxi", show_in_menus=True)
    warm(client, page.url)
    # The page itself (and the footer's links, if any): the chrome comes from the site cache.
    with django_assert_max_num_queries(3):
        assert client.get(page.url).status_code == 200


@pytest.mark.site_cache
def test_an_article_needs_few_queries_once_the_site_is_warm(client, site_root, django_assert_max_num_queries):
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    article = ArticleFactory(parent=section, title="省总工会召开全委会议", tags=["工会", "会议"])
    warm(client, article.url)
    with django_assert_max_num_queries(4):
        assert client.get(article.url).status_code == 200


@pytest.mark.site_cache
def test_an_article_read_after_its_section_needs_as_few_queries(
    client, site_root, django_assert_max_num_queries
):
    """Readers open the section before its articles: the article's route is remembered all the
    same, so it is not looked up below the section on every later request."""
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    article = ArticleFactory(parent=section, title="省总工会召开全委会议", tags=["工会", "会议"])
    warm(client, section.url)
    warm(client, article.url)
    # The site cache's version and the article itself, as when the article is read first.
    with django_assert_max_num_queries(2):
        assert "省总工会召开全委会议" in client.get(article.url).content.decode()


@pytest.mark.site_cache
def test_a_page_loaded_through_the_compiled_route_query_is_the_orms_page(client, site_root):
    """The cached route reads the page with a SELECT compiled once per page type: the instance must
    be the one the ORM builds (every field, converted values such as the StreamField body)."""
    from sitecache.routing import _OnePageQuery

    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    article = ArticleFactory(parent=section, title="省总工会召开全委会议", tags=["工会", "会议"])
    page = StandardPageFactory(
        parent=site_root, title="联系我们", slug="lianxi", body=paragraph_body("地址与电话")
    )
    for model, pk in ((type(article), article.pk), (StandardPage, page.pk)):
        loaded = _OnePageQuery.for_model(model).fetch(pk)
        expected = model.objects.get(pk=pk)
        fields = [field.attname for field in model._meta.concrete_fields]
        assert {name: getattr(loaded, name) for name in fields} == {
            name: getattr(expected, name) for name in fields
        }
        assert loaded._state.adding is False and loaded._state.db == "default"
        assert _OnePageQuery.for_model(model).fetch(-1) is None
    warm(client, page.url, article.url)
    assert "地址与电话" in client.get(page.url).content.decode()


def test_a_change_made_by_another_process_is_seen_at_once(client, site_root):
    """The scheduler publishes in its own process, and production runs several: each keeps its own
    local-memory cache, so the version that invalidates them lives in the database."""
    from django.db.models import F

    from sitecache.models import SiteCacheVersion

    about = StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang", show_in_menus=True)
    warm(client, "/")
    # What another process's publication leaves behind: new rows and a new version, but none of
    # this process's signals and nothing removed from this process's cache.
    StandardPage.objects.filter(pk=about.pk).update(title="本会简介")
    SiteCacheVersion.objects.filter(pk=1).update(number=F("number") + 1)
    assert "本会简介" in nav_of(client.get("/").content.decode())


def test_an_editors_preview_shows_the_draft_while_readers_keep_the_published_text(client, site_root):
    from news.models import ArticlePage

    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    article = ArticleFactory(
        parent=section, title="职工书屋全天开放", display_date=yesterday, paragraphs=["已发布的正文。"]
    )
    warm(client, article.url)
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.body = paragraph_body("修改中的正文。")
    preview = draft.make_preview_request()
    if hasattr(preview, "render"):
        preview.render()
    assert "修改中的正文" in preview.content.decode()
    assert "已发布的正文" in client.get(article.url).content.decode()


def test_a_renamed_tag_shows_its_new_name_at_once(client, site_root):
    from taggit.models import Tag

    index = NewsIndexFactory(parent=site_root)
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    ArticleFactory(parent=section, title="开展职工技能比武", display_date=yesterday, tags=["技能比武"])
    tag = Tag.objects.get(name="技能比武")
    url = f"{index.url}tags/{quote(tag.slug)}/"
    warm(client, url)
    tag.name = "职工技能比武"
    tag.save()
    assert "标签：职工技能比武" in client.get(url).content.decode()


def test_an_article_published_by_another_process_is_listed_and_counted_at_once(client, site_root):
    """Listing counts and home blocks follow the same database version as the rest of the site cache."""
    from django.db.models import F

    from news.models import ArticlePage
    from sitecache.models import SiteCacheVersion

    section = NewsSectionFactory(parent=site_root, title="基层动态")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    for number in range(21):  # two pages, so the listing shows its count
        ArticleFactory(parent=section, title=f"基层工会动态{number}", display_date=yesterday)
    draft = ArticleFactory(
        parent=section, title="玉树州总工会慰问高海拔户外劳动者", display_date=yesterday, live=False
    )
    warm(client, section.url)
    assert "共 21 条" in client.get(section.url).content.decode()
    # What another process's publication leaves behind: the row is live, the version is new.
    ArticlePage.objects.filter(pk=draft.pk).update(live=True, first_published_at=yesterday)
    SiteCacheVersion.objects.filter(pk=1).update(number=F("number") + 1)
    html = client.get(section.url).content.decode()
    assert "共 22 条" in html
    assert "玉树州总工会慰问高海拔户外劳动者" in html


@pytest.mark.site_cache
def test_remember_many_builds_only_what_is_missing_and_forgets_on_a_change(site_root):
    from sitecache import cache as site_cache

    asked = []

    def build(missing):
        asked.append(sorted(missing))
        return {name: name.upper() for name in missing if name != "gone"}

    assert site_cache.remember_many(["a", "b", "gone"], build) == {"a": "A", "b": "B"}
    assert site_cache.remember_many(["a", "b", "c", "gone"], build) == {"a": "A", "b": "B", "c": "C"}
    # Kept ones are not built again; a name the builder left out is asked for again.
    assert asked == [["a", "b", "gone"], ["c", "gone"]]
    site_cache.bump_version()
    site_cache.remember_many(["a"], build)
    assert asked[-1] == ["a"]


def test_remember_many_with_the_cache_switched_off_builds_every_time(site_root, settings):
    from sitecache import cache as site_cache

    settings.SITE_CACHE_ENABLED = False
    asked = []

    def build(missing):
        asked.append(sorted(missing))
        return {name: name.upper() for name in missing}

    assert site_cache.remember_many(["a", "b"], build) == {"a": "A", "b": "B"}
    assert site_cache.remember_many(["a", "b"], build) == {"a": "A", "b": "B"}
    assert asked == [["a", "b"], ["a", "b"]]
