"""The house-style engine reads every text an editor writes and explains what to fix."""

import pytest
from wagtail.rich_text import RichText

from demo.images import get_or_create_image
from editorial import checker
from editorial.checker import Glossary, Term, TextField
from editorial.extract import page_text_fields, strip_html
from editorial.house_style import check_page

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


# Issue 20: the check must be right — no false must-fix, each finding once, common 错别字 caught.


@pytest.mark.parametrize(
    "sentence",
    [
        "青海省总工会深入开展“我为群众办实事”实践活动。",
        "各级工会坚持为职工办实事、解难题。",
        "西宁市总工会党组书记、主席带队走访慰问困难职工。",
        "省总工会会同省人社厅开展技能竞赛，青海省总工会会员服务卡同步发放。",
        "既使职工得到实惠，又使企业增强活力。",
        "参赛选手按排名先后依次登台领奖。",
        "全省工会扎实开展“下基层、接地气、办实事”活动。",
    ],
)
def test_correct_official_wording_gets_no_must_fix(editorial, sentence):
    from editorial.models.glossary import active_glossary

    findings = checker.check([TextField("body", "正文", sentence)], active_glossary())
    assert checker.blocking(findings) == []


def test_variants_are_one_a_line_not_split_at_enumeration_commas(editorial):
    from editorial.models import GlossaryEntry

    entry = GlossaryEntry(
        kind="official", term="下基层、接地气、办实事", variants="下基层，接地气，办实事\n下基层接地气办实事"
    )
    assert entry.variant_list() == ["下基层，接地气，办实事", "下基层接地气办实事"]


def test_the_same_finding_is_listed_once(editorial):
    glossary = Glossary(
        [
            Term("再接再励", "再接再厉", checker.RULE_PREFERRED),
            Term("再接再励", "再接再厉", checker.RULE_PREFERRED),
        ]
    )
    findings = checker.check([TextField("body", "正文", "希望大家再接再励。")], glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("再接再励", "改为“再接再厉”")]


@pytest.mark.parametrize(
    ("sentence", "wrong", "correct", "must_fix"),
    [
        ("工会干部要按部就搬地做好日常工作。", "按部就搬", "按部就班", True),
        ("评审组明查秋毫，认真核实每一份材料。", "明查秋毫", "明察秋毫", True),
        ("这位老劳模名符其实。", "名符其实", "名副其实", False),
        ("希望大家再接再励。", "再接再励", "再接再厉", True),
        ("职工们迫不急待地打开慰问品。", "迫不急待", "迫不及待", True),
        ("他竞竞业业工作三十余年。", "竞竞业业", "兢兢业业", True),
        ("工会工作要与时具进。", "与时具进", "与时俱进", True),
        ("职工业余生活丰富多采。", "丰富多采", "丰富多彩", False),
    ],
)
def test_common_misspelt_idioms_are_caught_with_the_fix(sentence, wrong, correct, must_fix):
    findings = checker.check([TextField("body", "正文", sentence)], Glossary([]))
    assert [(f.rule, f.text, f.replacement) for f in findings] == [(checker.RULE_SPELLING, wrong, correct)]
    assert (findings[0].severity == checker.ERROR) is must_fix


def test_correct_idioms_and_real_variant_words_are_not_flagged():
    text = "他兢兢业业、精益求精，按部就班又与时俱进；小题大作不可取，大家迫不及待，再接再厉。"
    assert checker.check([TextField("body", "正文", text)], Glossary([])) == []
