"""Lists editors can extend: 所属行业, 地区 and 荣誉称号 (Wagtail snippets)."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from core.slugs import pinyin_slug

from .choices import HonourLevel


class Vocabulary(models.Model):
    """A named entry with a URL-safe slug (used in filter links) and a position in lists."""

    name = models.CharField("名称", max_length=60, unique=True)
    slug = models.SlugField(
        "网址代码",
        max_length=60,
        unique=True,
        blank=True,
        help_text="用于筛选链接；留空时按拼音自动生成。",
    )
    sort_order = models.PositiveSmallIntegerField("排序", default=100, help_text="数字小的排在前面。")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug(pinyin_slug(self.name))
        super().save(*args, **kwargs)

    def unique_slug(self, base):
        slug, number = base, 2
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug


class Industry(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "所属行业"
        verbose_name_plural = "所属行业"


class Region(Vocabulary):
    """Qinghai's 市州 plus 省直 and 中央驻青."""

    class Meta(Vocabulary.Meta):
        verbose_name = "地区"
        verbose_name_plural = "地区"


class HonourTitle(Vocabulary):
    """全国劳动模范, 青海工匠 …; `level` is proposed when an editor picks the title."""

    level = models.CharField("默认级别", max_length=20, choices=HonourLevel.choices)

    panels = Vocabulary.panels + [FieldPanel("level")]

    class Meta(Vocabulary.Meta):
        verbose_name = "荣誉称号"
        verbose_name_plural = "荣誉称号"
