"""The working-day calendar in the admin (设置 → 节假日与调休), for site administrators only:
Wagtail shows a snippet's menu only to users with its permissions, which no editorial group has."""

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
