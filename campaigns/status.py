"""A campaign's phase follows from its dates, read on the Asia/Shanghai calendar.

Editors only enter the start and end dates; nobody has to remember to flip a
campaign to 已结束, and the index, the home page and the page itself agree.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone


class CampaignStatus:
    UPCOMING = "upcoming"
    RUNNING = "running"
    ENDED = "ended"

    LABELS = {UPCOMING: "筹备中", RUNNING: "进行中", ENDED: "已结束"}
    # Index order: what readers can join now, then what is coming, then the archive.
    RANK = {RUNNING: 0, UPCOMING: 1, ENDED: 2}


def local_today():
    """Today's date in the site's time zone (TIME_ZONE = Asia/Shanghai)."""
    return timezone.localdate()


def status_for(start_date, end_date, today=None):
    """筹备中 before the start date, 已结束 after the end date, 进行中 in between.

    Both dates are inclusive: a campaign ending on 11-23 is still running all of 11-23.
    A campaign without an end date runs until an editor sets one.
    """
    today = today or local_today()
    if start_date and start_date > today:
        return CampaignStatus.UPCOMING
    if end_date and end_date < today:
        return CampaignStatus.ENDED
    return CampaignStatus.RUNNING


def running_filter(today=None):
    """Q() matching campaigns that are running on `today`."""
    today = today or local_today()
    return Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))


def status_rank_expression(today=None):
    """An annotation that sorts running (0), upcoming (1) and ended (2) campaigns."""
    today = today or local_today()
    return Case(
        When(end_date__lt=today, then=Value(CampaignStatus.RANK[CampaignStatus.ENDED])),
        When(start_date__gt=today, then=Value(CampaignStatus.RANK[CampaignStatus.UPCOMING])),
        default=Value(CampaignStatus.RANK[CampaignStatus.RUNNING]),
        output_field=IntegerField(),
    )
