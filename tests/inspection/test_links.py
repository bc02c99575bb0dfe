"""The link checker: internal targets without HTTP, external ones against a local server."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from inspection import links as linkmod
from inspection.models import LinkOccurrence, LinkResult
from inspection.run import check_links, check_page_internal_links, inspect_site
from tests.factories import ArticleFactory, NewsSectionFactory

pytestmark = pytest.mark.django_db


def article_with(parent, html, **fields):
    return ArticleFactory(parent=parent, days_ago=1, body=[("paragraph", RichText(html))], **fields)


def checker(**options):
    options.setdefault("workers", 4)
    options.setdefault("rate", 0)
    options.setdefault("timeout", 1)
    options.setdefault("retries", 0)
    return linkmod.ExternalChecker(**options)


def test_external_answers_are_told_apart(link_server, settings):
    base, _ = link_server
    results = checker().check(
        [f"{base}/ok", f"{base}/missing", f"{base}/error", f"{base}/loop-a", f"{base}/moved", f"{base}/slow"]
    )
    assert results[f"{base}/ok"][0] is True
    assert results[f"{base}/missing"] == (False, 404, "HTTP 404")
    assert results[f"{base}/error"][:2] == (False, 500)
    assert results[f"{base}/loop-a"][0] is False and "重定向" in results[f"{base}/loop-a"][2]
    assert results[f"{base}/moved"][0] is True
    slow = results[f"{base}/slow"]
    assert slow[0] is False and "秒内没有响应" in slow[2]


def test_server_errors_are_retried_but_not_found_is_not(link_server):
    base, handler = link_server
    checker(retries=2).check([f"{base}/error", f"{base}/missing"])
    paths = [path for _, path, _ in handler.hits]
    assert paths.count("/error") == 3
    assert paths.count("/missing") == 1


def test_no_cookie_is_ever_sent_back(link_server):
    base, handler = link_server
    check = checker(workers=1)
    check.check([f"{base}/cookie", f"{base}/ok"])
    check.check([f"{base}/ok2"])
    assert [cookie for _, _, cookie in handler.hits] == [None, None, None]


def test_one_host_is_not_hammered(link_server):
    base, handler = link_server
    checker(workers=8, rate=5).check([f"{base}/u/{n}" for n in range(6)])
    times = sorted(t for t, _, _ in handler.hits)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # 5 a second: consecutive requests at least ~0.2 s apart (small tolerance for timer jitter).
    assert min(gaps) >= 0.18


def test_never_follows_into_the_admin(site_root):
    check = checker(own_hosts={"testserver"})
    assert check._fetch("http://testserver/admin/pages/")[0] == "admin"
    resolver = linkmod.InternalResolver()
    assert resolver.classify("http://testserver/admin/")[0] == "skipped"
    assert resolver.classify("/django-admin/")[0] == "skipped"


@pytest.mark.parametrize(
    "target, kind",
    [
        ("http://exa mple.com/", "malformed"),
        ("javascript:alert(1)", "malformed"),
        ("htp:/broken", "malformed"),
        ("相对地址.html", "malformed"),
        ("", "malformed"),
        ("mailto:a@example.cn", "skipped"),
        ("https://www.acftu.org/", "external"),
        ("/news/", "internal"),
        ("page:12", "internal"),
    ],
)
def test_malformed_links_are_reported_not_crashed_on(site_root, target, kind):
    assert linkmod.InternalResolver().classify(target)[0] == kind


def test_full_run_records_broken_links_with_page_and_editor(site_root, link_server, django_user_model):
    base, _ = link_server
    editor = django_user_model.objects.create_superuser("bianji", "bianji@example.cn", "x")
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    target = ArticleFactory(parent=section, days_ago=3, title="目标文章")
    deleted = ArticleFactory(parent=section, days_ago=3, title="将删除")
    deleted_id = deleted.pk
    deleted.delete()
    document = get_document_model().objects.create(title="文件")
    document.file.save("files/a.pdf", ContentFile(b"%PDF"), save=True)
    missing_file = get_document_model().objects.create(title="丢失文件", file="files/gone.pdf")
    page = ArticleFactory(
        parent=section,
        days_ago=1,
        title="有链接的文章",
        via_revision=True,
        user=editor,
        body=[
            (
                "paragraph",
                RichText(
                    f'<p><a linktype="page" id="{target.pk}">好</a><a linktype="page" id="{deleted_id}">坏</a>'
                    f'<a linktype="document" id="{document.pk}">文件</a>'
                    f'<a linktype="document" id="{missing_file.pk}">丢失</a>'
                    f'<a href="{base}/ok">外好</a><a href="{base}/missing">外坏</a>'
                    f'<a href="http://bad url/">格式错</a><a href="/no-such-page/">站内坏</a>'
                    f'<a href="{target.url}">站内好</a></p>'
                ),
            )
        ],
    )
    inspect_site(render=False, checker=checker())
    broken = {
        r.target: r.message
        for r in LinkResult.objects.filter(state__in=[LinkResult.BROKEN, LinkResult.MALFORMED])
    }
    assert broken == {
        f"page:{deleted_id}": "链接的页面已删除",
        f"document:{missing_file.pk}": "附件文件缺失，无法下载",
        f"{base}/missing": "HTTP 404",
        "http://bad url/": "链接格式不正确",
        "/no-such-page/": "站内地址不存在",
    }
    occurrence = LinkOccurrence.objects.get(link__target=f"{base}/missing")
    assert occurrence.page_id == page.pk and occurrence.editor == editor
    # A second run is idempotent: the same occurrences, not doubled.
    count = LinkOccurrence.objects.count()
    inspect_site(render=False, checker=checker())
    assert LinkOccurrence.objects.count() == count


def test_removing_a_broken_link_counts_as_fixed(site_root):
    section = NewsSectionFactory(parent=site_root)
    page = article_with(section, '<p><a href="/nowhere/">x</a></p>')
    inspect_site(render=False, external=False)
    result = LinkResult.objects.get(target="/nowhere/")
    assert result.state == LinkResult.BROKEN and result.fixed_at is None
    page.body = [("paragraph", RichText("<p>没有链接了</p>"))]
    page.save_revision().publish()
    inspect_site(render=False, external=False)
    result.refresh_from_db()
    assert result.fixed_at is not None


def test_recent_external_results_are_reused(site_root, link_server):
    base, handler = link_server
    section = NewsSectionFactory(parent=site_root)
    article_with(section, f'<p><a href="{base}/ok">x</a></p>')
    inspect_site(render=False, checker=checker())
    inspect_site(render=False, checker=checker())
    assert [path for _, path, _ in handler.hits] == ["/ok"]


def test_on_publish_checks_the_pages_own_internal_links_only(site_root, link_server):
    base, handler = link_server
    section = NewsSectionFactory(parent=site_root)
    page = ArticleFactory(
        parent=section,
        days_ago=1,
        via_revision=True,
        body=[
            ("paragraph", RichText(f'<p><a linktype="page" id="999999">x</a><a href="{base}/ok">y</a></p>'))
        ],
    )
    broken = LinkResult.objects.get(target="page:999999")
    assert broken.state == LinkResult.BROKEN
    assert LinkOccurrence.objects.filter(page=page).count() == 2
    assert handler.hits == []  # publishing never waits on the internet
    assert list(check_page_internal_links(page.specific)) == [broken]


def test_links_in_snippets_and_settings_are_checked(site_root):
    from wagtail.models import Site

    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.party_gov_badge_link = "not a url at all"
    site_settings.save()
    inspect_site(render=False, external=False)
    result = LinkResult.objects.get(target="not a url at all")
    assert result.state == LinkResult.MALFORMED
    assert result.occurrences.get().source == "站点设置"


def test_check_links_skips_nothing_internal(site_root):
    section = NewsSectionFactory(parent=site_root)
    good = article_with(section, "<p>目标</p>")
    article_with(section, f'<p><a linktype="page" id="{good.pk}">x</a></p>')
    inspect_site(render=False, external=False)
    assert LinkResult.objects.get(target=f"page:{good.pk}").state == LinkResult.OK
    good.unpublish()
    check_links()
    result = LinkResult.objects.get(target=f"page:{good.pk}")
    assert result.state == LinkResult.BROKEN and result.message == "链接的页面未发布"
