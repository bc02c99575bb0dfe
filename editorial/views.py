"""Admin views: the house-style report for a page and its review history."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, TaskState

from core.people import person_name

from . import checker
from .house_style import check_page
from .models import HouseStyleTaskState


def user_can_review_or_edit(page, user):
    if page.permissions_for_user(user).can_edit():
        return True
    task = page.current_workflow_task
    return bool(task and task.user_can_access_editor(page, user))


def review_history(page):
    """Every finished stage of every submission of the page, oldest first: who did what, when."""
    states = (
        TaskState.objects.for_instance(page)
        .exclude(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("task", "finished_by", "workflow_state__workflow", "workflow_state__requested_by")
        .order_by("workflow_state__created_at", "started_at", "pk")
    )
    return [
        {
            "workflow": state.workflow_state.workflow.name,
            "submitted_by": person_name(state.workflow_state.requested_by),
            "submitted_at": state.workflow_state.created_at,
            "stage": state.task.name,
            "status": state.get_status_display(),
            "status_code": state.status,
            "by": person_name(state.finished_by),
            "at": state.finished_at,
            "comment": state.comment,
            "revision_id": state.revision_id,
        }
        for state in states
    ]


class PageAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full-inverse"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = get_object_or_404(Page, id=page_id).specific
        if not user_can_review_or_edit(self.page, request.user):
            raise PermissionDenied("您没有查看该页面的权限。")
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # Wagtail's default crumbs are only 首页; name the page being looked at.
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": f"{self.page_title}：{self.page.get_admin_display_title()}"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        context["check_url"] = reverse("editorial_house_style_report", args=[self.page.pk])
        context["history_url"] = reverse("editorial_review_history", args=[self.page.pk])
        return context


class HouseStyleReportView(PageAdminView):
    """Runs the check on the latest saved version (the draft), changes nothing."""

    template_name = "editorial/house_style_report.html"
    page_title = "规范用语检查"

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        draft = self.page.get_latest_revision_as_object()
        findings = check_page(draft)
        context["findings"] = findings
        context["error_count"] = len(checker.blocking(findings))
        context["last_check"] = (
            HouseStyleTaskState.objects.for_instance(self.page).order_by("-started_at").first()
        )
        return context


class ReviewHistoryView(PageAdminView):
    template_name = "editorial/review_history.html"
    page_title = "审核记录"

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = review_history(self.page)
        context["responsible_editor"] = getattr(self.page, "responsible_editor", None)
        return context
