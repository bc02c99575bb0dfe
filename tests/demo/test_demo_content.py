"""The demo site as `make run` builds it: every page and snippet opens in the admin for each
editorial role, its rich text is in Wagtail's canonical form, and loading it again changes nothing."""

import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.blocks import ListBlock, RichTextBlock, StreamBlock, StructBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from editorial.roles import FINAL_REVIEW, FIRST_REVIEW, SECOND_REVIEW, SITE_ADMIN, WRITER, snippet_models
from home.models import SiteSettings

# Demo logins (demo/data/*.yaml) and the editorial group each belongs to; `admin` is the superuser.
ROLE_LOGINS = {
    "zhuangao": WRITER,
    "chushen": FIRST_REVIEW,
    "fushen": SECOND_REVIEW,
    "zhongshen": FINAL_REVIEW,
    "zhandian": SITE_ADMIN,
}
SIGNUPS_ONLY = "baoming"  # 报名信息管理员: admin access and sign-ups, nothing else
REFUSED = {302, 403}


def load_demo():
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("setup_editorial", stdout=io.StringIO())


@pytest.fixture
def demo_site(db):
    load_demo()
    # The test client asks for `testserver`; the demo site answers at the `make run` address.
    Site.objects.filter(is_default_site=True).update(hostname="testserver", port=80)


def demo_pages():
    return list(Page.objects.filter(depth__gt=1).order_by("path"))


def demo_snippets():
    """Every snippet the demo made (the 劳模 vocabularies), and one glossary entry of each kind: the
    starter glossary ships with the site (`setup_editorial`), and its entries share one form."""
    snippets = []
    for model in snippet_models():
        objects = model.objects.order_by("pk")
        if model._meta.label == "editorial.GlossaryEntry":
            objects = [
                objects.filter(kind=kind).first()
                for kind in objects.values_list("kind", flat=True).distinct()
            ]
        snippets += [obj for obj in objects if obj is not None]
    return snippets


