"""Run the house-style check on a page: extraction + glossary + engine (the workflow's
HouseStyleCheckTask and the report view run it; `editorial.house_style` re-exports it)."""

from .. import checker
from ..extract import page_text_fields
from .glossary import active_glossary


def source_rule(page):
    """Articles must name their 来源: reprints strictly, own stories as a reminder."""
    if not hasattr(page, "source_name") or (page.source_name or "").strip():
        return None
    if getattr(page, "original_title", "") or getattr(page, "original_author", ""):
        return checker.ERROR
    return checker.WARNING


def check_page(page):
    """Findings for a page object (a live page or a revision's object)."""
    return checker.check(page_text_fields(page), active_glossary(), source_rule=source_rule(page))
