"""Admin integration: the 入会申请 queue, its menu item, audit-log actions, the dashboard panel."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
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


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_officer(request.user)


@hooks.register("register_admin_menu_item")
def register_joining_menu_item():
    return OfficerMenuItem(
        "入会申请", reverse("joining_admin:queue"), name="joining", icon_name="group", order=720
    )


@hooks.register("construct_homepage_panels")
def joining_dashboard_panel(request, panels):
    if is_officer(request.user):
        panels.append(OverdueApplicationsPanel())
