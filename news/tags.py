"""Readable tag addresses: a Chinese tag's slug is its pinyin (工会 -> gong-hui), like page slugs.

taggit would make the slug from the name as it is (`/news/tags/%E5%B7%A5%E4%BC%9A/`, which
looks broken when pasted into WeChat). Every tag saved without a usable ASCII slug gets the
pinyin of its name (`core.slugs.pinyin_slug`), with -2, -3 … when another tag has it already
(工会 and 公会 are both gong-hui). Renaming a tag keeps its address. Addresses a tag had
before (the percent-encoded Chinese ones, or an edited slug) are kept in `LegacyTagSlug`
and redirect permanently (see `NewsIndexPage.find_tag`). The tag's name is what readers see.
"""

from core.slugs import is_usable_slug, pinyin_slug

TAG_SLUG_MAX_LENGTH = 90
TAG_FALLBACK_SLUG = "biao-qian"


def unique_tag_slug(name, tags, exclude_pk=None):
    """The pinyin slug of `name` not yet used by another of `tags` (a Tag queryset or manager)."""
    base = pinyin_slug(name, max_length=TAG_SLUG_MAX_LENGTH, fallback=TAG_FALLBACK_SLUG)
    taken = set(tags.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def give_pinyin_slug(sender, instance, raw=False, **kwargs):
    """pre_save of taggit's Tag: a new tag, or one without a usable ASCII slug, gets pinyin;
    an address it had before is remembered for the redirect."""
    if raw:
        return
    manager = type(instance)._default_manager
    previous = None
    if instance.pk and not instance._state.adding:
        previous = manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if not is_usable_slug(instance.slug):
        instance.slug = unique_tag_slug(instance.name, manager, exclude_pk=instance.pk)
    if previous and previous != instance.slug:
        instance._previous_slug = previous
