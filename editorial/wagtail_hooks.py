"""Admin wiring: glossary snippets, the "规范用语检查" action, review history,
dashboard panels and the guard that keeps workflow pages inside the workflow."""

from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .guide import EditorGuideView, help_menu_items
from .models import GlossaryEntry, HouseStyleCheckTask
from .panels import EDITORIAL_PANELS
from .views import HouseStyleReportView, ReviewHistoryView

PUBLISH_REFUSED = "本页由“三审”工作流管理，不能直接发布：请提交审核，终审通过后自动发布。"


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryEntry
    icon = "spell-check"
    menu_label = "规范用语词表"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "variants", "kind", "active", "updated_at"]
    list_filter = ["kind", "active"]
    search_fields = ["term", "variants", "reason"]


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_urls")
def editorial_admin_urls():
    return [
        path(
            "editorial/pages/<int:page_id>/check/",
            HouseStyleReportView.as_view(),
            name="editorial_house_style_report",
        ),
        path(
            "editorial/pages/<int:page_id>/reviews/",
            ReviewHistoryView.as_view(),
            name="editorial_review_history",
        ),
    ]


# --- the check and the history from the editor -------------------------------


class HouseStyleCheckMenuItem(ActionMenuItem):
    label = "规范用语检查"
    name = "action-house-style-check"
    icon_name = "spell-check"
    order = 60

    def is_shown(self, context):
        return context["view"] == "edit"

    def get_url(self, parent_context):
        return reverse("editorial_house_style_report", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def house_style_check_menu_item():
    return HouseStyleCheckMenuItem()


@hooks.register("register_page_header_buttons")
def editorial_header_buttons(page, user, view_name, next_url=None):
    yield Button(
        "规范用语检查",
        reverse("editorial_house_style_report", args=[page.pk]),
        icon_name="spell-check",
        priority=66,
    )
    yield Button(
        "审核记录",
        reverse("editorial_review_history", args=[page.pk]),
        icon_name="history",
        priority=67,
    )


# --- nobody publishes around the workflow -------------------------------------


def publishing_must_use_workflow(page_or_parent, user):
    """Pages under a workflow reach the public only through it (superusers excepted)."""
    return not user.is_superuser and page_or_parent.get_workflow() is not None


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and publishing_must_use_workflow(page, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _refuse(request, redirect_url):
    """A forged "publish" POST (the button is hidden) gets the reason, and nothing is saved."""
    messages.error(request, PUBLISH_REFUSED)
    return redirect(redirect_url)


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    if request.method == "POST" and "action-publish" in request.POST:
        if publishing_must_use_workflow(page, request.user):
            return _refuse(request, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    if request.method == "POST" and "action-publish" in request.POST:
        if publishing_must_use_workflow(parent_page, request.user):
            return _refuse(request, reverse("wagtailadmin_explore", args=[parent_page.pk]))


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type == "publish":
        for obj in objects:
            if isinstance(obj, Page) and publishing_must_use_workflow(obj, request.user):
                return _refuse(request, reverse("wagtailadmin_explore", args=[obj.get_parent().pk]))


# --- tell the submitter at once when the automatic check sends a page back ------


def _report_check_result(request, page):
    page = Page.objects.get(pk=page.pk)
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return
    task_state = workflow_state.current_task_state
    if task_state is None or not isinstance(task_state.task.specific, HouseStyleCheckTask):
        return
    messages.warning(
        request,
        "规范用语检查未通过，稿件已退回："
        + (task_state.comment.splitlines()[0] if task_state.comment else ""),
        buttons=[
            messages.button(reverse("editorial_house_style_report", args=[page.pk]), "查看检查报告"),
        ],
    )


@hooks.register("after_edit_page")
def report_check_after_edit(request, page):
    if request.method == "POST" and "action-submit" in request.POST:
        _report_check_result(request, page)


@hooks.register("after_create_page")
def report_check_after_create(request, page):
    if request.method == "POST" and "action-submit" in request.POST:
        _report_check_result(request, page)


# --- dashboard ---------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def editorial_dashboard_panels(request, panels):
    # Our "待我审核" replaces Wagtail's list of the same items.
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    panels.extend(panel_class() for panel_class in EDITORIAL_PANELS)


# --- 编辑指南 ------------------------------------------------------------------


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return [path("editorial/guide/", EditorGuideView.as_view(), name="editorial_guide")]


@hooks.register("construct_help_menu")
def only_the_chinese_editor_guide(request, menu_items):
    # Wagtail's items link to English pages on outside sites.
    menu_items[:] = help_menu_items()


# --- no side door around 三审, for anyone (editorial/side_doors.py registers its own hooks) ---
from . import side_doors  # noqa: E402, F401
