"""The link and attachment checker.

`extract_*` list every link, image and document a published page or snippet holds (StreamField
blocks, rich text, URL fields, page/document/image choosers). Internal targets are resolved
against the page tree and the media store without any HTTP request; external links are fetched
by `ExternalChecker` — a bounded thread pool over one cookie-less `requests` session, at most
`INSPECTION_HOST_RATE` requests a second to any one host, with timeouts, retries and a redirect
limit. Nothing here follows a link into the admin.
"""

import hashlib
import html
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import unquote, urljoin, urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import models
from django.urls import Resolver404, resolve
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page, Site

RICH_LINK = re.compile(r"<(a|embed)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"([\w-]+)=\"([^\"]*)\"")
ADMIN_PREFIXES = ("/admin", "/django-admin")


@dataclass(frozen=True)
class Link:
    target: str  # page:12, document:3, image:4, or a URL as written
    field: str


def target_hash(target):
    return hashlib.sha256(target.encode()).hexdigest()


# --- extraction -------------------------------------------------------------------------------


def _rich_text_links(source, field):
    for tag, attributes in RICH_LINK.findall(source or ""):
        attrs = dict(ATTRIBUTE.findall(attributes))
        linktype = attrs.get("linktype") or attrs.get("embedtype")
        if linktype in ("page", "document", "image") and attrs.get("id"):
            yield Link(f"{linktype}:{attrs['id']}", field)
        elif tag.lower() == "a" and "href" in attrs:
            yield Link(html.unescape(attrs["href"]).strip(), field)


def _block_links(block, raw, field):
    if raw is None or raw == "":
        return
    if isinstance(block, blocks.RichTextBlock):
        yield from _rich_text_links(raw, field)
    elif isinstance(block, blocks.PageChooserBlock):
        yield Link(f"page:{raw}", field)
    elif isinstance(block, DocumentChooserBlock):
        yield Link(f"document:{raw}", field)
    elif isinstance(block, ImageBlock):
        if isinstance(raw, dict) and raw.get("image"):
            yield Link(f"image:{raw['image']}", field)
    elif isinstance(block, ImageChooserBlock):
        yield Link(f"image:{raw}", field)
    elif isinstance(block, blocks.URLBlock):
        yield Link(str(raw).strip(), field)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            yield from _block_links(child, raw.get(name), field)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            value = (
                item.get("value") if isinstance(item, dict) and "type" in item and "value" in item else item
            )
            yield from _block_links(block.child_block, value, field)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from _block_links(child, item.get("value"), field)


