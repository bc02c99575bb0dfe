"""Readable ASCII slugs from Chinese titles.

`WAGTAIL_ALLOW_UNICODE_SLUGS` is off, so the admin's own slug generator drops the Chinese of a
title and keeps only its digits and Latin letters ("青海省总工会召开2026年…" -> "2026"). We spell
the whole title in pinyin instead, digits and Latin words in place
("…召开2026年…" -> "qing-hai-sheng-zong-gong-hui-zhao-kai-2026-nian-…"), so addresses stay
readable, short and never percent-encoded.

- A slug the editor typed is kept; one that is only the Chinese-less remnant of the title (what
  the admin's script fills in) counts as not typed and is replaced by the pinyin slug.
- A generated slug that is taken gets a suffix (-2, -3 …); a typed slug that is taken is refused
  with a message at the top of the form naming the field and its tab.
- A draft that was never published, is not in review and holds nothing but its title (what
  autosave leaves when someone types a title and walks away), or was not touched for
  `ABANDONED_DRAFT_DAYS` days, does not hold its slug: the page that needs it takes it and the
  draft is moved to `<slug>-cao-gao`. Nobody links to a page that was never published.
- A published page keeps its slug, because links to it are out in the world.
"""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import WorkflowState

SLUG_MAX_LENGTH = 60
FALLBACK_SLUG = "wen-zhang"
_DASHES = re.compile(r"-{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ABANDONED_DRAFT_DAYS = 30
SLUG_LABEL = "页面网址"
SLUG_PLACE = "“推广”标签页的“页面网址”"


def pinyin_slug(title, max_length=SLUG_MAX_LENGTH, fallback=FALLBACK_SLUG):
    """ASCII slug of `title`: pinyin for Chinese, other words kept, cut at a word boundary."""
    words = []
    # pypinyin's tables take ~50 MB; only processes that make slugs (the admin) load them.
    from pypinyin import lazy_pinyin

    for part in lazy_pinyin(title or ""):
        word = slugify(part)
        if word:
            words.append(word)
    slug = _DASHES.sub("-", "-".join(words)).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut[:max_length]
        slug = slug.strip("-")
    return slug or fallback


def is_usable_slug(slug):
    """A slug we keep as the editor gave it: ASCII, and more than a row of dashes."""
    return bool(slug) and slug.isascii() and bool(slug.strip("-")) and "%" not in slug


def chinese_dropped_slugs(title):
    """What a slugifier that drops Chinese makes of `title` (Django's `slugify`, the admin's script)."""
    title = title or ""
    if not _CJK.search(title):
        return set()
    latin = re.sub(r"[^A-Za-z0-9\s_-]", "", title).lower()
    return {
        slugify(title),
        re.sub(r"[\s_-]+", "-", latin).strip("-"),
        re.sub(r"[\s_-]+", "", latin),
    } - {""}


# --- abandoned drafts ------------------------------------------------------------


def _content_field_names(panels):
    for panel in panels:
        name = getattr(panel, "field_name", None)
        if name:
            yield name
        yield from _content_field_names(getattr(panel, "children", ()))


def holds_only_a_title(page):
    """True when nothing but the title (and the slug) of the page's draft has been filled in."""
    draft = page.get_latest_revision_as_object() if page.latest_revision_id else page
    for name in _content_field_names(getattr(type(draft), "content_panels", ())):
        if name in ("title", "slug"):
            continue
        try:
            field = draft._meta.get_field(name)
        except Exception:  # a panel on something that is not a model field
            continue
        if field not in draft._meta.concrete_fields:  # tags and other relations: not a draft's text
            continue
        value = getattr(draft, field.attname)
        if value and value != field.get_default():
            return False
    return True


def is_abandoned_draft(page, now=None):
    """A never-published draft, not in review, that holds only a title or was left for a month."""
    if page.live or page.first_published_at or page.last_published_at:
        return False
    in_review = WorkflowState.objects.for_instance(page).filter(
        status__in=(WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)
    )
    if in_review.exists():
        return False
    touched = page.latest_revision_created_at or page.first_published_at
    if touched and touched < (now or timezone.now()) - timedelta(days=ABANDONED_DRAFT_DAYS):
        return True
    return holds_only_a_title(page.specific)


def slug_holders(slug, parent_page, page=None):
    """(pages that hold `slug` under the parent, those of them that are abandoned drafts)."""
    if parent_page is None:
        return [], []
    siblings = parent_page.get_children().filter(slug=slug)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    holders = list(siblings)
    return holders, [holder for holder in holders if is_abandoned_draft(holder)]


def move_abandoned_drafts_aside(slug, parent_page, page=None):
    """Give the abandoned drafts that hold `slug` a `-cao-gao` slug, so `page` can take it."""
    holders, abandoned = slug_holders(slug, parent_page, page)
    if len(abandoned) != len(holders):
        return
    for draft in abandoned:
        draft = draft.specific
        draft.slug = draft._get_autogenerated_slug(f"{slug}-cao-gao")
        draft.set_url_path(parent_page)
        draft.save(update_fields=["slug", "url_path"], clean=False)
        revision = draft.latest_revision
        if revision is not None and isinstance(revision.content, dict):
            revision.content["slug"] = draft.slug
            revision.save(update_fields=["content"])


def _slug_is_free(slug, parent_page, page=None):
    holders, abandoned = slug_holders(slug, parent_page, page)
    return len(holders) == len(abandoned)


def free_slug(base, parent_page, page=None):
    """`base`, or `base-2`, `base-3` … : the first that no real page under the parent holds."""
    slug, suffix = base, 1
    while not _slug_is_free(slug, parent_page, page):
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


class PinyinSlugMixin:
    """Model side: pages created in code (demo, bulk, tests) get pinyin slugs too, and an
    abandoned draft never keeps a page from the slug it needs."""

    def _set_core_field_defaults(self):
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        # A page that was already published keeps whatever address it has: links to it exist.
        already_published = bool(self.pk and self.first_published_at and self.slug)
        if parent_is_known and not is_usable_slug(self.slug) and not already_published:
            self.slug = self._get_autogenerated_slug(pinyin_slug(self.title))
        super()._set_core_field_defaults()

    def _check_slug_is_unique(self):
        parent_page = self.get_parent()
        if parent_page is not None and self.slug and _slug_is_free(self.slug, parent_page, self):
            return
        super()._check_slug_is_unique()

    def save(self, *args, **kwargs):
        # New pages made in code; the admin's form moves the drafts itself (see its save()).
        if self._state.adding and self.slug and self.depth and self.depth > 1:
            move_abandoned_drafts_aside(self.slug, self.get_parent(), self)
        return super().save(*args, **kwargs)


class PinyinSlugPageForm(WagtailAdminPageForm):
    """Admin side: the slug comes from the whole title, a taken generated slug gets a suffix, a
    taken typed slug is explained at the top of the form, and abandoned drafts give way."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].label = SLUG_LABEL
            self.fields["slug"].help_text = (
                "留空时根据整个标题自动生成拼音网址（数字和英文照原样保留），与本栏目已有网址重复时自动加 -2、-3；"
                "发布后请勿随意修改。"
            )

    def clean_slug(self):
        slug = (self.cleaned_data.get("slug") or "").strip()
        if slug and not is_usable_slug(slug):
            raise forms.ValidationError("页面网址只能使用英文字母、数字和连字符，且不能只有连字符。")
        return slug

    def _published(self):
        return bool(self.instance.first_published_at and self.instance.slug)

    def clean(self):
        if "slug" not in self.cleaned_data:  # refused by clean_slug already
            return super().clean()
        slug, errors = self._choose_slug(self.cleaned_data["slug"], self.cleaned_data.get("title", ""))
        self.cleaned_data["slug"] = slug
        cleaned_data = super().clean()
        # Wagtail's own check (WagtailAdminPageForm.clean) counts abandoned drafts and would repeat
        # ours in other words: ours stands.
        self._errors.pop("slug", None)
        cleaned_data["slug"] = slug
        for field, message in errors:
            self.add_error(field, message)
        return cleaned_data

    def _choose_slug(self, slug, title):
        """(the slug to use, [(field, message)]) for what was typed and the title."""
        if self._published():
            slug = slug or self.instance.slug  # published pages keep their address
        elif not slug or slug in chinese_dropped_slugs(title):
            return free_slug(pinyin_slug(title), self.parent_page, self.instance), []
        if self.parent_page is None or _slug_is_free(slug, self.parent_page, self.instance):
            return slug, []
        holder = slug_holders(slug, self.parent_page, self.instance)[0][0].get_admin_display_title()
        suggestion = free_slug(slug, self.parent_page, self.instance)
        return slug, [
            ("slug", f"本栏目下的《{holder}》已使用网址“{slug}”。"),
            (
                None,
                f"{SLUG_PLACE}“{slug}”已被本栏目下的《{holder}》使用：请改为“{suggestion}”，或清空该栏让系统自动生成。",
            ),
        ]

    def save(self, commit=True):
        slug = self.cleaned_data.get("slug")
        if slug and self.parent_page is not None:
            move_abandoned_drafts_aside(slug, self.parent_page, self.instance)
        return super().save(commit=commit)
