"""The one reader of dates and times typed by Chinese editors.

Every admin date and datetime widget (Wagtail's AdminDateInput / AdminDateTimeInput: the
go-live and expiry fields of the status panel, 显示日期, campaign dates, …) passes what was typed
through `parse_date` / `parse_datetime` before Django's form field sees it:

    2026-12-01 08:00   2026/12/1 8:00   2026.12.1 8:00   2026年12月1日 8:00
    2026年12月1日 8点   2026年12月1日 8点30分   2026年12月1日 8时   2026年12月1日 (midnight)

The year is required: "11月30日" is refused, never guessed (an embargo read as the wrong year is
worse than a question). Anything that does not read as one of these forms, or names a day that
does not exist (2026年2月30日), is handed to the form field unchanged, which refuses it with Django's
Chinese message (输入一个有效的日期/时间。). The date picker is told not to rewrite what was typed (`validateOnBlur`), so
the text reaches the server as the editor typed it.
"""

import datetime
import re

_DATE = r"(?P<y>\d{4})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})\s*日?"
_TIME = (
    r"(?P<H>\d{1,2})\s*(?:"
    r"[:：]\s*(?P<M>\d{1,2})(?:\s*[:：]\s*(?P<S>\d{1,2}))?"
    r"|[点时](?:\s*(?P<half>半)|\s*(?P<M2>\d{1,2})\s*分?)?"
    r")"
)
_DATE_RE = re.compile(rf"^\s*{_DATE}\s*$")
_DATETIME_RE = re.compile(rf"^\s*{_DATE}(?:\s*T?\s*{_TIME})?\s*$")


def parse_date(text):
    """A `datetime.date` from what was typed, or None if it cannot be read for certain."""
    match = _DATE_RE.match(text or "")
    if not match:
        return None
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def parse_datetime(text):
    """A naive `datetime.datetime` (site time) from what was typed, or None."""
    match = _DATETIME_RE.match(text or "")
    if not match:
        return None
    minute = match["M"] or match["M2"] or (30 if match["half"] else 0)
    try:
        return datetime.datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(minute),
            int(match["S"] or 0),
        )
    except ValueError:
        return None


def _normalise(value, parse, fmt):
    if not isinstance(value, str) or not value.strip():
        return value
    parsed = parse(value)
    return parsed.strftime(fmt) if parsed else value


def install():
    """Make Wagtail's admin date widgets read Chinese input (called from CoreConfig.ready)."""
    from django.forms import widgets as django_widgets
    from wagtail.admin.widgets import datetime as admin_datetime

    def date_value(self, data, files, name):
        value = django_widgets.DateInput.value_from_datadict(self, data, files, name)
        return _normalise(value, parse_date, "%Y-%m-%d")

    def datetime_value(self, data, files, name):
        value = django_widgets.DateTimeInput.value_from_datadict(self, data, files, name)
        return _normalise(value, parse_datetime, "%Y-%m-%d %H:%M:%S")

    def keep_typed(get_config):
        def config(self):
            return {**get_config(self), "validateOnBlur": False}

        return config

    for cls, reader in (
        (admin_datetime.AdminDateInput, date_value),
        (admin_datetime.AdminDateTimeInput, datetime_value),
    ):
        if getattr(cls, "_core_dates_installed", False):
            continue
        cls.value_from_datadict = reader
        cls.get_config = keep_typed(cls.get_config)
        cls._core_dates_installed = True
