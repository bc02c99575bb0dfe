"""Result snippets with the matched words in <mark>."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.search import index

SNIPPET_LENGTH = 120
# Text looked at per result: enough for a snippet, bounded for long articles.
MAX_TEXT_LENGTH = 20_000


def flatten(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(flatten(item) for item in value.values())
    return str(value)


def searchable_text(page):
    """The page's indexed text other than its title, in search_fields order."""
    parts = []
    description = getattr(page, "search_description", "")
    if description:
        parts.append(description)
    for search_field in page.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            try:
                parts.append(flatten(search_field.get_value(page)))
            except (AttributeError, ValueError, TypeError):
                continue
        if sum(len(part) for part in parts) > MAX_TEXT_LENGTH:
            break
    text = strip_tags(" ".join(parts))
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT_LENGTH]


def words_pattern(words):
    words = [word for word in words if word]
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def highlight(text, words):
    """Escape `text` and wrap each occurrence of `words` in <mark>."""
    pattern = words_pattern(words)
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece above is escaped


def snippet(text, words, length=SNIPPET_LENGTH):
    """A window of `text` around the first matched word, highlighted."""
    pattern = words_pattern(words)
    match = pattern.search(text) if pattern else None
    if match is None:
        window = text[:length]
        prefix, suffix = "", "…" if len(text) > length else ""
    else:
        start = max(match.start() - length // 3, 0)
        window = text[start : start + length]
        prefix = "…" if start > 0 else ""
        suffix = "…" if start + length < len(text) else ""
    return mark_safe(f"{prefix}{highlight(window, words)}{suffix}")  # highlight() escapes
