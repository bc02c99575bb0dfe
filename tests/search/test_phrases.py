"""Quoted queries find the exact phrase, not pages that merely have its words somewhere."""

import pytest

from tests.factories import ArticleFactory

from .test_search_page import result_titles, search

pytestmark = pytest.mark.django_db

MEDAL = "海西州三名职工荣获五一劳动奖章"
HOTLINE = "职工服务热线全天候接听"
# Demo-like pages that hold a phrase's words, but apart or in another order.
APART_MEDAL = "五一前夕为劳动模范颁发荣誉奖章"
APART_CONTRACT = "续签劳动合同前要核对哪些条款"
NATIONAL_MEDAL = "全国五一劳动奖章获得者走进车间"


@pytest.fixture
def phrase_corpus(corpus):
    section = corpus.union_section
    ArticleFactory(parent=section, title=APART_MEDAL, summary="西宁市总工会向一线职工代表颁发证书。")
    ArticleFactory(
        parent=section,
        title=APART_CONTRACT,
        summary="提前核对工资和岗位条款，避免日后产生纠纷。",
        paragraphs=["工会法律顾问提醒：劳动合同期满前一个月要主动沟通。"],
    )
    ArticleFactory(
        parent=section, title=NATIONAL_MEDAL, summary="荣获全国五一劳动奖章的技术骨干为青年职工授课。"
    )
    return corpus


# (query, titles that must be found, titles that must not be)
PHRASE_QUERIES = [
    # A one-word phrase, found whole and inside a longer word (全国五一劳动奖章) …
    ('"五一劳动奖章"', [MEDAL, NATIONAL_MEDAL], [APART_MEDAL]),
    # … while without quotes its parts anywhere are enough.
    ("五一劳动奖章", [MEDAL, NATIONAL_MEDAL, APART_MEDAL], []),
    # Several words, adjacent and in this order.
    ('"劳动合同纠纷"', [HOTLINE], [APART_CONTRACT]),
    ("劳动合同纠纷", [HOTLINE, APART_CONTRACT], []),
    ('"合同劳动"', [], [HOTLINE, APART_CONTRACT]),
    # Chinese quotation marks from an input method, and spaces inside the phrase.
    ("“五一劳动奖章”", [MEDAL, NATIONAL_MEDAL], [APART_MEDAL]),
    ("「劳动合同 纠纷」", [HOTLINE], [APART_CONTRACT]),
    # A phrase mixing digits and Chinese.
    ('"12351热线"', [HOTLINE], []),
    # A phrase with other words: both must hold.
    ('"劳动奖章" 海西州', [MEDAL], [NATIONAL_MEDAL, APART_MEDAL]),
    ('海西州 "劳动奖章"', [MEDAL], [NATIONAL_MEDAL, APART_MEDAL]),
    ('"五一劳动奖章" "技术骨干"', [NATIONAL_MEDAL], [MEDAL]),
    # An unclosed quote runs to the end of the query.
    ('技术骨干 "五一劳动奖章', [NATIONAL_MEDAL], [MEDAL, APART_MEDAL]),
]


def test_quoted_phrases_find_the_phrase_not_its_words_apart(client, phrase_corpus):
    failures = []
    for query, expected, absent in PHRASE_QUERIES:
        titles = result_titles(search(client, query))
        failures += [f"{query!r} should find {t!r}, got {titles}" for t in expected if t not in titles]
        failures += [f"{query!r} should not find {t!r}" for t in absent if t in titles]
    assert failures == []


def test_the_phrase_is_marked_whole(client, phrase_corpus):
    html = search(client, '"劳动合同纠纷"').content.decode()
    assert "<mark>劳动合同纠纷</mark>" in html
    assert "<mark>劳动合同</mark>" not in html
    html = search(client, "“五一 劳动奖章”").content.decode()
    assert "<mark>五一劳动奖章</mark>" in html


def test_a_phrase_found_nowhere_offers_the_search_without_quotes(client, phrase_corpus):
    response = search(client, '"奖章颁发"')
    assert result_titles(response) == []
    html = response.content.decode()
    assert "完整短语" in html
    assert 'href="/search/?q=%E5%A5%96%E7%AB%A0%E9%A2%81%E5%8F%91"' in html  # 奖章颁发, unquoted
    assert APART_MEDAL in result_titles(search(client, "奖章颁发"))


def test_partial_matches_keep_the_phrase_whole(client, phrase_corpus):
    # No page has the phrase and 潜水艇: the fallback offers the phrase, never its words apart.
    response = search(client, '"劳动合同纠纷" 潜水艇')
    titles = result_titles(response)
    assert HOTLINE in titles
    assert APART_CONTRACT not in titles
    assert "部分词语" in response.content.decode()


def test_editors_promotion_for_the_words_is_shown_for_the_quoted_phrase(client, phrase_corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(
        query=Query.get("五一劳动奖章"), page=phrase_corpus.about, description="劳模评选办法"
    )
    for query in ('"五一劳动奖章"', "“五一劳动奖章”"):
        html = search(client, query).content.decode()
        assert "推荐内容" in html and "劳模评选办法" in html, query


HOSTILE_PHRASES = [
    '"',
    '""',
    '"""',
    '"*"',
    '"工会*"',
    '"NEAR("',
    '"NEAR(工会 职工)"',
    '"工会" AND "',
    '"\\"',
    '"\'"',
    '"工会" OR NOT "职工"',
    '"{title}:工会"',
    '"<script>工会</script>"',
    '"' + "工会" * 500 + '"',
    '"' + "职工" * 300,
    "“”「」『』",
]


def test_hostile_quoted_input_gives_a_normal_page(client, phrase_corpus):
    for query in HOSTILE_PHRASES:
        response = search(client, query)
        assert b"site-main" in response.content, query
        assert b"<script>\xe5" not in response.content, query


def test_admin_page_search_understands_quoted_phrases(admin_client, phrase_corpus):
    def admin_titles(query):
        response = admin_client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        return {title for title in (MEDAL, NATIONAL_MEDAL, APART_MEDAL) if title in html}

    assert admin_titles('"五一劳动奖章"') == {MEDAL, NATIONAL_MEDAL}
    assert admin_titles("五一劳动奖章") == {MEDAL, NATIONAL_MEDAL, APART_MEDAL}
    for query in HOSTILE_PHRASES:
        assert admin_client.get("/admin/pages/search/", {"q": query}).status_code == 200, query
