from django.core.exceptions import ValidationError
from django.db import models


def optional_reference(to, verbose_name=None, *, related_name="+", **kwargs):
    """A reference that may be left empty and is emptied when its target is deleted (an image, a
    page, the user in charge); by default the target keeps no way back to it."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **kwargs,
    )


def optional_image(verbose_name, **kwargs):
    """An image a page or setting may leave out."""
    return optional_reference("wagtailimages.Image", verbose_name, **kwargs)


class CalendarYear(models.Model):
    """A year whose official holiday schedule an administrator has entered by hand.

    The State Council publishes next year's 放假安排 each November or December; until the
    calendar library ships it, an administrator enters its holidays and 调休 working
    weekends (`CalendarDay`) and marks the year complete. Deadlines in a year that neither
    the library nor this table knows are refused, never counted as plain weekdays.
    """

    year = models.PositiveSmallIntegerField("年份", unique=True)
    complete = models.BooleanField(
        "放假安排已录入完整", default=False, help_text="录入国务院办公厅公布的全部节假日和调休上班日后勾选。"
    )
    source = models.CharField("依据", max_length=200, blank=True, help_text="例如：国办发明电〔2026〕X号")

    class Meta:
        verbose_name = "年度放假安排"
        verbose_name_plural = "年度放假安排"
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}年放假安排"


class CalendarDay(models.Model):
    """One day that differs from the Monday-to-Friday rule: a holiday on a weekday, or a
    调休 working day on a weekend. Also overrides the library's data for its date."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "放假"
        WORKDAY = "workday", "调休上班"

    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    name = models.CharField("节日", max_length=20, blank=True, help_text="例如：春节、国庆节")

    class Meta:
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()

    def clean(self):
        if self.date and not CalendarYear.objects.filter(year=self.date.year).exists():
            raise ValidationError({"date": f"请先添加“{self.date.year}年放假安排”，再录入这一年的日期。"})
