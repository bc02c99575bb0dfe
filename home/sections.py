"""The home page's blocks, as `settings.HOME_PAGE_SECTIONS` names them, and its latest items,
each from the site cache.

The blocks are plain queries of their apps; they are kept here for at most a minute
(and never past a change to the site), since an item dated in the future or a
campaign that starts today must appear when its time comes.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from sitecache import cache as site_cache

HOME_BLOCK_CACHE_SECONDS = 60


def home_sections(home_page):
    sections = []
    for dotted_path in settings.HOME_PAGE_SECTIONS:
        build = import_string(dotted_path)
        section = site_cache.remember(
            f"home-section:{dotted_path}:{home_page.pk}",
            lambda build=build: build(home_page),
            timeout=HOME_BLOCK_CACHE_SECONDS,
        )
        if section:
            sections.append(section)
    return sections


def latest_items(home_page):
    return site_cache.remember(
        f"home-latest:{home_page.pk}:{home_page.latest_count}",
        home_page.latest_pages,
        timeout=HOME_BLOCK_CACHE_SECONDS,
    )