def _instance_links(instance, prefix="", skip=None):
    for model_field in instance._meta.concrete_fields:
        if model_field.name == skip or model_field.primary_key or model_field.model is Page:
            # Wagtail's own page fields (owner, alias_of, revisions) and the parent link are no content.
            continue
        label = prefix + str(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            value = getattr(instance, model_field.name)
            yield from _block_links(model_field.stream_block, list(value.raw_data), label)
        elif isinstance(model_field, RichTextField):
            yield from _rich_text_links(getattr(instance, model_field.name), label)
        elif isinstance(model_field, models.URLField):
            value = (getattr(instance, model_field.name) or "").strip()
            if value:
                yield Link(value, label)
        elif isinstance(model_field, models.ForeignKey):
            related = model_field.related_model
            target_id = getattr(instance, model_field.attname)
            if target_id is None or related is None:
                continue
            if issubclass(related, Page):
                yield Link(f"page:{target_id}", label)
            elif related is get_document_model():
                yield Link(f"document:{target_id}", label)
            elif related is get_image_model():
                yield Link(f"image:{target_id}", label)


def parental_relations(model):
    """The inline children (Orderables) of a page type whose fields can hold links."""
    found = []
    for relation in model._meta.related_objects:
        if getattr(relation.field, "is_parental", False) and not relation.one_to_one:
            child_model = relation.related_model
            if child_model._meta.app_label == "taggit" or "tag" in child_model._meta.model_name:
                continue
            found.append(relation)
    return found


def page_links(page):
    """Every link of a specific page, its inline children (related links) included."""
    links = list(_instance_links(page))
    for relation in parental_relations(type(page)):
        label = f"{relation.related_model._meta.verbose_name}·"
        for child in getattr(page, relation.get_accessor_name()).all():
            links.extend(_instance_links(child, prefix=label, skip=relation.field.name))
    return links


def snippet_links(instance):
    return list(_instance_links(instance))


# --- internal targets -----------------------------------------------------------------------


def _site_hosts():
    hosts = {site.hostname.lower() for site in Site.objects.all()}
    base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if base.hostname:
        hosts.add(base.hostname.lower())
    return hosts


class InternalResolver:
    """Checks page/document/image ids and site paths in bulk, with no HTTP."""

    def __init__(self):
        self.hosts = _site_hosts()
        self._sites = list(Site.objects.select_related("root_page"))
        self._validate = URLValidator(schemes=["http", "https"])

    def classify(self, target):
        """('internal', key) | ('external', url) | ('malformed', message) | ('skipped', message)."""
        if re.fullmatch(r"(page|document|image):\d+", target):
            return "internal", target
        if not target:
            return "malformed", "链接为空"
        if target.startswith(("mailto:", "tel:")):
            return "skipped", "邮件或电话链接"
        if target.startswith("#"):
            return "skipped", "页内锚点"
        parts = urlsplit(target) if "\n" not in target else None
        if parts is None:
            return "malformed", "链接中含有换行"
        if not parts.scheme and not parts.netloc:
            if not target.startswith("/"):
                return "malformed", "相对链接：请使用完整地址或站内链接"
            return self._internal_path(parts.path)
        if parts.scheme not in ("http", "https"):
            return "malformed", f"不支持的链接类型“{parts.scheme}”"
        try:
            hostname = (parts.hostname or "").lower()
        except ValueError:
            return "malformed", "链接格式不正确"
        if hostname in self.hosts and " " not in target:
            return self._internal_path(parts.path or "/")
        try:
            self._validate(target)
        except ValidationError:
            return "malformed", "链接格式不正确"
        return "external", target

    def _internal_path(self, path):
        if path.startswith(ADMIN_PREFIXES):
            return "skipped", "后台链接不检查"
        return "internal", "path:" + (path or "/")

    def check(self, keys):
        """{key: (ok, message)} for internal keys (page:, document:, image:, path:)."""
        grouped = {}
        for key in keys:
            kind, _, value = key.partition(":")
            grouped.setdefault(kind, set()).add(value)
        results = {}
        ids = {int(v) for v in grouped.get("page", ())}
        live = set(Page.objects.filter(pk__in=ids, live=True).values_list("pk", flat=True))
        existing = set(Page.objects.filter(pk__in=ids).values_list("pk", flat=True))
        for pk in ids:
            if pk in live:
                results[f"page:{pk}"] = (True, "")
            else:
                results[f"page:{pk}"] = (False, "链接的页面未发布" if pk in existing else "链接的页面已删除")
        for kind, model in (("document", get_document_model()), ("image", get_image_model())):
            ids = {int(v) for v in grouped.get(kind, ())}
            files = dict(model.objects.filter(pk__in=ids).values_list("pk", "file"))
            label = "附件" if kind == "document" else "图片"
            for pk in ids:
                name = files.get(pk)
                if name is None:
                    results[f"{kind}:{pk}"] = (False, f"{label}已删除")
                elif not model._meta.get_field("file").storage.exists(name):
                    results[f"{kind}:{pk}"] = (False, f"{label}文件缺失，无法下载")
                else:
                    results[f"{kind}:{pk}"] = (True, "")
        for path in grouped.get("path", ()):
            results[f"path:{path}"] = self._check_path(path)
        return results

    def _check_path(self, path):
        path = unquote(path)
        media_url = settings.MEDIA_URL
        if path.startswith(media_url):
            name = path[len(media_url) :]
            return (True, "") if default_storage.exists(name) else (False, "媒体文件不存在")
        try:
            match = resolve(path)
        except Resolver404:
            return False, "站内地址不存在"
        if match.url_name == "wagtaildocs_serve":
            exists = get_document_model().objects.filter(pk=match.kwargs.get("document_id")).exists()
            return (True, "") if exists else (False, "附件已删除")
        if match.url_name != "wagtail_serve":
            return True, ""
        for site in self._sites:
            root = site.root_page
            url_path = root.url_path + path.lstrip("/")
            if not url_path.endswith("/"):
                url_path += "/"
            page = Page.objects.filter(url_path=url_path).only("live").first()
            if page is not None:
                return (True, "") if page.live else (False, "链接的页面未发布")
            # A routable page's sub-route (archives, tags, feeds): its nearest page must exist.
            parent_path = url_path.rstrip("/").rsplit("/", 1)[0] + "/"
            while len(parent_path) >= len(root.url_path):
                parent = Page.objects.filter(url_path=parent_path).only("live").first()
                if parent is not None:
                    routable = hasattr(parent.specific_class, "resolve_subpage")
                    if routable and parent.live:
                        try:
                            parent.specific.resolve_subpage(url_path[len(parent_path) - 1 :])
                            return True, ""
                        except Exception:
                            break
                    break
                parent_path = parent_path.rstrip("/").rsplit("/", 1)[0] + "/"
        return False, "站内地址不存在"


# --- external links -------------------------------------------------------------------------


class HostLimiter:
    """At most `rate` requests a second per host, across all threads."""

    def __init__(self, rate):
        self.interval = 1.0 / rate if rate > 0 else 0
        self._lock = threading.Lock()
        self._next = {}

    def wait(self, host):
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        delay = slot - time.monotonic()
        if delay > 0:
            time.sleep(delay)


def _session():
    session = requests.Session()
    # Never cookies: none are stored, so none are sent.
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    session.max_redirects = settings.INSPECTION_LINK_MAX_REDIRECTS
    session.headers["User-Agent"] = settings.INSPECTION_USER_AGENT
    adapter = requests.adapters.HTTPAdapter(pool_connections=64, pool_maxsize=64, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class ExternalChecker:
    def __init__(self, workers=None, rate=None, timeout=None, retries=None, own_hosts=None):
        self.workers = workers or settings.INSPECTION_LINK_WORKERS
        self.limiter = HostLimiter(settings.INSPECTION_HOST_RATE if rate is None else rate)
        self.timeout = settings.INSPECTION_LINK_TIMEOUT if timeout is None else timeout
        self.retries = settings.INSPECTION_LINK_RETRIES if retries is None else retries
        self.max_redirects = settings.INSPECTION_LINK_MAX_REDIRECTS
        self.own_hosts = _site_hosts() if own_hosts is None else set(own_hosts)
        self._local = threading.local()

    def _get_session(self):
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = _session()
        return session

    def _fetch(self, url):
        """Follow redirects by hand: a loop is seen at once, and nothing is followed into our admin."""
        session = self._get_session()
        seen = set()
        for _ in range(self.max_redirects + 1):
            parts = urlsplit(url)
            if (parts.hostname or "").lower() in self.own_hosts and parts.path.startswith(ADMIN_PREFIXES):
                return "admin", None
            if url in seen:
                return "loop", None
            seen.add(url)
            self.limiter.wait((parts.hostname or "").lower())
            response = session.get(url, timeout=self.timeout, stream=True, allow_redirects=False)
            response.close()
            session.cookies.clear()
            if response.is_redirect and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            return "done", response.status_code
        return "loop", None

    def check_one(self, url):
        """(ok, http_status, message) for one URL."""
        message, status = "", None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(0.25 * 2**attempt, 2))
            try:
                outcome, status = self._fetch(url)
            except requests.Timeout:
                message, status = f"{self.timeout:g} 秒内没有响应", None
                continue
            except (
                requests.exceptions.InvalidURL,
                requests.exceptions.MissingSchema,
                ValueError,
                UnicodeError,
            ):
                return False, None, "链接格式不正确"
            except requests.RequestException as error:
                message, status = f"无法连接（{type(error).__name__}）", None
                continue
            if outcome == "loop":
                return False, None, "重定向次数过多或重定向循环"
            if outcome == "admin":
                return True, None, "跳转到本站后台，未跟随"
            if status < 400:
                return True, status, ""
            if status < 500 and status not in (408, 429):
                return False, status, f"HTTP {status}"
            message = f"HTTP {status}"
        return False, status, message

    def check(self, urls):
        """{url: (ok, status, message)}, `workers` at a time."""
        urls = list(dict.fromkeys(urls))
        if not urls:
            return {}
        with ThreadPoolExecutor(max_workers=min(self.workers, len(urls))) as pool:
            return dict(zip(urls, pool.map(self.check_one, urls), strict=True))
