"""The working-day calendar in the admin (设置 → 节假日与调休), for site administrators only:
Wagtail shows a snippet's menu only to users with its permissions, which no editorial group has.
And the one stylesheet of the site's own admin screens (static/css/admin.css)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CalendarDay, CalendarYear


class CalendarYearViewSet(SnippetViewSet):
    model = CalendarYear
    icon = "date"
    list_display = ["year", "complete", "source"]


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "calendar"
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]


class WorkingCalendarGroup(SnippetViewSetGroup):
    menu_label = "工作日历"
    menu_icon = "date"
    menu_order = 900
    items = (CalendarYearViewSet, CalendarDayViewSet)


register_snippet(WorkingCalendarGroup)


@hooks.register("insert_global_admin_css")
def admin_css():
    """Layout of the site's own admin screens (queues, case pages), instead of style attributes."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
