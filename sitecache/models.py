from django.db import models
from django.utils import timezone


class SiteCacheVersion(models.Model):
    """The site cache's version (`sitecache.cache`): one row, changed in the same transaction as the edit.

    In the database rather than in the cache so that every server process (and
    the scheduler that publishes in its own process) sees a change at once,
    whatever cache each process keeps.
    """

    number = models.BigIntegerField("版本号", default=1)
    changed_at = models.DateTimeField("更改时间", default=timezone.now)

    class Meta:
        verbose_name = "站点缓存版本"
        verbose_name_plural = "站点缓存版本"

    def __str__(self):
        return f"{self.number}（{self.changed_at:%Y-%m-%d %H:%M:%S}）"
