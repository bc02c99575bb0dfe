"""The site's own names are search units; the admin's page search understands Chinese."""

import pytest

from search.dictionary import gather_site_words
from search.segmentation import query_terms, segment_for_index
from tests.factories import ArticleFactory, WorkerFactory
from workers.models import WorkerIndexPage

pytestmark = pytest.mark.django_db


def test_saved_worker_name_becomes_one_word(corpus):
    index = WorkerIndexPage.objects.get()
    WorkerFactory(
        parent=index, title="才让卓玛", honours=[("qinghai-gongjiang", 2024)], employer="青海某牧业合作社"
    )
    assert "才让卓玛" in segment_for_index("劳模才让卓玛扎根草原二十年").split()
    assert [term.word for term in query_terms("才让卓玛")] == ["才让卓玛"]


def test_glossary_sections_campaigns_and_honours_feed_the_dictionary(corpus):
    from editorial.models import GlossaryEntry

    GlossaryEntry.objects.create(
        kind=GlossaryEntry.KIND_OFFICIAL_NAME, term="青海省总工会", variants="青海总工会"
    )
    GlossaryEntry.objects.create(kind=GlossaryEntry.KIND_BANNED, term="", variants="某禁用说法")
    words = gather_site_words()
    assert {"青海省总工会", "基层动态", "农民工入会集中行动", "马文花", "全国五一劳动奖章"} <= words


def test_page_indexed_before_a_name_was_learned_is_still_found(client, corpus):
    # The article is indexed while 格桑德吉 is unknown to the dictionary …
    ArticleFactory(parent=corpus.news_section, title="高原电网巡线记", summary="格桑德吉和同事们踏雪巡线。")
    index = WorkerIndexPage.objects.get()
    # … then her profile teaches the segmenter the name. No update_index in between.
    WorkerFactory(
        parent=index, title="格桑德吉", honours=[("qinghai-laomo", 2023)], employer="青海某供电公司"
    )
    html = client.get("/search/", {"q": "格桑德吉"}).content.decode()
    assert "高原电网巡线记" in html
    assert 'href="/laomo/' in html


def test_admin_page_search_finds_chinese(admin_client, corpus):
    response = admin_client.get("/admin/pages/search/", {"q": "建功立业"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "百万职工高原建功立业工程年度总结" in html
    assert "省总工会召开全委会议" not in html
    response = admin_client.get("/admin/pages/search/", {"q": "工会"})
    assert "省总工会召开全委会议" in response.content.decode()


def test_admin_page_search_survives_syntax_characters(admin_client, corpus):
    for query in ['"', "NEAR(", "*", "'", "\\", "AND"]:
        assert admin_client.get("/admin/pages/search/", {"q": query}).status_code == 200


def test_export_search_dictionary_lists_union_terms_and_site_names(corpus):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("export_search_dictionary", stdout=out)
    words = out.getvalue().split("\n")
    assert {"全国五一劳动奖章", "劳模创新工作室", "马文花", "农民工入会集中行动"} <= set(words)
