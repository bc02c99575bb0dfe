"""站点巡查 admin screens (站点管理员), and /healthz for an external monitor."""

import datetime

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.roles import SITE_ADMIN

from . import indicators, report, rules
from .models import InspectionRun, LinkOccurrence, LinkResult, WordingHit


def is_site_admin(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=SITE_ADMIN).exists())


class SiteAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not is_site_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScorecardView(SiteAdminMixin, TemplateView):
    template_name = "inspection/scorecard.html"
    page_title = "站点巡查"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        last = InspectionRun.objects.filter(state=InspectionRun.DONE).first()
        running = InspectionRun.objects.filter(state=InspectionRun.RUNNING).first()
        # Live figures (plain counts); the render check comes from the last complete run.
        context.update(rows=indicators.scorecard_data(run=last), last_run=last, running=running)
        return context


class SectionsView(SiteAdminMixin, TemplateView):
    template_name = "inspection/sections.html"
    page_title = "栏目更新情况"

    def dispatch(self, request, *args, **kwargs):
        # Every editor may look; the rules themselves are edited as snippets.
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["sections"] = [
            {"status": s, "stale": s.is_stale(today), "warn": s.warn(today), "left": s.days_left(today)}
            for s in rules.sections()
        ]
        context["undated"] = rules.undated_items().only("id", "title")[:50]
        context["future"] = rules.future_items().only("id", "title", "display_date")[:50]
        return context


class LinksView(SiteAdminMixin, TemplateView):
    template_name = "inspection/links.html"
    page_title = "失效链接和附件"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        broken = (
            LinkResult.objects.filter(
                state__in=[LinkResult.BROKEN, LinkResult.MALFORMED], fixed_at__isnull=True
            )
            .annotate(n=Count("occurrences"))
            .filter(n__gt=0)
            .prefetch_related(
                Prefetch("occurrences", queryset=LinkOccurrence.objects.select_related("editor", "page"))
            )
            .order_by("-first_broken_at")[:500]
        )
        context["links"] = broken
        return context


class WordingView(SiteAdminMixin, TemplateView):
    template_name = "inspection/wording.html"
    page_title = "用语问题"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["hits"] = (
            WordingHit.objects.filter(fixed_at__isnull=True)
            .select_related("page")
            .order_by("-serious", "-found_at")[:500]
        )
        return context


class AnnualReportView(SiteAdminMixin, TemplateView):
    template_name = "inspection/annual.html"
    page_title = "网站工作年度报表"

    def year(self):
        this_year = timezone.localdate().year
        try:
            year = int(self.request.GET.get("year") or self.request.POST.get("year") or this_year - 1)
        except ValueError:
            year = this_year - 1
        return min(max(year, 2000), this_year)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            year = self.year()
            response = HttpResponse(
                report.xlsx_bytes(report.annual_figures(year)),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="annual-report-{year}.xlsx"'
            return response
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        page = report.draft_page(report.annual_figures(self.year()), request.user)
        messages.success(request, f"已生成草稿“{page.title}”，请检查后提交审核。")
        return redirect("wagtailadmin_pages:edit", page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.year()
        figures = report.annual_figures(year)
        this_year = timezone.localdate().year
        context.update(
            figures=figures,
            summary=report.summary_lines(figures),
            year=year,
            years=list(range(this_year, this_year - 6, -1)),
        )
        return context


@never_cache
def healthz(request):
    """200 when the database and the cache answer, else 503. No session, no cookies, no page."""
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        problems.append("database")
    try:
        key = "healthz:probe"
        stamp = datetime.datetime.now(datetime.UTC).isoformat()
        cache.set(key, stamp, 30)
        if cache.get(key) != stamp:
            problems.append("cache")
    except Exception:
        problems.append("cache")
    response = JsonResponse(
        {"status": "fail" if problems else "ok", "failed": problems}, status=503 if problems else 200
    )
    return response


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])
