"""The 朗读全文 button shows a self-hosted SVG icon, never an emoji (an empty box without an emoji font)."""

import re
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

# Emoji and pictographs (the speaker 🔊 among them), and the emoji variation selector.
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def _button(html):
    found = re.search(r"<button[^>]*data-read-aloud-button[^>]*>(.*?)</button>", html, re.S)
    assert found, "no read-aloud button on the article page"
    return found.group(1)


def test_read_aloud_button_has_an_inline_svg_and_no_emoji(client, article_factory):
    button = _button(client.get(article_factory("职工书屋开放").url).content.decode())
    assert "<svg" in button and 'aria-hidden="true"' in button
    assert "朗读全文" in button
    assert not EMOJI.search(button)
    # Inline: nothing is fetched from elsewhere for the icon.
    assert "http" not in button.replace("http://www.w3.org/2000/svg", "")


def test_stylesheet_adds_no_emoji_to_the_button():
    css = Path(settings.BASE_DIR, "static/css/site.css").read_text(encoding="utf-8")
    rules = [line for line in css.splitlines() if "read-aloud" in line]
    assert rules
    for rule in rules:
        assert not EMOJI.search(rule), rule
        assert not any(unicodedata.category(ch) == "So" for ch in rule), rule
