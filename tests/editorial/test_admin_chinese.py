"""Every admin screen an editor meets reads in Chinese: visible text, tooltips, placeholders and
the labels screen readers announce. Names (product and format names, host names) are allowed."""

import re
from html.parser import HTMLParser

import pytest

from editorial.roles import FINAL_REVIEW, FIRST_REVIEW, SECOND_REVIEW, WRITER

# Technical names an editor is expected to read as they are.
ALLOWED_WORDS = {
    "RSS", "Atom", "CSV", "XLSX", "PDF", "GIF", "JPG", "JPEG", "PNG", "WEBP", "AVIF", "SVG", "MB", "KB",
    "URL", "HTML", "SEO", "OPML", "APP", "JavaScript", "keywords", "ColumnKeywords", "testserver",
    "Asia/Shanghai", "Shanghai", "Asia",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z/_-]{2,}")
LABEL_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}
NOT_SHOWN = {"script", "style", "template", "svg"}


class ReadableText(HTMLParser):
    """Text a person sees or hears: not scripts, not elements marked hidden."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.stack = []
        self.texts = []

    def _skipping(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = tag in NOT_SHOWN or "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if not skip and not self._skipping():
            self.texts += [value for name, value in attrs.items() if name in LABEL_ATTRIBUTES and value]
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if data.strip() and not self._skipping():
            self.texts.append(data.strip())


def english_in(html, user):
    parser = ReadableText()
    parser.feed(html)
    allowed = ALLOWED_WORDS | {user.get_username()}
    found = set()
    for text in parser.texts:
        found |= {
            word
            for word in WORD.findall(text)
            if word not in allowed and not word.startswith(("http", "www"))
        }
    return found


@pytest.fixture
def screens(staff, draft_article):
    article = draft_article()
    section = article.get_parent()
    return [
        "/admin/",
        "/admin/account/",
        "/admin/pages/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        f"/admin/pages/{article.pk}/history/",
        "/admin/pages/search/?q=职工",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/reports/site-history/",
        "/admin/editorial/guide/",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["writer", "first", "second", "final", "site_admin"])
def test_admin_screens_have_no_english(client, staff, screens, role):
    user = staff[role]
    client.force_login(user)
    problems = {}
    for url in screens:
        response = client.get(url)
        if response.status_code in (302, 403):
            continue  # not this role's screen
        assert response.status_code == 200, url
        english = english_in(response.content.decode(), user)
        if english:
            problems[url] = sorted(english)
    assert problems == {}, problems


@pytest.mark.django_db
def test_login_page_has_no_english(client, django_user_model):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert english_in(response.content.decode(), django_user_model(username="nobody")) == set()
    assert "密码" in response.content.decode()


@pytest.mark.django_db
def test_help_menu_leads_to_the_chinese_guide_shipped_with_the_site(client, staff):
    client.force_login(staff["writer"])
    response = client.get("/admin/editorial/guide/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "三审" in html and "编辑指南" in html
    assert "guide.wagtail.org" not in client.get("/admin/").content.decode()


def test_roles_used_here_exist():
    assert {WRITER, FIRST_REVIEW, SECOND_REVIEW, FINAL_REVIEW}
