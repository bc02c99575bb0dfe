"""The admin loads nothing from outside the site: no gravatar, fonts, scripts or images from
other hosts (they are unreachable in China and leak who is working when)."""

from html.parser import HTMLParser

import pytest

# Attributes through which a browser fetches something on its own.
FETCHING = {
    ("img", "src"),
    ("img", "srcset"),
    ("source", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("link", "href"),
    ("video", "poster"),
}


class ExternalResources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in FETCHING and value and _is_external(value, tag, dict(attrs)):
                self.found.append(f"<{tag} {name}={value}>")


def _is_external(value, tag, attrs):
    if tag == "link" and attrs.get("rel") not in {
        "stylesheet",
        "icon",
        "preload",
        "modulepreload",
        "manifest",
    }:
        return False  # e.g. rel=help or canonical: a link, not a request
    return any(part.strip().startswith(("http://", "https://", "//")) for part in value.split(","))


def external_resources(html):
    parser = ExternalResources()
    parser.feed(html)
    return parser.found


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["writer", "first", "final", "site_admin"])
def test_admin_screens_load_nothing_from_other_hosts(client, staff, draft_article, role):
    article = draft_article()
    client.force_login(staff[role])
    screens = [
        "/admin/",
        "/admin/account/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
    ]
    for url in screens:
        response = client.get(url)
        assert response.status_code == 200, url
        assert external_resources(response.content.decode()) == [], url
