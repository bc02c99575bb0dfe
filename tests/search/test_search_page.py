"""The reader's search page finds what readers type, in Chinese."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/search/"


def result_titles(response):
    """Titles of the results as the reader sees them (marks removed)."""
    html = response.content.decode()
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.*?)</a>', html, re.S)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def search(client, query, **params):
    response = client.get(SEARCH_URL, {"q": query, **params})
    assert response.status_code == 200
    return response


# (query, titles that must be found, titles that must not be)
QUERIES = [
    ("工会", ["省总工会召开全委会议", "AI助力智慧工会建设", "关于我们"], ["马文花"]),
    ("主办", ["关于我们"], ["省总工会召开全委会议"]),
    ("政治性", ["省总工会召开全委会议"], ["职工服务热线全天候接听"]),
    ("百万职工高原建功立业工程", ["百万职工高原建功立业工程年度总结"], []),
    ("建功立业", ["百万职工高原建功立业工程年度总结"], []),
    ("高原", ["百万职工高原建功立业工程年度总结"], []),
    ("劳动竞赛", ["百万职工高原建功立业工程年度总结"], ["省总工会召开全委会议"]),
    ("劳模创新工作室", ["马文花"], ["周德明"]),
    ("马文花", ["马文花"], ["周德明"]),
    ("输电线路", ["周德明"], ["马文花"]),
    ("农民工入会", ["农民工入会集中行动"], []),
    ("入会", ["农民工入会集中行动", "AI助力智慧工会建设"], []),
    ("快递小哥", ["农民工入会集中行动"], []),
    ("欠薪 律师", ["职工服务热线全天候接听"], ["省总工会召开全委会议"]),
]


def test_chinese_queries_find_their_pages(client, corpus):
    # One test for the whole table: building the corpus is the slow part.
    failures = []
    for query, expected, absent in QUERIES:
        titles = result_titles(search(client, query))
        failures += [
            f"{query!r} should find {title!r}, got {titles}" for title in expected if title not in titles
        ]
        failures += [f"{query!r} should not find {title!r}" for title in absent if title in titles]
    assert failures == []


MIXED_QUERIES = [
    ("十三五", "回顾十三五时期职工技能提升成效"),
    ("12351", "职工服务热线全天候接听"),
    ("12351热线", "职工服务热线全天候接听"),
    ('"五一劳动奖章"', "海西州三名职工荣获五一劳动奖章"),
    ("AI", "AI助力智慧工会建设"),
    ("ai客服", "AI助力智慧工会建设"),
    ("ＡＩ", "AI助力智慧工会建设"),
]


def test_queries_mixing_chinese_digits_and_latin(client, corpus):
    missing = [
        (query, title) for query, title in MIXED_QUERIES if title not in result_titles(search(client, query))
    ]
    assert missing == []


def test_title_match_ranks_first_and_words_are_marked(client, corpus):
    response = search(client, "五一劳动奖章")
    titles = result_titles(response)
    assert titles[0] == "海西州三名职工荣获五一劳动奖章"
    html = response.content.decode()
    assert "<mark>五一劳动奖章</mark>" in html


def test_a_hit_shows_the_date_printed_on_the_article(client, corpus):
    """An article imported with an older 显示日期 shows that date, not the day it went online."""
    from wagtail.models import Page

    article = corpus.articles["plan"]
    # Put online today; the date printed on it stays 400 days back.
    Page.objects.filter(pk=article.pk).update(first_published_at=timezone.now())
    shown = timezone.localtime(article.display_date)
    html = search(client, "十三五").content.decode()
    assert f'<time datetime="{shown.isoformat()}">{shown:%Y-%m-%d}</time>' in html


def test_snippet_shows_the_matching_passage(client, corpus):
    html = search(client, "欠薪").content.decode()
    assert "<mark>欠薪</mark>" in html
    assert "劳动合同纠纷" in html


HOSTILE_QUERIES = [
    '"',
    "*",
    "AND",
    "工会 AND",
    "NEAR(",
    "NEAR(工会 职工)",
    ")",
    "'",
    "\\",
    "工会'",
    '"工会',
    "OR NOT",
    "-",
    ":",
    "{title}:工会",
    "^工会",
    "工会*",
    "%_",
    "a:*",
    "!工会 & |",
    "工会\x00",
    "<script>工会</script>",
]


def test_syntax_characters_give_a_normal_page(client, corpus):
    for query in HOSTILE_QUERIES:
        response = search(client, query)
        assert b"site-main" in response.content, query
        assert b"<script>\xe5" not in response.content


def test_syntax_around_a_real_word_still_finds_it(client, corpus):
    assert "省总工会召开全委会议" in result_titles(search(client, 'NEAR("政治性")*'))


def test_empty_query_shows_suggestions_not_results(client, corpus):
    response = search(client, "")
    assert result_titles(response) == []
    assert "大家常搜" in response.content.decode()
    response = client.get(SEARCH_URL)
    assert response.status_code == 200


def test_very_long_query_is_cut_with_a_note(client, corpus):
    response = search(client, "工会" * 500)
    assert "检索词过长" in response.content.decode()


def test_nothing_found_page_helps(client, corpus):
    html = search(client, "潜水艇").content.decode()
    assert "没有找到" in html
    assert "12351" in html
    assert 'href="/search/?q=' in html


def test_partial_matches_offered_when_no_page_has_every_word(client, corpus):
    response = search(client, "欠薪 潜水艇")
    assert "职工服务热线全天候接听" in result_titles(response)
    assert "部分词语" in response.content.decode()


def test_drafts_private_and_future_pages_are_never_found(client, corpus):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    ArticleFactory(parent=corpus.news_section, title="未发布的工会草稿稿件", live=False)
    secret = ArticleFactory(parent=corpus.news_section, title="内部工会通报稿件")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    ArticleFactory(
        parent=corpus.news_section,
        title="尚未到发布时间的工会稿件",
        display_date=timezone.now() + timedelta(days=3),
    )
    titles = result_titles(search(client, "稿件"))
    assert titles == []
    assert "省总工会召开全委会议" in result_titles(search(client, "工会"))


def test_filter_by_content_type(client, corpus):
    titles = result_titles(search(client, "劳模创新工作室 OR 工会", type="news"))
    assert "马文花" not in titles
    titles = result_titles(search(client, "青海", type="workers"))
    assert set(titles) == {"马文花", "周德明"}
    titles = result_titles(search(client, "入会", type="campaigns"))
    assert titles == ["农民工入会集中行动"]


def test_filter_by_section_and_dates(client, corpus):
    titles = result_titles(search(client, "职工", section=str(corpus.union_section.pk)))
    assert "海西州三名职工荣获五一劳动奖章" in titles
    assert "百万职工高原建功立业工程年度总结" not in titles
    recent = timezone.localdate(corpus.articles["medal"].display_date).isoformat()
    titles = result_titles(search(client, "职工", **{"from": recent}))
    assert "海西州三名职工荣获五一劳动奖章" in titles
    assert "回顾十三五时期职工技能提升成效" not in titles
    old = timezone.localdate(corpus.articles["plan"].display_date).isoformat()
    titles = result_titles(search(client, "职工", to=old))
    assert titles == ["回顾十三五时期职工技能提升成效"]


def test_the_filter_controls_show_the_reader_s_own_choices(client, corpus):
    """The filter controls are kept per filter set, not per question: each reader still sees the
    choices they made, a section published since is offered, and no choice leaks to another search."""
    from tests.factories import NewsSectionFactory

    section = str(corpus.union_section.pk)
    chosen = search(client, "工会", type="news", section=section, **{"from": "2020-01-02"}).content.decode()
    assert '<option value="news" selected>' in chosen
    assert f'<option value="{section}" selected>' in chosen
    assert 'name="from" value="2020-01-02"' in chosen
    for question in ("职工", "工会"):
        plain = search(client, question).content.decode()
        assert " selected>" not in plain and 'name="from" value=""' in plain
    # The same filters with another question: the same choices shown.
    again = search(client, "职工", type="news", section=section, **{"from": "2020-01-02"}).content.decode()
    assert '<option value="news" selected>' in again and 'name="from" value="2020-01-02"' in again
    NewsSectionFactory(parent=corpus.union_section.get_parent(), title="劳动保护", slug="laodongbaohu")
    assert ">劳动保护</option>" in search(client, "安全").content.decode()


BAD_FILTERS = [
    {"type": "ufo"},
    {"section": "abc"},
    {"section": "999999"},
    {"from": "2026-13-45"},
    {"to": "昨天"},
]


def test_bad_filter_values_are_ignored_with_a_note(client, corpus):
    for params in BAD_FILTERS:
        response = search(client, "工会", **params)
        assert "已忽略" in response.content.decode(), params
        assert "省总工会召开全委会议" in result_titles(response), params


def test_pagination(client, corpus):
    for number in range(12):
        ArticleFactory(parent=corpus.union_section, title=f"职工书屋第{number + 1}期图书推荐")
    first = search(client, "职工书屋")
    assert len(result_titles(first)) == 10
    assert "page=2" in first.content.decode()
    second = search(client, "职工书屋", page="2")
    assert len(result_titles(second)) == 2
    assert result_titles(search(client, "职工书屋", page="abc")) == result_titles(first)
    assert client.get(SEARCH_URL, {"q": "职工书屋", "page": "99"}).status_code == 404


def test_editors_promoted_results_come_first(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("维权")
    SearchPromotion.objects.create(
        query=query, page=corpus.articles["hotline"], description="12351 一键求助", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=corpus.about, sort_order=1)
    html = search(client, "维权").content.decode()
    assert "推荐内容" in html
    assert "12351 一键求助" in html
    assert html.index("职工服务热线全天候接听") < html.index("关于我们")


def test_unpublished_promotion_is_hidden(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    corpus.about.unpublish()
    SearchPromotion.objects.create(query=Query.get("关于"), page=corpus.about)
    assert "推荐内容" not in search(client, "关于").content.decode()


def test_cache_control_and_title(client, corpus):
    response = search(client, "工会")
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert "<title>“工会”的搜索结果" in response.content.decode()


def test_header_search_box_on_pages_points_here(client, corpus):
    html = client.get(corpus.about.url).content.decode()
    assert 'action="/search/"' in html
    assert reverse("search") == SEARCH_URL


def test_very_common_words_rank_the_newest_matches_and_say_so(client, corpus, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends", "MAX_RANKED_CANDIDATES": 2}}
    response = search(client, "职工")
    titles = result_titles(response)
    assert len(titles) == 2
    assert "共找到 <strong>2</strong> 条结果" in response.content.decode()
    assert "匹配的内容很多" in response.content.decode()


def test_a_filter_finds_older_matches_beyond_the_newest_window(client, corpus, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends", "MAX_RANKED_CANDIDATES": 2}}
    # Newer than both profiles, so the newest matches of 青海 are all news …
    for number in range(3):
        ArticleFactory(parent=corpus.union_section, title=f"青海职工技能大赛第{number + 1}场")
    assert "马文花" not in result_titles(search(client, "青海"))
    # … and the 劳模 filter still finds both profiles.
    assert set(result_titles(search(client, "青海", type="workers"))) == {"马文花", "周德明"}


def test_demo_promotions_are_idempotent_and_shown(client, corpus):
    from io import StringIO
    from types import SimpleNamespace

    from wagtail.contrib.search_promotions.models import SearchPromotion

    from demo.loader import load_search

    command = SimpleNamespace(stdout=StringIO())
    load_search(command)
    count = SearchPromotion.objects.count()
    load_search(command)
    assert SearchPromotion.objects.count() == count >= 2
    html = search(client, "入会").content.decode()
    assert "推荐内容" in html and "新就业形态劳动者怎样加入工会" in html


@pytest.mark.site_cache
def test_a_repeated_search_is_answered_from_the_cache_until_the_site_changes(
    client, corpus, django_assert_max_num_queries
):
    first = search(client, "工会")
    with django_assert_max_num_queries(4):  # the site cache's version, the route's site; no search
        again = search(client, "工会")
    assert result_titles(again) == result_titles(first)
    # Another page of results, other filters or a note about the reader's own input are other answers.
    assert "已忽略" in search(client, "工会", **{"from": "2026-13-45"}).content.decode()
    assert "已忽略" not in search(client, "工会").content.decode()
    # A publication changes the answer at once.
    ArticleFactory(parent=corpus.news_section, title="工会新闻发布会召开")
    assert "工会新闻发布会召开" in result_titles(search(client, "工会新闻发布会"))
    assert "工会新闻发布会召开" in result_titles(search(client, "工会"))


def test_a_new_or_removed_promotion_shows_at_once_for_a_question_already_answered(client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert "推荐内容" not in search(client, "维权").content.decode()
    pick = SearchPromotion.objects.create(
        query=Query.get("维权"), page=corpus.articles["hotline"], description="12351 一键求助", sort_order=0
    )
    assert "12351 一键求助" in search(client, "维权").content.decode()
    assert "12351 一键求助" in search(client, "维权", type="news").content.decode()
    pick.delete()
    assert "推荐内容" not in search(client, "维权").content.decode()


def test_a_republished_page_shows_its_new_title_and_text_at_once(client, corpus):
    from tests.factories import publish

    article = corpus.articles["hotline"]
    old_title = article.title
    assert "劳动合同纠纷" in search(client, "欠薪").content.decode()
    assert old_title in result_titles(search(client, "欠薪"))
    article.title = "欠薪求助热线值班安排"
    article.summary = "职工遇到欠薪可拨打12351，律师值班解答工资争议。"
    publish(article)
    response = search(client, "欠薪")
    html = response.content.decode()
    assert "工资争议" in html and "劳动合同纠纷" not in html
    assert "欠薪求助热线值班安排" in result_titles(response) and old_title not in result_titles(response)


@pytest.mark.site_cache
def test_a_new_question_costs_a_bounded_number_of_queries(client, corpus, django_assert_max_num_queries):
    """A question not answered before runs the whole search; how many queries that takes is bounded.

    SQLite: the site cache's version and one query that ranks the newest matches the reader may
    see (the page filters in the same query). PostgreSQL also filters the ranked window in a query
    of its own. What the list shows of a page (title, address, date, text) is worked out the first
    time any question finds it, then kept until the site changes: the pages are not loaded again."""
    from django.db import connection

    first = search(client, "工会")
    bound = 2 if connection.vendor == "sqlite" else 3
    # Another question's answer (the view keys answers on every parameter sent): the search runs again.
    with django_assert_max_num_queries(bound):
        again = search(client, "工会", fresh="1")
    assert result_titles(again) == result_titles(first)
    html = again.content.decode()
    assert "共找到 <strong>" in html and "<mark>工会</mark>" in html
    # New words, hits shown for the first time: the editors' picks for the words (kept a minute), and
    # the hits themselves (plain pages, then each page type's own) on top.
    with django_assert_max_num_queries(bound + 3):
        assert "马文花" in result_titles(search(client, "劳模创新工作室"))


def test_a_search_among_no_pages_finds_nothing(corpus):
    from wagtail.models import Page

    for pages in (Page.objects.none(), Page.objects.filter(pk__in=[]), Page.objects.live().filter(pk__in=[])):
        results = pages.search("工会")
        assert results.count() == 0
        assert list(results[:10]) == []
    assert Page.objects.live().search("工会").count() > 0


def test_each_site_gets_its_own_answer_to_the_same_question(client, corpus):
    """Two sites on one installation: the same question, asked on each within the minute the
    answer is kept, finds each site's own pages, linked from that site."""
    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory

    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="海西州总工会", slug="haixi")
    Site.objects.create(hostname="haixi.example", port=80, root_page=other_home, site_name="海西州总工会")
    ArticleFactory(parent=other_home, title="柴达木盆地职工夜校开课", days_ago=1)

    here = client.get("/search/", {"q": "柴达木"}).content.decode()
    there = client.get("/search/", {"q": "柴达木"}, HTTP_HOST="haixi.example").content.decode()
    # The title comes back with the question's words marked: 柴达木 is wrapped in <mark>.
    assert "盆地职工夜校开课" not in here
    assert "盆地职工夜校开课" in there
    # Linked from the site it was found on: its own address there, not the other site's.
    assert 'href="/chai-da-mu-pen-di-zhi-gong-ye-xiao-kai-ke/"' in there
