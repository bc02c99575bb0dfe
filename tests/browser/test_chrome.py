"""The site chrome and reader tools: skip link, keyboard, phone layout, 关怀模式, 大/中/小, 朗读."""

import pytest

from news.models import ArticlePage

from .conftest import browser_db, no_horizontal_scroll

pytestmark = [pytest.mark.browser, browser_db]

IS_CARE = "() => document.documentElement.classList.contains('care-mode')"
BODY_TEXT_SIZE = "() => parseFloat(getComputedStyle(document.querySelector('.article__body p')).fontSize)"

# Speech synthesis stand-in: headless Chromium has the API but no voices, so record what would be said.
FAKE_SPEECH = """
window.__spoken = [];
class FakeUtterance { constructor(text) { this.text = text; this.lang = ''; } }
window.SpeechSynthesisUtterance = FakeUtterance;
Object.defineProperty(window, 'speechSynthesis', {value: {
    speaking: false, pending: false, getVoices: () => [],
    speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); }, cancel() { window.__cancelled = true; },
}});
"""
NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"


def an_article():
    return ArticlePage.objects.live().public().order_by("-display_date").first().url


def test_keyboard_reader_on_a_phone(phone):
    phone.goto("/")
    assert phone.locator("h1").count() == 1
    assert no_horizontal_scroll(phone)
    # The first Tab reaches the skip link, which shows on screen and moves focus to <main>.
    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be on screen"
    phone.keyboard.press("Enter")
    assert phone.evaluate("() => document.activeElement.id") == "main"
    for selector in (
        "header[role=banner]",
        "nav[aria-label='主导航']",
        "main#main",
        "footer[role=contentinfo]",
    ):
        assert phone.locator(selector).count() == 1, selector

    # Keyboard focus is drawn clearly on the next control.
    phone.keyboard.press("Tab")
    outline = phone.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] != "0px", outline

    # 关怀模式 from the keyboard alone.
    phone.get_by_role("button", name="关怀模式").focus()
    phone.keyboard.press("Enter")
    assert phone.evaluate(IS_CARE)


def test_care_mode_persists_across_pages(phone):
    phone.goto("/")
    plain_size = phone.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    toggle = phone.get_by_role("button", name="关怀模式")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert phone.evaluate(IS_CARE)
    assert toggle.get_attribute("aria-pressed") == "true"
    assert phone.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") > plain_size

    phone.goto(an_article())
    assert phone.evaluate(IS_CARE)
    assert phone.get_by_role("button", name="关怀模式").get_attribute("aria-pressed") == "true"
    size, line = phone.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.article__body p'));"
        " return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }"
    )
    assert size >= 20 and line / size >= 1.3, (size, line)
    # Large click targets: every button in the header is at least 44 px high.
    heights = phone.locator("header button").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(heights) >= 44, heights
    assert no_horizontal_scroll(phone)

    phone.get_by_role("button", name="关怀模式").click()
    phone.goto("/")
    assert not phone.evaluate(IS_CARE)


def test_article_text_size_switch_persists(phone):
    article = an_article()
    phone.goto(article)
    medium = phone.evaluate(BODY_TEXT_SIZE)
    assert phone.get_by_role("button", name="中字号").get_attribute("aria-pressed") == "true"
    phone.get_by_role("button", name="大字号").click()
    large = phone.evaluate(BODY_TEXT_SIZE)
    assert large > medium
    assert phone.get_by_role("button", name="大字号").get_attribute("aria-pressed") == "true"
    assert phone.get_by_role("button", name="中字号").get_attribute("aria-pressed") == "false"
    assert no_horizontal_scroll(phone)

    phone.reload()
    assert phone.evaluate(BODY_TEXT_SIZE) == large
    phone.get_by_role("button", name="小字号").click()
    assert phone.evaluate(BODY_TEXT_SIZE) < medium
    line_height = phone.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.article__body p')).lineHeight)"
    )
    assert line_height / phone.evaluate(BODY_TEXT_SIZE) >= 1.5


def test_read_aloud_speaks_the_article_in_chinese(phone):
    phone.add_init_script(FAKE_SPEECH)
    phone.goto(an_article())
    button = phone.get_by_role("button", name="朗读全文")
    button.click()
    spoken = phone.evaluate("() => window.__spoken")
    assert spoken and all(piece["lang"] == "zh-CN" for piece in spoken)
    body_text = phone.locator("[data-read-aloud]").inner_text()
    assert spoken[0]["text"].strip()[:10] in body_text.replace("\n", " ")
    assert all(len(piece["text"]) <= 240 for piece in spoken)
    phone.get_by_role("button", name="停止朗读").click()
    assert phone.evaluate("() => window.__cancelled") is True
    assert button.inner_text() == "朗读全文"


def test_read_aloud_is_hidden_where_the_browser_cannot_speak(phone):
    phone.add_init_script(NO_SPEECH)
    phone.goto(an_article())
    assert phone.locator("[data-read-aloud-button]").is_hidden()


def test_display_choices_work_without_javascript(phone_without_js, demo_site):
    page = phone_without_js
    article = an_article()
    page.goto(article)
    assert page.locator("[data-read-aloud-button]").is_hidden()
    page.get_by_role("button", name="关怀模式").click()
    page.wait_for_url(f"**{article}")
    assert "care-mode" in page.locator("html").get_attribute("class")
    page.get_by_role("button", name="大字号").click()
    page.wait_for_url(f"**{article}")
    assert page.locator("html").get_attribute("data-text-size") == "large"
    assert page.get_by_role("button", name="大字号").get_attribute("aria-pressed") == "true"

    page.goto("/")
    assert "care-mode" in page.locator("html").get_attribute("class")
    assert page.get_by_role("button", name="关怀模式").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="关怀模式").click()
    page.wait_for_url(demo_site.url + "/")
    assert "care-mode" not in page.locator("html").get_attribute("class")
