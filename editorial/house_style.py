"""Run the house-style check on a page (kept in `editorial.models.house_style`, beside the
workflow task that runs it)."""

from .models.house_style import check_page, source_rule

__all__ = ["check_page", "source_rule"]
