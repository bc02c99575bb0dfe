"""Admin integration: the case queue and its URLs, menu, audit-log actions, dashboard panel,
and the per-user region assignments (a snippet that only 维权督办 may edit)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_views import register_menu_item

from . import admin_views, error_reports
from .access import role_of
from .cases import ACTIONS
from .models import HandlerRegion

admin_urlpatterns = [
    path("", admin_views.QueueView.as_view(), name="queue"),
    path("<int:pk>/", admin_views.DetailView.as_view(), name="detail"),
    path("<int:pk>/<slug:name>/", admin_views.action, name="action"),
    path("attachment/<int:pk>/", admin_views.download_attachment, name="attachment"),
    path("errors/", error_reports.ErrorQueueView.as_view(), name="error_queue"),
    path("errors/<int:pk>/", error_reports.ErrorDetailView.as_view(), name="error_detail"),
    path("errors/<int:pk>/<slug:name>/", error_reports.error_action, name="error_action"),
]


@hooks.register("register_admin_urls")
def register_interaction_admin_urls():
    return [path("interaction/", include((admin_urlpatterns, "interaction"), namespace="interaction_admin"))]


@hooks.register("register_log_actions")
def register_interaction_log_actions(actions):
    for action, (label, message) in {**ACTIONS, **error_reports.ACTIONS}.items():
        actions.register_action(action, label, message)


def has_case_role(user):
    return role_of(user) is not None


def handles_error_reports(user):
    return user.has_perm(error_reports.HANDLE_ERRORS_PERMISSION)


register_menu_item(
    "职工留言",
    "interaction_admin:queue",
    shown_to=has_case_role,
    name="interaction",
    icon_name="mail",
    order=705,
)
register_menu_item(
    "网站纠错",
    "interaction_admin:error_queue",
    shown_to=handles_error_reports,
    name="error-reports",
    icon_name="warning",
    order=706,
)


class DeadlinePanel(Component):
    name = "interaction_deadlines"
    order = 80
    template_name = "interaction/admin/panel.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        rows, unknown = admin_views.handler_summary(user)
        return {"rows": rows, "unknown_calendar": unknown, "queue_url": reverse("interaction_admin:queue")}


@hooks.register("construct_homepage_panels")
def interaction_dashboard_panel(request, panels):
    if role_of(request.user) is not None:
        panels.append(DeadlinePanel())


class HandlerRegionViewSet(SnippetViewSet):
    model = HandlerRegion
    icon = "site"
    menu_label = "受理员负责地区"
    list_display = ["user", "region"]
    list_filter = ["region"]
    add_to_admin_menu = False


register_snippet(HandlerRegionViewSet)
