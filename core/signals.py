"""Changes to the working-day calendar reach this process at once (others within a minute)."""

from django.db.models.signals import post_delete, post_save

from .models import CalendarDay, CalendarYear
from .workdays import forget_overrides


def on_calendar_change(sender, **kwargs):
    forget_overrides()


def connect():
    for model in (CalendarDay, CalendarYear):
        post_save.connect(
            on_calendar_change, sender=model, dispatch_uid=f"core-calendar-saved-{model.__name__}"
        )
        post_delete.connect(
            on_calendar_change, sender=model, dispatch_uid=f"core-calendar-deleted-{model.__name__}"
        )
