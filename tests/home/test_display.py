"""Readers' display choices without JavaScript: /display/ keeps 关怀模式 and text size in cookies."""

import re

import pytest


@pytest.mark.django_db
def test_care_mode_form_sets_a_cookie_and_returns_to_the_page(client, site_root):
    response = client.get("/display/", {"care": "1", "next": "/about/?page=2"})
    assert response.status_code == 303
    assert response["Location"] == "/about/?page=2"
    assert response.cookies["care_mode"].value == "1"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]

    page = client.get("/")
    html = page.content.decode()
    assert 'class="no-js care-mode"' in html
    assert re.search(r'name="care"\s+value="0"\s+data-care-toggle\s+aria-pressed="true"', html)


@pytest.mark.django_db
def test_text_size_cookie_is_applied_on_the_next_page(client, site_root):
    client.get("/display/", {"size": "large", "next": "/"})
    assert 'data-text-size="large"' in client.get("/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{}, {"care": "yes"}, {"size": "huge"}, {"care": "1", "size": "x"}], ids=str
)
def test_bad_choices_get_a_chinese_400(client, params):
    response = client.get("/display/", params)
    assert response.status_code == 400
    assert "显示设置有误" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_never_redirects_to_another_site(client, target):
    response = client.get("/display/", {"care": "1", "next": target})
    assert response.status_code == 303
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_unknown_cookie_values_are_ignored(client, site_root):
    client.cookies["text_size"] = "gigantic"
    client.cookies["care_mode"] = "maybe"
    html = client.get("/").content.decode()
    assert 'data-text-size="medium"' in html
    assert "care-mode" not in html.split("<head>")[0]
