"""Admin integration: the 入会申请 queue, its menu item, audit-log actions, the dashboard panel."""

from django.urls import include, path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_views import register_menu_item

from . import admin_urls
from .models import OfficerAssignment
from .panels import OverdueApplicationsPanel
from .scoping import is_officer
from .services import LOG_ACTIONS


@hooks.register("register_log_actions")
def register_joining_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_joining_admin_urls():
    return [path("ruhui/", include(admin_urls, namespace="joining_admin"))]


register_menu_item(
    "入会申请", "joining_admin:queue", shown_to=is_officer, name="joining", icon_name="group", order=720
)


@hooks.register("construct_homepage_panels")
def joining_dashboard_panel(request, panels):
    if is_officer(request.user):
        panels.append(OverdueApplicationsPanel())


class OfficerAssignmentViewSet(ModelViewSet):
    """Which organisations each 入会受理员 handles; for site administrators (permissions given by
    setup_joining), in the Wagtail admin, next to the queue."""

    model = OfficerAssignment
    icon = "user"
    menu_label = "入会受理员负责范围"
    menu_order = 725
    add_to_admin_menu = True
    form_fields = ["user", "organisation"]
    list_display = ["user", "organisation"]
    list_filter = ["organisation__prefecture"]
    search_fields = ["user__username", "organisation__name"]


@hooks.register("register_admin_viewset")
def register_officer_assignment_viewset():
    return OfficerAssignmentViewSet("joining_assignments")
