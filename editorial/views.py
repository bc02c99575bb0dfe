"""Admin views: the house-style report for a page, its review history, 快速审核 (approve or send
back from the review list) and the dashboard's 新建文章."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.people import person_name

from . import checker
from .house_style import check_page
from .models import HouseStyleCheckTask, HouseStyleTaskState


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


# --- what happened, in one sentence (issue 20) ------------------------------------------------


def workflow_outcome(page):
    """The sentence that tells a reviewer what their action did to `page` (reloaded here)."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    workflow_state = page.current_workflow_state
    if workflow_state is None:
        latest = page.get_latest_revision()
        if latest is not None and latest.approved_go_live_at:
            when = timezone.localtime(latest.approved_go_live_at).strftime("%Y年%-m月%-d日 %H:%M")
            return f"《{title}》已批准，将于定时上线时间 {when} 自动发布。"
        if page.live:
            return f"《{title}》已批准并发布，读者现在可以看到。"
        return f"《{title}》的审核已结束。"
    if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        return f"《{title}》已退回给提交人修改，退回意见已通知对方。"
    if workflow_state.current_task_state is not None:
        return f"《{title}》已批准，转交“{workflow_state.current_task_state.task.name}”审核。"
    return f"《{title}》已处理。"


# --- 快速审核: preview, approve or send back from the review list ---------------------------------


class QuickReviewForm(forms.Form):
    comment = forms.CharField(
        label="审核意见",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="退回时必填，会通知提交人并显示在编辑页上；批准时可不填。",
    )
    action = forms.ChoiceField(choices=[("approve", "批准"), ("reject", "退回修改")])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("action") == "reject" and not (cleaned_data.get("comment") or "").strip():
            self.add_error("comment", "退回时请写明需要修改什么，提交人会看到这条意见。")
        return cleaned_data


def review_summary(task_state):
    """Who submitted, when, and what the automatic check said, for a reviewer's quick look."""
    workflow_state = task_state.workflow_state
    check = (
        TaskState.objects.filter(workflow_state=workflow_state, task__in=HouseStyleCheckTask.objects.all())
        .order_by("-started_at")
        .first()
    )
    return {
        "stage": task_state.task.name,
        "submitter": person_name(workflow_state.requested_by) or "—",
        "submitted_at": workflow_state.created_at,
        "check_comment": check.comment.splitlines()[0] if check and check.comment else "",
    }


class QuickReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Approve or send back the current stage of a page from the review list, without the editor."""

    template_name = "editorial/quick_review.html"
    page_title = "快速审核"
    header_icon = "tasks"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = get_object_or_404(Page, id=page_id).specific
        self.task_state = self.page.current_workflow_task_state
        if self.task_state is None or self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            messages.error(request, f"《{self.page.get_admin_display_title()}》目前不在审核中。")
            return redirect(self.next_url())
        self.task = self.task_state.task.specific
        self.actions = {name: label for name, label, _ in self.task.get_actions(self.page, request.user)}
        if not self.actions:
            raise PermissionDenied("这篇稿件当前的审核环节不由您负责。")
        return super().dispatch(request, page_id, *args, **kwargs)

    def next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next") or ""
        if url and url_has_allowed_host_and_scheme(url, {self.request.get_host()}, self.request.is_secure()):
            return url
        return reverse("wagtailadmin_home")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            form=kwargs.get("form") or QuickReviewForm(),
            approve_label=self.actions.get("approve"),
            can_reject="reject" in self.actions,
            summary=review_summary(self.task_state),
            preview_url=reverse("wagtailadmin_pages:workflow_preview", args=[self.page.pk, self.task.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            check_url=reverse("editorial_house_style_report", args=[self.page.pk]),
            next=self.next_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = QuickReviewForm(request.POST)
        if form.is_valid() and form.cleaned_data["action"] not in self.actions:
            form.add_error(None, "您不能在这个环节批准这篇稿件（审批人不得兼任，也不能审核自己的稿件）。")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            self.task.on_action(
                self.task_state,
                request.user,
                form.cleaned_data["action"],
                comment=form.cleaned_data["comment"],
            )
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal) or "您不能执行这个操作。")
            return self.render_to_response(self.get_context_data(form=form), status=403)
        messages.success(request, workflow_outcome(self.page))
        return redirect(self.next_url())


# --- 新建文章 from the dashboard ---------------------------------------------------------------


def article_model():
    return apps.get_model(settings.EDITORIAL_ARTICLE_TYPE)


def sections_for_new_article(user):
    """The pages under which `user` may add an article, as (page, "上级 › 栏目") in tree order."""
    model = article_model()
    parents = (
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, ["add"])
        .type(*model.allowed_parent_page_models())
        .specific(defer=True)
        .order_by("path")
    )
    parents = [page for page in parents if model.can_create_at(page)]
    titles = dict(
        Page.objects.filter(
            path__in=[page.path[: -Page.steplen] for page in parents if page.depth > 2]
        ).values_list("path", "title")
    )
    return [
        (page, " › ".join(filter(None, [titles.get(page.path[: -Page.steplen]), page.title])))
        for page in parents
    ]


class NewArticleView(View):
    """Dashboard 新建文章: the chosen section's create form, without walking the page tree."""

    def get(self, request):
        model = article_model()
        section_id = request.GET.get("section", "")
        allowed = {page.pk for page, _ in sections_for_new_article(request.user)}
        if not section_id.isdigit() or int(section_id) not in allowed:
            messages.error(request, "请选择一个您有权发稿的栏目。")
            return redirect("wagtailadmin_home")
        return redirect(
            "wagtailadmin_pages:add", model._meta.app_label, model._meta.model_name, int(section_id)
        )
