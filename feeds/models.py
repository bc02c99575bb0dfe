from django.db import models


class FeedItemChange(models.Model):
    """When a feed item last changed for its readers (its entry's `updated`).

    Written when the page is published (`feeds.changes`): the time moves only when what a
    subscriber sees of the entry changed, so re-publishing an unchanged page, or publishing
    many pages at once, never gives entries a new or a shared time.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name="页面"
    )
    fingerprint = models.CharField("内容摘要", max_length=64)
    changed_at = models.DateTimeField("内容更新时间")

    class Meta:
        verbose_name = "订阅条目更新时间"
        verbose_name_plural = "订阅条目更新时间"

    def __str__(self):
        return f"{self.page_id}：{self.changed_at:%Y-%m-%d %H:%M:%S}"
