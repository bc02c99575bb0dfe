"""Moved to demo/bulk_pages.py. Kept only for tests/home/test_bulk_pages.py; the lead removes this
file at merge, when that test imports `demo.bulk_pages` (nothing the site runs imports it)."""

from demo.bulk_pages import append_child_pages

__all__ = ["append_child_pages"]
