"""Case handling in the Wagtail admin: the queue, one case, its steps, attachment downloads.

Every view checks the user's role and region (`interaction.access`); a case outside the user's
regions is a 404, as if it did not exist. Every step goes through `interaction.cases`, which
writes the audit log.
"""

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.admin_views import AdminScreen
from core.listing import paginate, parse_choice_filters

from . import cases
from .access import SUPERVISOR, handlers_for, role_of, visible_messages
from .facts import admin_message_facts
from .forms import AssignForm, NoteForm, ReasonForm, ReplyForm, TransferForm
from .models import (
    OPEN_STATUSES,
    Attachment,
    Category,
    Region,
    Status,
    due_soon_condition,
    overdue_condition,
    without_deadline_condition,
)
from .publishing import LetterError, draft_letter


def require_role(user):
    if role_of(user) is None:
        raise PermissionDenied("只有维权受理员和维权督办可以处理职工留言。")


def colleagues(message):
    """Users a case can be assigned to: the region's handlers and the supervisors."""
    return list(handlers_for(message.region).order_by("last_name", "first_name", "username"))


def queue_context(request, queryset, filters):
    """A queue's page of 50 (messages or error reports), each row with whether it is overdue now."""
    listing = paginate(request, queryset, per_page=50)
    now = timezone.now()
    return {
        "listing": listing,
        "rows": [(item, item.is_overdue(now)) for item in listing],
        "filters": filters,
        "query": request.GET.urlencode(),
    }


class QueueView(AdminScreen):
    template_name = "interaction/admin/queue.html"
    page_title = "职工留言"
    header_icon = "mail"
    check_access = staticmethod(require_role)

    def get_queryset(self, filters):
        queryset = visible_messages(self.request.user).select_related("assigned_to")
        active = filters.active
        if "status" in active:
            queryset = queryset.filter(status=active["status"])
        if "category" in active:
            queryset = queryset.filter(category=active["category"])
        if "region" in active:
            queryset = queryset.filter(region=active["region"])
        due = active.get("due")
        if due == "overdue":
            queryset = queryset.overdue()
        elif due == "soon":
            queryset = queryset.due_soon()
        elif due == "unknown":
            queryset = queryset.without_deadline()
        if active.get("mine") == "1":
            queryset = queryset.filter(assigned_to=self.request.user)
        return queryset.order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = parse_choice_filters(
            self.request,
            {
                "status": Status.values,
                "category": Category.values,
                "region": Region.values,
                "due": ("overdue", "soon", "unknown"),
                "mine": ("1",),
            },
        )
        context.update(
            queue_context(self.request, self.get_queryset(filters), filters),
            status_choices=Status.choices,
            category_choices=Category.choices,
            region_choices=Region.choices,
            due_choices=[
                ("overdue", "已超期"),
                ("soon", "2天内到期"),
                ("unknown", "日历未录入、无法计算期限"),
            ],
        )
        return context


class CaseScreen(AdminScreen):
    """One message or error report, found by its pk among `cases_for(user)` (else a 404)."""

    def cases_for(self, user):
        raise NotImplementedError

    def load(self, request, pk, **kwargs):
        self.case = get_object_or_404(self.cases_for(request.user), pk=pk)

    def history(self):
        """The case's log, newest first."""
        return ModelLogEntry.objects.for_instance(self.case).select_related("user").order_by("-timestamp")


class DetailView(CaseScreen):
    template_name = "interaction/admin/detail.html"
    header_icon = "mail"
    check_access = staticmethod(require_role)
    cases_for = staticmethod(visible_messages)

    def get_page_title(self):
        return f"留言 {self.case.code}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        message = self.case
        show_contact = self.request.GET.get("contact") == "1" and message.anonymised_at is None
        if show_contact:
            cases.record_personal_data_view(self.request.user, message)
        context.update(
            message=message,
            facts=admin_message_facts(message, show_contact),
            replies=message.replies.select_related("author"),
            notes=message.notes.select_related("author"),
            attachments=message.attachments.all(),
            transitions=[
                (name, cases.TRANSITIONS[name].label)
                for name in cases.allowed_transitions(self.request.user, message)
            ],
            reply_form=ReplyForm(),
            note_form=NoteForm(),
            reason_form=ReasonForm(),
            transfer_form=TransferForm(initial={"region": message.region}),
            assign_form=AssignForm(
                users=colleagues(message),
                initial={"assignee": message.assigned_to_id, "department": message.department},
            ),
            is_open=message.is_open,
            can_draft_letter=(
                role_of(self.request.user) == SUPERVISOR
                and message.publish_consent
                and message.status in (Status.ANSWERED, Status.CLOSED)
                and message.anonymised_at is None
                and not message.letters.exists()
            ),
            overdue=message.is_overdue(),
            history=self.history()[:50],
        )
        return context


