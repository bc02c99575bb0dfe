from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_views import register_menu_item
from sitecache import cache as site_cache

from . import rules
from .models import SectionRule
from .urls import admin_urlpatterns
from .views import is_site_admin


@hooks.register("register_admin_urls")
def inspection_admin_urls():
    return admin_urlpatterns


register_menu_item(
    "站点巡查",
    "inspection_scorecard",
    shown_to=is_site_admin,
    name="inspection",
    icon_name="warning",
    order=720,
)


class SectionRuleViewSet(SnippetViewSet):
    model = SectionRule
    icon = "calendar"
    menu_label = "栏目更新规则"
    list_display = ["page", "update_class", "days", "note"]
    panels = [FieldPanel("page"), FieldPanel("update_class"), FieldPanel("days"), FieldPanel("note")]


register_snippet(SectionRuleViewSet)


class SectionFreshnessPanel(Component):
    """The dashboard's section panel: sections stale or about to be, by their own update rule.
    Replaces the editorial app's fixed "14 days" panel (one panel, one rule)."""

    name = "inspection_sections"
    order = 97
    template_name = "components/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        # Every dashboard view shows it: kept in the site cache (replaced by any publication) for
        # at most ten minutes, so a day's turn is seen without a publication too.
        rows = site_cache.remember("inspection:dashboard-sections", panel_rows, timeout=600)
        more = max(len(rows) - 15, 0)
        return {
            "panel_id": self.name,
            "heading": "栏目更新提醒",
            "title_heading": "栏目",
            "when_heading": "最新内容",
            "date_format": "Y-m-d",
            "rows": [
                {
                    "title": row["title"],
                    "url": reverse("wagtailadmin_explore", args=[row["page_id"]]),
                    "note": f"{row['class_label']} · {row['note']}",
                    "when": row["newest"],
                }
                for row in rows[:15]
            ],
            "more_text": f"另有 {more} 个栏目，见“站点巡查 · 栏目更新情况”。" if more else "",
            "empty_text": "所有考核栏目都在各自的更新周期内。",
        }


def panel_rows():
    today = timezone.localdate()
    rows = []
    for status in rules.sections():
        if status.exempt:
            continue
        if status.empty:
            note = "栏目下还没有已发布的内容"
        elif status.is_stale(today):
            note = f"已超过 {status.days} 天未更新"
        elif status.warn(today):
            note = f"{status.days_left(today)} 天后超期（{status.stale_on:%Y-%m-%d}）"
        else:
            continue
        rows.append(
            {
                "page_id": status.page.pk,
                "title": status.page.title,
                "class_label": status.class_label,
                "note": note,
                "newest": status.newest,
            }
        )
    return rows


@hooks.register("construct_homepage_panels")
def inspection_dashboard_panel(request, panels):
    panels.append(SectionFreshnessPanel())
