"""A profile's honours: ordered rows shown as a timeline and used by the index filters."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from core.privacy import personal_data_problems

from .choices import HonourLevel

FIRST_HONOUR_YEAR = 1950
LAST_HONOUR_YEAR = 2100


class WorkerHonour(Orderable):
    page = ParentalKey("workers.WorkerPage", related_name="honours", on_delete=models.CASCADE)
    title = models.ForeignKey(
        "workers.HonourTitle", verbose_name="荣誉称号", on_delete=models.PROTECT, related_name="awards"
    )
    level = models.CharField(
        "级别",
        max_length=20,
        choices=HonourLevel.choices,
        blank=True,
        help_text="留空时使用该称号的默认级别。",
    )
    year = models.PositiveSmallIntegerField(
        "授予年份",
        validators=[MinValueValidator(FIRST_HONOUR_YEAR), MaxValueValidator(LAST_HONOUR_YEAR)],
    )
    awarding_body = models.CharField("授予单位", max_length=120, blank=True)

    panels = [FieldPanel("title"), FieldPanel("level"), FieldPanel("year"), FieldPanel("awarding_body")]

    class Meta(Orderable.Meta):
        verbose_name = "荣誉"
        verbose_name_plural = "荣誉"
        indexes = [models.Index(fields=["level", "year"]), models.Index(fields=["year"])]

    def __str__(self):
        return f"{self.year} {self.title_id and self.title.name}"

    def clean(self):
        super().clean()
        problems = personal_data_problems(self.awarding_body)
        if problems:
            raise ValidationError({"awarding_body": problems})
        if not self.level and self.title_id:
            self.level = self.title.level

    def save(self, *args, **kwargs):
        if not self.level and self.title_id:
            self.level = self.title.level
        super().save(*args, **kwargs)

    @property
    def level_rank(self):
        return HonourLevel.rank(self.level)
