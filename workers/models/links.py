"""Articles about a model worker. The link lives in the workers app, so news never imports workers."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from news.models import ArticlePage


class ArticleWorker(Orderable):
    """ "相关劳模" on an article; the worker's profile lists the article under 相关报道."""

    article = ParentalKey("news.ArticlePage", related_name="worker_links", on_delete=models.CASCADE)
    worker = models.ForeignKey(
        "workers.WorkerPage", verbose_name="劳模", on_delete=models.CASCADE, related_name="article_links"
    )

    panels = [FieldPanel("worker")]

    class Meta(Orderable.Meta):
        verbose_name = "相关劳模"
        verbose_name_plural = "相关劳模"
        constraints = [
            models.UniqueConstraint(fields=["article", "worker"], name="workers_article_worker_once")
        ]


def articles_about(worker, limit=20):
    """Live, public articles naming `worker` whose date has come, newest first."""
    article_ids = ArticleWorker.objects.filter(worker=worker).values("article_id")
    return ArticlePage.objects.for_listing().filter(pk__in=article_ids)[:limit]
