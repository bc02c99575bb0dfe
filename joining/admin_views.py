"""The officers' side in the Wagtail admin: the queue, one application, export, deletion.

Applications are personal data: only 入会受理员 within their organisations' subtree and site
administrators reach them (`scoping.py`), and every list view, detail view, export and
deletion is written to the audit log.
"""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import View
from wagtail.log_actions import log

from core.admin_views import AdminScreen
from core.listing import page_range_with_gaps, paginate, parse_choice_filters
from directory.vocab import PREFECTURE_CHOICES

from .audit import log_many
from .models import Application, Status, normalise_receipt_code
from .scoping import applications_for, can_handle, eligible_assignees, is_officer, organisations_for, sees_all
from .services import DELETED, EXPORTED, LISTED, VIEWED, assign, change_status

PER_PAGE = 50
# Spreadsheet programs run cells starting with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def require_officer(user):
    if not is_officer(user):
        raise PermissionDenied("只有入会受理员和站点管理员可以查看入会申请。")


class QueueFilters:
    def __init__(self, request):
        allowed = {
            "status": {value for value, _ in Status.choices} | {"open", "overdue"},
            "region": {value for value, _ in PREFECTURE_CHOICES},
            "assigned": {"me", "none"},
            "organisation": lambda value: value if value.isdigit() else None,
        }
        self.parsed = parse_choice_filters(request, allowed)
        self.active = self.parsed.active
        self.q = " ".join(request.GET.get("q", "").split())[:50]

    def apply(self, queryset, user):
        status = self.active.get("status")
        if status == "open":
            queryset = queryset.open()
        elif status == "overdue":
            queryset = queryset.overdue()
        elif status:
            queryset = queryset.filter(status=status)
        if "region" in self.active:
            queryset = queryset.filter(prefecture=self.active["region"])
        if self.active.get("assigned") == "me":
            queryset = queryset.filter(assigned_to=user)
        elif self.active.get("assigned") == "none":
            queryset = queryset.filter(assigned_to__isnull=True)
        if "organisation" in self.active:
            organisation = organisations_for(user).filter(pk=self.active["organisation"]).first()
            queryset = (
                queryset.filter(organisation__tree_path__startswith=organisation.tree_path)
                if organisation
                else queryset.none()
            )
        if self.q:
            code = normalise_receipt_code(self.q)
            queryset = queryset.filter(
                Q(receipt_code=code)
                | Q(name__contains=self.q)
                | Q(mobile__contains=self.q)
                | Q(employer__contains=self.q)
            )
        return queryset

    def as_log_data(self):
        return {**self.active, "q": self.q}


class QueueView(AdminScreen):
    template_name = "joining/admin/queue.html"
    page_title = "入会申请"
    header_icon = "group"
    title_in_breadcrumbs = True
    check_access = staticmethod(require_officer)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        filters = QueueFilters(self.request)
        queryset = filters.apply(applications_for(user), user).select_related("organisation", "assigned_to")
        listing = paginate(self.request, queryset.order_by("-created_at", "-pk"), PER_PAGE)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            listing=listing,
            page_numbers=page_range_with_gaps(listing),
            query_prefix=query.urlencode(),
            filters=filters,
            status_choices=[("open", "未办结"), ("overdue", "超期未联系"), *Status.choices],
            region_choices=PREFECTURE_CHOICES,
            organisation_choices=organisations_for(user)
            .exclude(level="grassroots")
            .order_by("tree_path")[:300],
            sees_all=sees_all(user),
            export_url=reverse("joining_admin:export") + (f"?{query.urlencode()}" if query else ""),
            now=timezone.now(),
        )
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        listing = response.context_data["listing"]
        # A list view shows names and mobiles: one audit entry per application shown.
        log_many(
            listing.object_list,
            LISTED,
            request.user,
            {"filters": response.context_data["filters"].as_log_data()},
        )
        return response


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label="改为", choices=())
    comment = forms.CharField(
        label="说明", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    public = forms.BooleanField(label="向申请人显示这条说明", required=False, initial=True)
    reason = forms.CharField(label="未通过原因（向申请人显示）", required=False, max_length=500)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (status.value, status.label) for status in application.allowed_transitions()
        ]