def snippet_edit_url(obj):
    return reverse(type(obj).snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def open_each(client, user, urls):
    """{url: status} for each admin URL opened as `user`."""
    client.force_login(user)
    return {url: client.get(url).status_code for url in urls}


PUBLIC_VOCABULARIES = set(settings.EDITORIAL_PUBLIC_VOCABULARIES)


def test_every_demo_page_and_snippet_opens_in_the_admin_for_every_role(client, demo_site):
    users = {user.username: user for user in get_user_model().objects.all()}
    page_urls = [reverse("wagtailadmin_pages:edit", args=[page.pk]) for page in demo_pages()]
    snippets = demo_snippets()
    snippet_urls = [snippet_edit_url(obj) for obj in snippets]
    vocabulary_urls = {snippet_edit_url(obj) for obj in snippets if obj._meta.label in PUBLIC_VOCABULARIES}
    settings_url = reverse("wagtailsettings:edit", args=["home", "sitesettings", Site.objects.get().pk])
    assert len(page_urls) > 70 and {type(obj).__name__ for obj in snippets} >= {
        "Region",
        "Industry",
        "HonourTitle",
        "GlossaryEntry",
    }
    assert SiteSettings.for_site(Site.objects.get()).organiser  # the demo filled the settings in
    for username, group in ROLE_LOGINS.items():
        assert users[username].groups.filter(name=group).exists()

    expected = {}  # username -> {url: allowed statuses}
    for username in ["admin", *ROLE_LOGINS]:
        # Every editorial group may change pages anywhere in the tree (and the superuser may do anything).
        expected[username] = dict.fromkeys(page_urls, {200})
        # 撰稿人 only view the glossary; the reviewers and administrators change it. The vocabularies
        # shown on public pages are changed by 站点管理员 (and the superuser) only.
        expected[username].update(dict.fromkeys(snippet_urls, REFUSED if username == "zhuangao" else {200}))
        expected[username].update(
            dict.fromkeys(vocabulary_urls, {200} if username in ("admin", "zhandian") else REFUSED)
        )
        expected[username][settings_url] = {200} if username in ("admin", "zhandian") else REFUSED
    expected[SIGNUPS_ONLY] = dict.fromkeys([*page_urls, *snippet_urls, settings_url], REFUSED)

    unexpected = []
    for username, allowed_by_url in expected.items():
        statuses = open_each(client, users[username], allowed_by_url)
        unexpected += [
            (username, url, status)
            for url, status in statuses.items()
            if status not in allowed_by_url[url] or status >= 500
        ]
    assert unexpected == []


def rich_texts(page):
    """(where, html, editor features) for every rich text of a page: fields and StreamField blocks."""
    found = []

    def walk(where, block, value):
        if isinstance(block, RichTextBlock):
            found.append((where, value.source, block.features))
        elif isinstance(block, StructBlock):
            for name, child in block.child_blocks.items():
                walk(f"{where}.{name}", child, value[name])
        elif isinstance(block, ListBlock):
            for item in value:
                walk(f"{where}[]", block.child_block, item)
        elif isinstance(block, StreamBlock):
            for child in value:
                walk(f"{where}.{child.block_type}", child.block, child.value)

    for field in page._meta.get_fields():
        if isinstance(field, RichTextField) and getattr(page, field.name):
            found.append((field.name, getattr(page, field.name), field.features))
        elif isinstance(field, StreamField):
            walk(field.name, field.stream_block, getattr(page, field.name))
    return found


def canonical(html, features):
    """`html` as the admin's rich-text editor saves it back, without its random block keys."""
    converter = get_rich_text_editor_widget(features=features).converter
    saved = converter.to_database_format(converter.from_database_format(html))
    return re.sub(r' data-block-key="[^"]*"', "", saved)


def test_demo_rich_text_is_in_wagtails_canonical_form(demo_site):
    checked, different = 0, []
    for page in demo_pages():
        for where, html, features in rich_texts(page.specific):
            checked += 1
            if canonical(html, features) != html:
                different.append((page.url_path, where, html))
    assert checked > 100
    assert different == []
    # The contact page's address lines are <br/> line breaks: a bare <br> made its editor answer 500.
    contact = Page.objects.get(slug="contact").specific
    assert contact.body[0].value.source.count("<br/>") == 3


def site_snapshot():
    """Row counts of every model and each page's place, title, state and latest revision."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    pages = list(
        Page.objects.order_by("path").values_list(
            "url_path", "title", "live", "latest_revision_id", "numchild"
        )
    )
    return counts, pages


def test_loading_the_demo_twice_changes_nothing(demo_site):
    before = site_snapshot()
    load_demo()
    assert site_snapshot() == before


# Per-response values that differ between any two requests, cache or no cache.
PER_REQUEST = re.compile(r'(csrfmiddlewaretoken" value="|nonce="|name="csrf-token" content=")[^"]*')


def test_every_demo_page_renders_the_same_text_with_the_site_cache_switched_off(client, demo_site, settings):
    """SITE_CACHE=0 switches routing, settings, fragments and listing caches off; readers must not
    be able to tell: every live demo page answers the same status and the same HTML."""
    pages = [page for page in demo_pages() if page.live]
    assert len(pages) > 30

    def render_all():
        rendered = {}
        with CaptureQueriesContext(connection) as queries:
            for page in pages:
                response = client.get(page.url)
                rendered[page.url] = (response.status_code, PER_REQUEST.sub(r"\1", response.content.decode()))
        return rendered, len(queries)

    settings.SITE_CACHE_ENABLED = True
    render_all()  # fills the site cache
    cached, cached_queries = render_all()
    settings.SITE_CACHE_ENABLED = False
    uncached, uncached_queries = render_all()
    assert uncached_queries > cached_queries + len(pages)  # the switch really switched the cache off
    assert {url for url, (status, _html) in cached.items() if status != 200} == set()
    for url in cached:
        assert uncached[url] == cached[url], url
