"""The site chrome every reader meets: skip link, keyboard, phone layout, 关怀模式."""

import pytest

from .conftest import axe_violations, browser_db, no_horizontal_scroll, use_care_mode

pytestmark = [pytest.mark.browser, browser_db]


def test_home_page_fits_a_phone_and_is_usable_by_keyboard(phone):
    phone.goto("/")
    assert phone.locator("h1").count() == 1
    assert no_horizontal_scroll(phone)
    # The first Tab reaches the skip link, which is visible when focused and moves focus to <main>.
    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be on screen"
    phone.keyboard.press("Enter")
    assert phone.evaluate("() => document.activeElement.id") == "main"
    # Landmarks a screen-reader user jumps between.
    for selector in (
        "header[role=banner]",
        "nav[aria-label='主导航']",
        "main#main",
        "footer[role=contentinfo]",
    ):
        assert phone.locator(selector).count() == 1, selector


def test_focus_is_visible_on_links_and_buttons(desktop):
    desktop.goto("/")
    desktop.keyboard.press("Tab")  # skip link
    desktop.keyboard.press("Tab")  # first link/button in the header
    outline = desktop.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none" and outline[1] not in ("0px", ""), outline


def test_care_mode_persists_across_pages_with_javascript(phone):
    phone.goto("/")
    body_size = phone.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    toggle = phone.get_by_role("button", name="关怀模式")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert phone.evaluate("() => document.documentElement.classList.contains('care-mode')")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert phone.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") > body_size

    phone.goto("/about/")
    assert phone.evaluate("() => document.documentElement.classList.contains('care-mode')")
    assert phone.get_by_role("button", name="关怀模式").get_attribute("aria-pressed") == "true"
    style = phone.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.article__body p') || document.body);"
        " return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }"
    )
    assert style[0] >= 20 and style[1] / style[0] >= 1.3, style
    assert no_horizontal_scroll(phone)

    phone.get_by_role("button", name="关怀模式").click()
    phone.goto("/")
    assert not phone.evaluate("() => document.documentElement.classList.contains('care-mode')")


def test_care_mode_works_without_javascript(chromium, demo_site):
    context = chromium.new_context(
        base_url=demo_site.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    try:
        page.goto("/about/")
        page.get_by_role("button", name="关怀模式").click()
        page.wait_for_url("**/about/")
        assert "care-mode" in page.locator("html").get_attribute("class")
        page.goto("/")
        assert "care-mode" in page.locator("html").get_attribute("class")
        assert page.get_by_role("button", name="关怀模式").get_attribute("aria-pressed") == "true"
        page.get_by_role("button", name="关怀模式").click()
        page.wait_for_url(demo_site.url + "/")
        assert "care-mode" not in (page.locator("html").get_attribute("class") or "")
    finally:
        context.close()


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care-mode"])
def test_plain_pages_have_no_axe_violations(phone, demo_site, axe_source, care):
    if care:
        use_care_mode(phone, demo_site)
    for path in ("/", "/about/"):
        phone.goto(path)
        assert phone.evaluate("() => document.documentElement.classList.contains('care-mode')") is care
        assert axe_violations(phone, axe_source) == [], path
