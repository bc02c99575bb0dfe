"""The search promotions of the demo are now a step of demo/loader.py (data in demo/data/search.yaml).
Kept only for tests/search/test_search_page.py; the lead removes this file at merge, when that test
calls `demo.loader.load_search` (nothing the site runs imports it)."""

from demo.loader import load_search as load

__all__ = ["load"]
