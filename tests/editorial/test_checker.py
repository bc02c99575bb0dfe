"""The house-style engine reads every text an editor writes and explains what to fix."""

import pytest
from wagtail.rich_text import RichText

from editorial import checker
from editorial.checker import Glossary, Term, TextField
from editorial.extract import page_text_fields, strip_html
from editorial.house_style import check_page
from home.images import get_or_create_image

pytestmark = pytest.mark.django_db


def _glossary():
    return Glossary(
        [
            Term("全国总工会", "中华全国总工会", checker.RULE_OFFICIAL_NAME, "全称"),
            Term("一函二书", "一函两书", checker.RULE_OFFICIAL_NAME),
            Term("屌丝", "", checker.RULE_BANNED),
            Term("打工仔", "务工人员", checker.RULE_CAUTION, severity=checker.WARNING),
        ]
    )


def test_wrong_variant_is_reported_with_context_and_fix():
    findings = checker.check(
        [TextField("body", "正文", "会上，工会干部讲解了一函二书制度的具体要求。")], _glossary()
    )
    assert len(findings) == 1
    finding = findings[0]
    assert finding.field_label == "正文"
    assert finding.context == "会上，工会干部讲解了【一函二书】制度的具体要求。"
    assert finding.suggestion == "改为“一函两书”"
    assert finding.severity == checker.ERROR


def test_a_wrong_variant_inside_the_correct_form_is_not_an_error():
    assert checker.check([TextField("t", "标题", "中华全国总工会召开会议")], _glossary()) == []
    findings = checker.check([TextField("t", "标题", "全国总工会召开会议")], _glossary())
    assert [f.suggestion for f in findings] == ["改为“中华全国总工会”"]


def test_banned_blocks_and_cautioned_only_warns():
    findings = checker.check([TextField("body", "正文", "屌丝逆袭成为打工仔中的榜样")], _glossary())
    rules = {f.rule: f.severity for f in findings}
    assert rules == {checker.RULE_BANNED: checker.ERROR, checker.RULE_CAUTION: checker.WARNING}
    assert len(checker.blocking(findings)) == 1


def test_house_rules_title_length_alt_text_and_punctuation():
    fields = [
        TextField("title", "标题", "长" * 41, kind="title"),
        TextField("img", "图片替代文字", "", kind="alt"),
        TextField("body", "正文", "职工们说,这次培训很实用!"),
    ]
    findings = checker.check(fields, Glossary([]))
    rules = [f.rule for f in findings]
    assert rules.count(checker.RULE_TITLE_LENGTH) == 1
    assert rules.count(checker.RULE_ALT_TEXT) == 1
    punctuation = [f for f in findings if f.rule == checker.RULE_PUNCTUATION]
    assert [f.text for f in punctuation] == [",", "!"]
    assert "全角“，”" in punctuation[0].suggestion
    # English and numbers keep their half-width punctuation.
    assert checker.check([TextField("b", "正文", "Version 2.0, see p. 3")], Glossary([])) == []


def test_page_extraction_walks_streamfield_captions_and_alt_text(editorial, staff, draft_article):
    image = get_or_create_image("测试图片")
    article = draft_article(
        subtitle="副题文字",
        lead_image=image,
        lead_image_alt="",
        lead_image_caption="主图图注",
    )
    article.body = [
        ("paragraph", RichText("<p>第一段<b>加粗</b>&amp;正文</p>")),
        ("image", {"image": {"image": image, "alt_text": "", "decorative": False}, "caption": "图注文字"}),
        ("quote", {"text": "引文内容", "attribution": "出处"}),
    ]
    article.save()
    texts = {f.name: f for f in page_text_fields(article)}
    assert texts["title"].kind == "title"
    assert texts["subtitle"].text == "副题文字"
    assert texts["lead_image_caption"].text == "主图图注"
    assert texts["body.1"].text == "第一段加粗&正文"
    assert texts["body.2.caption"].text == "图注文字"
    assert texts["body.3.text"].text == "引文内容"
    alt_fields = [f for f in texts.values() if f.kind == "alt"]
    assert {f.name for f in alt_fields} == {"lead_image_alt", "body.2.image.alt"}

    findings = check_page(article)
    assert {f.field for f in findings if f.rule == checker.RULE_ALT_TEXT} == {
        "lead_image_alt",
        "body.2.image.alt",
    }


def test_missing_source_warns_for_own_articles_and_blocks_reprints(editorial, draft_article):
    own = draft_article(title="本站原创稿件", source_name="")
    assert [f.severity for f in check_page(own) if f.rule == checker.RULE_SOURCE] == [checker.WARNING]
    own.original_title = "原标题"
    assert [f.severity for f in check_page(own) if f.rule == checker.RULE_SOURCE] == [checker.ERROR]


def test_starter_glossary_catches_campaign_and_body_names(editorial):
    fields = [TextField("body", "正文", "全省开展百万职工建功立业工程，并设立劳模工作创新室。")]
    from editorial.models.glossary import active_glossary

    suggestions = [f.suggestion for f in checker.check(fields, active_glossary())]
    assert "改为“百万职工高原建功立业工程”" in suggestions
    assert "改为“劳模创新工作室”" in suggestions
    ok = [TextField("body", "正文", "全省开展百万职工高原建功立业工程和农民工入会集中行动。")]
    assert checker.check(ok, active_glossary()) == []


def test_glossary_edits_take_effect_at_once(editorial):
    from editorial.models import GlossaryEntry
    from editorial.models.glossary import active_glossary

    fields = [TextField("body", "正文", "本次活动由示范单位承办。")]
    assert checker.check(fields, active_glossary()) == []
    entry = GlossaryEntry.objects.create(kind="preferred", term="示范单位（演示）", variants="示范单位")
    assert [f.suggestion for f in checker.check(fields, active_glossary())] == ["改为“示范单位（演示）”"]
    entry.delete()
    assert checker.check(fields, active_glossary()) == []


def test_strip_html_keeps_paragraphs_apart():
    assert strip_html("<p>甲</p><p>乙&nbsp;丙</p>") == "甲\n\n乙\xa0丙"
