"""The W3C Feed Validation Service's rules that our feeds could break, as assertions.

The validator itself is not installable here, so each rule it would apply to
our documents is checked on the parsed XML: required elements, RFC 822 /
RFC 3339 dates, absolute URLs everywhere (links, enclosures, logo, and inside
item HTML), well-formed author elements, guid/id forms, unique ids, matching
image title/link, well-formed enclosures, no content readers strip.
"""

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
EMAIL_AUTHOR = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]+( \(.+\))?$", re.I)
MIME = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z]{2,4})?$")
# The validator's pattern for tag: URIs (RFC 4151).
TAG_URI = re.compile(
    r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*$"
)
UNSAFE_ELEMENTS = {"script", "style", "iframe", "object", "embed", "applet", "form", "meta", "link", "frame"}


def is_absolute_http(url):
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_uri(value):
    if (value or "").startswith("tag:"):
        return bool(TAG_URI.match(value))
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value or "", re.I))


def check_item_html(html, where):
    assert html and html.strip(), f"{where}: empty HTML"
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert element.name not in UNSAFE_ELEMENTS, f"{where}: <{element.name}> in content"
        for name, value in element.attrs.items():
            assert not name.startswith("on") and name != "style", f"{where}: {name}= in content"
            if name in ("href", "src", "poster", "cite"):
                assert is_absolute_http(value) or value.startswith(("mailto:", "tel:")), (
                    f"{where}: relative URL {value!r}"
                )


def text(element, path, namespaces=None):
    found = element.find(path, namespaces)
    return found.text if found is not None else None


def assert_valid_rss(document):
    root = ET.fromstring(document)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        assert (text(channel, required) or "").strip(), f"channel lacks {required}"
    assert is_absolute_http(text(channel, "link"))
    assert LANGUAGE.match(text(channel, "language") or ""), "channel language"
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and is_absolute_http(self_links[0].get("href"))
    assert self_links[0].get("type") in (None, "application/rss+xml")
    for date_element in ("lastBuildDate", "pubDate"):
        value = text(channel, date_element)
        if value is not None:
            assert RFC822.match(value), f"channel {date_element} {value!r}"
            parsedate_to_datetime(value)
    image = channel.find("image")
    if image is not None:
        assert is_absolute_http(text(image, "url"))
        assert text(image, "url").lower().endswith((".png", ".jpg", ".jpeg", ".gif"))
        assert text(image, "title") == text(channel, "title")
        assert text(image, "link") == text(channel, "link")
    guids = set()
    for item in channel.findall("item"):
        title = text(item, "title")
        where = f"item {title!r}"
        assert title or text(item, "description"), "item needs a title or description"
        assert is_absolute_http(text(item, "link")), where
        guid = item.find("guid")
        assert guid is not None and guid.text, f"{where}: no guid"
        if guid.get("isPermaLink", "true") == "true":
            assert is_absolute_http(guid.text), f"{where}: permalink guid is not a URL"
        assert guid.text not in guids, f"{where}: duplicate guid"
        guids.add(guid.text)
        pub_date = text(item, "pubDate")
        assert pub_date and RFC822.match(pub_date), f"{where}: pubDate {pub_date!r}"
        for author in item.findall("author"):
            assert EMAIL_AUTHOR.match(author.text or ""), f"{where}: <author> must be an e-mail address"
        assert item.find(f"{DC}date") is None or pub_date is None, f"{where}: both pubDate and dc:date"
        enclosures = item.findall("enclosure")
        assert len(enclosures) <= 1
        for enclosure in enclosures:
            assert is_absolute_http(enclosure.get("url")), where
            assert (enclosure.get("length") or "").isdigit() and int(enclosure.get("length")) > 0, where
            assert MIME.match(enclosure.get("type") or ""), where
        for category in item.findall("category"):
            assert (category.text or "").strip(), f"{where}: empty category"
        check_item_html(text(item, f"{CONTENT}encoded"), where)
    return root


def assert_valid_atom(document):
    root = ET.fromstring(document)
    assert root.tag == f"{ATOM}feed"
    assert LANGUAGE.match(root.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    assert is_uri(text(root, f"{ATOM}id")), "feed id must be a URI"
    assert (text(root, f"{ATOM}title") or "").strip()
    assert RFC3339.match(text(root, f"{ATOM}updated") or "")
    links = root.findall(f"{ATOM}link")
    assert [link.get("rel") for link in links].count("self") == 1
    assert all(is_absolute_http(link.get("href")) for link in links)
    feed_author = root.find(f"{ATOM}author")
    if feed_author is not None:
        assert (text(feed_author, f"{ATOM}name") or "").strip()
    for name in ("logo", "icon"):
        value = text(root, f"{ATOM}{name}")
        if value is not None:
            assert is_absolute_http(value)
    ids = set()
    for entry in root.findall(f"{ATOM}entry"):
        title = text(entry, f"{ATOM}title")
        where = f"entry {title!r}"
        assert title, where
        entry_id = text(entry, f"{ATOM}id")
        assert is_uri(entry_id), f"{where}: id must be a URI"
        assert entry_id not in ids, f"{where}: duplicate id"
        ids.add(entry_id)
        for date_element in ("updated", "published"):
            value = text(entry, f"{ATOM}{date_element}")
            assert value and RFC3339.match(value), f"{where}: {date_element} {value!r}"
        authors = entry.findall(f"{ATOM}author")
        assert authors or feed_author is not None, f"{where}: no author"
        for author in authors:
            assert (text(author, f"{ATOM}name") or "").strip(), f"{where}: author without name"
            assert author.find(f"{ATOM}email") is None or "@" in text(author, f"{ATOM}email")
        entry_links = entry.findall(f"{ATOM}link")
        assert any(link.get("rel", "alternate") == "alternate" for link in entry_links), where
        for link in entry_links:
            assert is_absolute_http(link.get("href")), where
            if link.get("rel") == "enclosure":
                assert (link.get("length") or "").isdigit() and MIME.match(link.get("type") or ""), where
        for category in entry.findall(f"{ATOM}category"):
            assert (category.get("term") or "").strip(), where
        content = entry.find(f"{ATOM}content")
        assert content is not None and content.get("type") == "html", where
        check_item_html(content.text, where)
        summary = entry.find(f"{ATOM}summary")
        assert summary is None or summary.get("type") in (None, "text", "html"), where
    return root
