"""我为网站找错: the public form and lookup, and the site administrators' queue in the admin."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from core.admin_views import AdminScreen
from core.listing import parse_choice_filters
from core.protection import register_attempt

from .admin_views import CaseScreen, queue_context
from .facts import admin_error_facts, error_facts
from .forms import ErrorAnswerForm, ErrorLookupForm, ErrorReportForm
from .models import ErrorReport, ErrorStatus, new_code, normalise_code
from .views import lookup_page, too_many, window_wait

HANDLE_ERRORS_PERMISSION = "interaction.handle_errorreport"
SESSION_KEY = "interaction_error_report"

ACTIONS = {
    "interaction.error_reported": ("网站纠错", "提交了纠错报告"),
    "interaction.error_answered": ("答复纠错", "答复了纠错报告"),
    "interaction.error_invalid": ("无效纠错", "把纠错报告标记为无效"),
}


def reported_page(request):
    """The page the reader came from: `?url=`, else the Referer when it is this site."""
    if request.GET.get("url"):
        return request.GET["url"][:500]
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if referer.netloc and referer.netloc == request.get_host() and referer.path:
        return (referer.path + (f"?{referer.query}" if referer.query else ""))[:500]
    return ""


@never_cache
def report(request):
    template = "interaction/error_report.html"
    if request.method != "POST":
        return render(
            request,
            template,
            {"form": ErrorReportForm(initial={"page_url": reported_page(request)})},
        )
    form = ErrorReportForm(request.POST)
    context = {"form": form}
    if not register_attempt(
        request, "interaction-errors", settings.INTERACTION_RATE_LIMIT, settings.INTERACTION_RATE_WINDOW
    ):
        wait, wait_text = window_wait(request, "interaction-errors", settings.INTERACTION_RATE_WINDOW)
        return too_many(
            request,
            template,
            context,
            f"提交过于频繁，请在 {wait_text}后再试。已填写的内容保留在下面。",
            wait,
        )
    if request.POST.get(ErrorReportForm.honeypot_name):
        return render(request, "interaction/error_receipt.html", {"code": new_code()})
    if not form.is_valid():
        context["form_message"] = "提交未成功：请按下面标出的提示修改后再提交，已填写的内容都保留着。"
        return render(request, template, context, status=400)
    data = form.cleaned_data
    error = ErrorReport.objects.create(
        page_url=data["page_url"], kind=data["kind"], description=data["description"], contact=data["contact"]
    )
    log(instance=error, action="interaction.error_reported", user=None)
    request.session[SESSION_KEY] = error.pk
    return redirect("interaction:error_receipt")


@never_cache
def receipt(request):
    error = ErrorReport.objects.filter(pk=request.session.get(SESSION_KEY)).first()
    if error is None:
        return redirect("interaction:error_report")
    return render(request, "interaction/error_receipt.html", {"code": error.code, "error": error})


def _show_error(request, template, form, context):
    if form.is_valid():
        context["error"] = ErrorReport.objects.filter(code=normalise_code(form.cleaned_data["code"])).first()
        if context["error"] is None:
            context["form_message"] = "没有找到这个受理编号的纠错报告，请核对后再查询。"
        else:
            context["facts"] = error_facts(context["error"])
    return render(request, template, context)


@never_cache
def lookup(request):
    return lookup_page(request, "interaction/error_lookup.html", ErrorLookupForm, _show_error)


# --- admin -----------------------------------------------------------------------


def require_permission(user):
    if not user.has_perm(HANDLE_ERRORS_PERMISSION):
        raise PermissionDenied("只有站点管理员可以处理纠错报告。")


class ErrorQueueView(AdminScreen):
    template_name = "interaction/admin/error_queue.html"
    page_title = "网站纠错"
    header_icon = "warning"
    check_access = staticmethod(require_permission)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = parse_choice_filters(self.request, {"status": ErrorStatus.values, "due": ("overdue",)})
        queryset = ErrorReport.objects.all()
        if "status" in filters.active:
            queryset = queryset.filter(status=filters.active["status"])
        if filters.active.get("due") == "overdue":
            queryset = queryset.filter(status=ErrorStatus.SUBMITTED, due__lt=timezone.now())
        context.update(
            queue_context(self.request, queryset.order_by("-created_at", "-pk"), filters),
            status_choices=ErrorStatus.choices,
        )
        return context


class ErrorDetailView(CaseScreen):
    template_name = "interaction/admin/error_detail.html"
    header_icon = "warning"
    check_access = staticmethod(require_permission)

    def cases_for(self, user):
        return ErrorReport.objects.all()

    def get_page_title(self):
        return f"纠错 {self.case.code}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        error = self.case
        context.update(
            error=error,
            facts=admin_error_facts(error),
            overdue=error.is_overdue(),
            form=ErrorAnswerForm(initial={"answer": error.answer}),
            history=self.history(),
        )
        return context


@require_POST
def error_action(request, pk, name):
    require_permission(request.user)
    error = get_object_or_404(ErrorReport, pk=pk)
    detail = reverse("interaction_admin:error_detail", args=[error.pk])
    if error.status != ErrorStatus.SUBMITTED:
        flash.error(request, "这份报告已经处理过。")
        return redirect(detail)
    if name == "answer":
        form = ErrorAnswerForm(request.POST)
        if not form.is_valid():
            flash.error(request, "请填写答复（不超过 2000 字）。")
            return redirect(detail)
        error.answer = form.cleaned_data["answer"].strip()
        error.status = ErrorStatus.ANSWERED
        action = "interaction.error_answered"
    elif name == "invalid":
        error.answer = request.POST.get("answer", "").strip()[:2000] or "经核实，页面内容无误。"
        error.status = ErrorStatus.INVALID
        action = "interaction.error_invalid"
    else:
        return redirect(detail)
    error.answered_at = timezone.now()
    error.answered_by = request.user
    error.save()
    log(instance=error, action=action, user=request.user)
    flash.success(request, "已保存。")
    return redirect(detail)
