"""What readers come to do, on a phone: find a model worker, search in Chinese, sign up, subscribe."""

import re

import pytest

from campaigns.models.signup import CampaignFormPage
from news.models import ArticlePage
from workers.models.pages import WorkerIndexPage

from .conftest import browser_db, no_horizontal_scroll

pytestmark = [pytest.mark.browser, browser_db]


def test_filter_model_workers_and_open_a_profile(phone):
    index = WorkerIndexPage.objects.live().first()
    phone.goto(index.url)
    count = phone.locator(".workers__count")
    everyone = int(re.search(r"\d+", count.inner_text()).group())
    assert everyone > 1

    # Open the first facet (a <details>) and pick its first value: the list narrows to that value.
    facet = phone.locator(".worker-filter").first
    facet.locator("summary").click()
    option = facet.locator(".worker-filter__options a").first
    expected = int(re.search(r"（(\d+)）", option.inner_text()).group(1))
    option.click()
    phone.wait_for_load_state()
    assert "?" in phone.url
    assert int(re.search(r"\d+", count.inner_text()).group()) == expected <= everyone
    assert phone.locator(".worker-chips a").count() >= 1  # the chosen condition, removable
    assert 1 <= phone.locator(".worker-card").count() <= expected
    assert no_horizontal_scroll(phone)

    name = phone.locator(".worker-card__name").first.inner_text()
    phone.locator(".worker-card__link").first.click()
    phone.wait_for_load_state()
    assert phone.locator("h1").inner_text().strip() == name.strip()


def test_search_in_chinese_from_the_header(phone):
    article = ArticlePage.objects.live().filter(title__contains="劳动奖章").first()
    assert article is not None, "the demo news has an article about 劳动奖章"
    phone.goto("/")
    box = phone.get_by_role("searchbox", name="站内搜索")
    box.fill("劳动奖章")
    box.press("Enter")
    phone.wait_for_url("**/search/?q=*")
    results = phone.locator(".search-results")
    assert results.get_by_role("link", name=article.title).count() >= 1
    assert phone.get_by_role("searchbox", name="搜索内容").input_value() == "劳动奖章"
    assert no_horizontal_scroll(phone)


def test_sign_up_for_a_campaign_after_correcting_a_mistake(phone):
    form_page = next(page for page in CampaignFormPage.objects.live().order_by("path") if page.is_open())
    phone.goto(form_page.url)
    form = phone.locator("form.signup-form")

    # Sent empty: the page says what is wrong, next to each field, and the fields are marked invalid.
    form.get_by_role("button", name="提交").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("alert").first.is_visible()
    name = form.get_by_label(re.compile("^姓名"))
    assert name.get_attribute("aria-invalid") == "true"
    described = name.get_attribute("aria-describedby") or ""
    error_ids = [part for part in described.split() if part.endswith("_error")]
    assert error_ids, described
    assert "必填" in phone.locator(f"#{error_ids[0]}").inner_text()

    # A wrong mobile number is refused with the reason; what was right stays filled in.
    name.fill("马建国")
    fill_required_fields(form)
    mobile = form.locator("input[type=tel]").first
    if mobile.count():
        mobile.fill("12345")
        form.get_by_role("button", name="提交").click()
        phone.wait_for_load_state()
        assert "手机号码" in phone.locator(".form-field--error").first.inner_text()
        assert form.get_by_label(re.compile("^姓名")).input_value() == "马建国"
        fill_required_fields(form)
        form.locator("input[type=tel]").first.fill("13912345678")

    form.get_by_role("button", name="提交").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("status").first.is_visible()
    assert phone.locator("form.signup-form").count() == 0


def fill_required_fields(form):
    """Answer every field of a sign-up form the way a careful reader would (skipping the honeypot)."""
    for control in form.locator(".form-field input, .form-field textarea, .form-field select").all():
        kind = control.get_attribute("type") or control.evaluate("e => e.tagName.toLowerCase()")
        if kind in ("hidden", "submit"):
            continue
        if kind == "checkbox":
            if control.get_attribute("name") == "privacy_consent" or not control.is_checked():
                control.check()
        elif kind == "radio":
            group = control.get_attribute("name")
            if not form.locator(f"input[name='{group}']:checked").count():
                control.check()
        elif kind == "select":
            values = control.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
            if values and not control.input_value():
                control.select_option(values[0])
        elif kind == "number":
            control.fill("1")
        elif kind == "email":
            control.fill("reader@example.com")
        elif kind == "tel":
            control.fill("13912345678")
        elif kind == "date":
            control.fill("2026-12-01")
        elif not control.input_value():
            control.fill("西宁市城东区职工服务中心")


def test_subscribe_page_from_the_header(phone):
    phone.goto("/")
    phone.get_by_role("link", name="订阅", exact=True).click()
    phone.wait_for_url("**/subscribe/")
    assert "订阅" in phone.locator("h1").inner_text()
    feed_link = phone.locator("a[type='application/rss+xml']").first
    response = phone.request.get(feed_link.get_attribute("href"))
    assert response.ok and b"<rss" in response.body()
    assert no_horizontal_scroll(phone)
