"""Template tags other apps' templates may use to show model workers."""

from django import template

from ..models import WorkerPage

register = template.Library()


@register.simple_tag
def article_workers(article):
    """Live, public profiles named on `article` (相关劳模), in the editor's order, in one query
    plus the card prefetches."""
    if not getattr(article, "pk", None):
        return []
    return list(
        WorkerPage.objects.live()
        .public()
        .filter(article_links__article=article)
        .order_by("article_links__sort_order", "pk")
        .with_card_data()
    )
