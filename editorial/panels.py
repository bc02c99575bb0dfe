"""Dashboard panels for editors: my reviews, my items sent back, scheduled items, stale sections."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState, WorkflowState, WorkflowTask

from core.people import person_name

from .views import QuickReviewForm, sections_for_new_article

PANEL_LIMIT = 10


class EditorialPanel(Component):
    """A dashboard table: heading, an explanation when empty, rows of (title, url, note, when)."""

    template_name = "components/admin/dashboard_panel.html"
    heading = ""
    empty_text = ""
    # A template for one more cell a row (and its column heading), e.g. the 快速审核 form.
    extra_cell = None
    extra_heading = ""

    def get_rows(self, user):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        rows = self.get_rows(user)
        return {
            "heading": self.heading,
            "empty_text": self.empty_text,
            "rows": rows,
            "panel_id": self.name,
            "date_format": "Y-m-d H:i",
            "extra_cell": self.extra_cell,
            "extra_heading": self.extra_heading,
            "blank_form": self.blank_form(),
            # Components render with their own context: the 快速审核 forms need the token passed on.
            "csrf_token": parent_context.get("csrf_token"),
        }

    def blank_form(self):
        return None


def _edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _pages_by_id(ids):
    return {
        page.pk: page
        for page in Page.objects.filter(pk__in=[int(pk) for pk in ids]).only("id", "title", "draft_title")
    }


def _stage_labels(states):
    """{task_state.pk: approve label} from each workflow's task order (one query per workflow)."""
    orders = {}
    for workflow_id in {state.workflow_state.workflow_id for state in states}:
        orders[workflow_id] = list(
            WorkflowTask.objects.filter(workflow_id=workflow_id, task__active=True)
            .order_by("sort_order")
            .values_list("task__name", flat=True)
        )
    labels = {}
    for state in states:
        names = orders[state.workflow_state.workflow_id]
        position = names.index(state.task.name) if state.task.name in names else len(names) - 1
        labels[state.pk] = f"批准，转交{names[position + 1]}" if position + 1 < len(names) else "批准并发布"
    return labels


class AwaitingMyReviewPanel(EditorialPanel):
    """待我审核: each row has a preview link and an approve / send-back form (快速审核)."""

    name = "editorial_awaiting_review"
    order = 90
    heading = "待我审核"
    empty_text = "目前没有等待您审核的稿件。"
    extra_cell = "editorial/panels/review_cell.html"
    extra_heading = "审核"

    def blank_form(self):
        return QuickReviewForm()

    def get_rows(self, user):
        states = list(
            TaskState.objects.reviewable_by(user)
            .filter(status=TaskState.STATUS_IN_PROGRESS)
            .select_related("task", "workflow_state__requested_by")
            .order_by("started_at")[:PANEL_LIMIT]
        )
        pages = _pages_by_id(state.workflow_state.object_id for state in states)
        labels = _stage_labels(states)
        home = reverse("wagtailadmin_home")
        rows = []
        for state in states:
            page = pages.get(int(state.workflow_state.object_id))
            if page is None:
                continue
            submitter = state.workflow_state.requested_by
            rows.append(
                {
                    "title": page.get_admin_display_title(),
                    "url": _edit_url(page.pk),
                    "note": f"{state.task.name} · 提交人 {person_name(submitter) or '—'}",
                    "when": state.started_at,
                    "preview_url": reverse(
                        "wagtailadmin_pages:workflow_preview", args=[page.pk, state.task_id]
                    ),
                    "review_url": reverse("editorial_quick_review", args=[page.pk]),
                    "approve_label": labels[state.pk],
                    "field_id": f"review-comment-{page.pk}",
                    "next": home,
                }
            )
        return rows


class MySentBackPanel(EditorialPanel):
    name = "editorial_sent_back"
    order = 95
    heading = "我被退回的稿件"
    empty_text = "没有被退回的稿件。"

    def get_rows(self, user):
        states = list(
            WorkflowState.objects.filter(requested_by=user, status=WorkflowState.STATUS_NEEDS_CHANGES)
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")[:PANEL_LIMIT]
        )
        pages = _pages_by_id(state.object_id for state in states)
        rows = []
        for state in states:
            page = pages.get(int(state.object_id))
            task_state = state.current_task_state
            if page is None or task_state is None:
                continue
            by = person_name(task_state.finished_by) or "系统"
            comment = (task_state.comment or "").splitlines()[0] if task_state.comment else ""
            rows.append(
                {
                    "title": page.get_admin_display_title(),
                    "url": _edit_url(page.pk),
                    "note": f"{task_state.task.name}退回（{by}）{('：' + comment) if comment else ''}",
                    "when": task_state.finished_at,
                }
            )
        return rows


class ScheduledPanel(EditorialPanel):
    name = "editorial_scheduled"
    order = 96
    heading = "待定时发布"
    empty_text = "没有已批准、等待定时发布的稿件。"

    def get_rows(self, user):
        revisions = list(
            Revision.page_revisions.filter(approved_go_live_at__isnull=False).order_by("approved_go_live_at")[
                :PANEL_LIMIT
            ]
        )
        pages = _pages_by_id(revision.object_id for revision in revisions)
        return [
            {
                "title": pages[int(revision.object_id)].get_admin_display_title(),
                "url": _edit_url(int(revision.object_id)),
                "note": "定时发布",
                "when": revision.approved_go_live_at,
            }
            for revision in revisions
            if int(revision.object_id) in pages
        ]


class NewArticlePanel(Component):
    """新建文章: choose the section here and land in the create form (no walk through the page tree)."""

    name = "editorial_new_article"
    order = 80
    template_name = "editorial/panels/new_article.html"

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {"sections": sections_for_new_article(user), "action_url": reverse("editorial_new_article")}


EDITORIAL_PANELS = [
    NewArticlePanel,
    AwaitingMyReviewPanel,
    MySentBackPanel,
    ScheduledPanel,
]