def _cleaned(form, refusal):
    """The form's data, or the step refused with `refusal` (shown to the handler)."""
    if not form.is_valid():
        raise cases.CaseError(refusal)
    return form.cleaned_data


@require_POST
def action(request, pk, name):
    require_role(request.user)
    message = get_object_or_404(visible_messages(request.user), pk=pk)
    detail_url = reverse("interaction_admin:detail", args=[message.pk])
    try:
        if name in cases.TRANSITIONS:
            form = ReasonForm(request.POST)
            form.is_valid()
            cases.transition(request.user, message, name, reason=form.cleaned_data.get("reason", ""))
        elif name == "reply":
            data = _cleaned(ReplyForm(request.POST), "答复内容不能为空，且不超过 5000 字。")
            cases.reply(request.user, message, data["body"], data["is_final"])
        elif name == "note":
            data = _cleaned(NoteForm(request.POST), "备注内容不能为空，且不超过 3000 字。")
            cases.add_note(request.user, message, data["body"])
        elif name == "transfer":
            data = _cleaned(TransferForm(request.POST), "请选择要转交的地区。")
            cases.transfer(request.user, message, data["region"], data["reason"])
        elif name == "letter":
            try:
                letter = draft_letter(request.user, message)
            except LetterError as error:
                raise cases.CaseError(str(error)) from error
            flash.success(request, "已生成信件公开稿：请审核隐去个人信息后的文字，再按审核流程发布。")
            return redirect("wagtailadmin_pages:edit", letter.pk)
        elif name == "assign":
            data = _cleaned(AssignForm(request.POST, users=colleagues(message)), "请从列表中选择承办人。")
            assignee_id = data["assignee"]
            assignee = get_user_model().objects.filter(pk=assignee_id).first() if assignee_id else None
            cases.assign(request.user, message, assignee, data["department"])
        else:
            raise Http404
    except cases.CaseError as error:
        flash.error(request, str(error))
        return redirect(detail_url)
    flash.success(request, "已保存。")
    # A handler who transferred a case away may no longer see it.
    if not visible_messages(request.user).filter(pk=message.pk).exists():
        return redirect("interaction_admin:queue")
    return redirect(detail_url)


def download_attachment(request, pk):
    require_role(request.user)
    attachment = get_object_or_404(
        Attachment.objects.select_related("message"),
        pk=pk,
        message__in=visible_messages(request.user),
    )
    if attachment.message.anonymised_at is not None or not attachment.file:
        raise Http404
    log(
        instance=attachment.message,
        action="interaction.attachment_downloaded",
        user=request.user,
        data={"attachment": attachment.pk},
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def handler_summary(user, now=None):
    """Rows (handler name, overdue, due soon) for the dashboard panel, within the user's regions."""
    now = now or timezone.now()
    # One grouped scan of the open cases gives every figure of the panel.
    grouped = (
        visible_messages(user)
        .filter(status__in=OPEN_STATUSES)
        .order_by()
        .values_list("assigned_to")
        .annotate(
            overdue=Count("pk", filter=overdue_condition(now)),
            soon=Count("pk", filter=due_soon_condition(now)),
            unknown=Count("pk", filter=without_deadline_condition()),
        )
    )
    counts, unknown = {}, 0
    for assignee, overdue, soon, no_deadline in grouped:
        unknown += no_deadline
        if overdue or soon:
            counts[assignee] = {"overdue": overdue, "soon": soon}
    users = get_user_model().objects.in_bulk([pk for pk in counts if pk is not None])
    rows = []
    for pk, values in counts.items():
        user_obj = users.get(pk)
        label = (
            (f"{user_obj.last_name}{user_obj.first_name}".strip() or user_obj.get_username())
            if user_obj
            else "未分派"
        )
        rows.append({"label": label, **values})
    rows.sort(key=lambda row: (-row["overdue"], -row["soon"], row["label"]))
    return rows, unknown