class DetailView(AdminScreen):
    template_name = "joining/admin/detail.html"
    header_icon = "group"
    check_access = staticmethod(require_officer)

    def load(self, request, pk, **kwargs):
        self.application = get_object_or_404(
            Application.objects.select_related("organisation", "assigned_to"), pk=pk
        )
        if not can_handle(request.user, self.application):
            raise PermissionDenied("这份入会申请不在您负责的组织范围内。")

    def get_page_title(self):
        return str(self.application)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("joining_admin:queue"), "label": "入会申请"},
            {"url": "", "label": self.application.receipt_display},
        ]

    def get_context_data(self, status_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        context.update(
            application=application,
            events=application.events.select_related("actor"),
            status_form=status_form or StatusForm(application=application),
            assignees=eligible_assignees(application),
            can_delete=sees_all(self.request.user)
            or self.request.user.has_perm("joining.delete_application"),
        )
        return context

    def get(self, request, *args, **kwargs):
        log(instance=self.application, action=VIEWED, user=request.user)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        application = self.application
        if request.POST.get("action") == "assign":
            User = get_user_model()
            assignee_id = request.POST.get("assignee", "")
            assignee = User.objects.filter(pk=assignee_id).first() if assignee_id.isdigit() else None
            try:
                assign(application, request.user, assignee)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, "已分派。")
            return redirect("joining_admin:detail", application.pk)
        form = StatusForm(request.POST, application=application)
        if form.is_valid():
            try:
                change_status(
                    application,
                    request.user,
                    form.cleaned_data["to_status"],
                    comment=form.cleaned_data["comment"],
                    public=form.cleaned_data["public"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, f"状态已改为“{application.get_status_display()}”。")
                return redirect("joining_admin:detail", application.pk)
        response = self.render_to_response(self.get_context_data(status_form=form))
        response.status_code = 400
        return response


def spreadsheet_safe(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class Echo:
    def write(self, value):
        return value


EXPORT_COLUMNS = [
    ("回执码", lambda a: a.receipt_display),
    ("提交时间", lambda a: timezone.localtime(a.created_at).strftime("%Y-%m-%d %H:%M")),
    ("状态", lambda a: a.get_status_display()),
    ("姓名", lambda a: a.name),
    ("手机号码", lambda a: a.mobile),
    ("性别", lambda a: a.get_gender_display()),
    ("民族", lambda a: a.ethnicity),
    ("工作单位或平台", lambda a: a.employer),
    ("工作类型", lambda a: a.get_work_kind_display()),
    ("市州", lambda a: a.prefecture),
    ("县区", lambda a: a.county),
    ("行业", lambda a: a.get_industry_display()),
    ("申请加入", lambda a: a.organisation.name if a.organisation else "请帮我匹配"),
    ("经办人", lambda a: a.assigned_to.get_username() if a.assigned_to else ""),
    (
        "首次联系期限",
        lambda a: timezone.localtime(a.first_contact_due).strftime("%Y-%m-%d") if a.first_contact_due else "",
    ),
]


class ExportView(View):
    def get(self, request):
        require_officer(request.user)
        filters = QueueFilters(request)
        queryset = filters.apply(applications_for(request.user), request.user).select_related(
            "organisation", "assigned_to"
        )
        queryset = queryset.filter(anonymised_at__isnull=True).order_by("-created_at")
        count = queryset.count()
        writer = csv.writer(Echo())

        def rows():
            yield "\ufeff"
            yield writer.writerow([title for title, _ in EXPORT_COLUMNS])
            for application in queryset.iterator(chunk_size=500):
                yield writer.writerow([spreadsheet_safe(get(application)) for _, get in EXPORT_COLUMNS])

        # One audit entry per exported application: who took whose data, with which filters.
        log_many(
            queryset.select_related(None).only("pk", "receipt_code"),
            EXPORTED,
            request.user,
            {"filters": filters.as_log_data(), "rows": count},
        )
        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ruhui-{timezone.localdate():%Y%m%d}.csv"'
        return response


class DeleteView(View):
    def post(self, request, pk):
        application = get_object_or_404(Application, pk=pk)
        if not (
            sees_all(request.user) or request.user.has_perm("joining.delete_application")
        ) or not can_handle(request.user, application):
            raise PermissionDenied("您无权删除这份入会申请。")
        log(instance=application, action=DELETED, user=request.user, data={"status": application.status})
        application.delete()
        messages.success(request, "入会申请已删除。")
        return redirect("joining_admin:queue")
