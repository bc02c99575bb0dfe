"""Admin wiring: glossary snippets, the "规范用语检查" action, review history,
dashboard panels and the guard that keeps workflow pages inside the workflow."""

from django.contrib import messages as django_messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.people import person_name

from .guide import EditorGuideView, help_menu_items
from .models import GlossaryEntry, HouseStyleCheckTask
from .panels import EDITORIAL_PANELS
from .views import HouseStyleReportView, NewArticleView, QuickReviewView, ReviewHistoryView, workflow_outcome

RESUBMIT_LABEL = "重新提交审核（将重新经过规范用语检查和初审）"
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
        path(
            "editorial/pages/<int:page_id>/review/", QuickReviewView.as_view(), name="editorial_quick_review"
        ),
        path("editorial/new-article/", NewArticleView.as_view(), name="editorial_new_article"),
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
    """Pages under a workflow reach the public only through it, for everyone. This early refusal
    (before anything is saved) covers every role but the superuser; the superuser is refused by
    editorial/side_doors.py after the draft is saved, which is also the refusal logged to history."""
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


# --- say what will happen and what happened (issue 20) --------------------------------------
# One truthful banner after submit / resubmit / approve / reject from the editor, the resubmit
# button naming where the draft goes, and the last reviewer's comment shown in the editor itself.


class TruthfulSubmitMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "重新提交给复审" is wrong here: with re-approval on edit, a resubmitted draft
    starts again at the automatic check and 初审."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page is not None and page.pk else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            context["label"] = RESUBMIT_LABEL
        return context


@hooks.register("construct_page_action_menu")
def truthful_submit_button(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if item.name == "action-submit" and not isinstance(item, TruthfulSubmitMenuItem):
            menu_items[index] = TruthfulSubmitMenuItem(order=item.order)


def _say_instead(request, level, text, buttons=None):
    """Replace the success banners Wagtail queued in this request with one message of ours."""
    storage = django_messages.get_messages(request)
    kept = [message for message in storage if message.level != django_messages.SUCCESS]
    for message in kept:
        storage.add(message.level, message.message, message.extra_tags)
    {"success": messages.success, "warning": messages.warning, "error": messages.error}[level](
        request, text, buttons=buttons
    )


def _finished_state(page):
    """The page's workflow state as it stands after the action (None when the workflow ended)."""
    return Page.objects.get(pk=page.pk).specific.current_workflow_state


def _report_after_submit(request, page):
    workflow_state = _finished_state(page)
    if workflow_state is None:
        return
    task_state = workflow_state.current_task_state
    report_button = messages.button(reverse("editorial_house_style_report", args=[page.pk]), "查看检查报告")
    if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        if task_state is not None and isinstance(task_state.task.specific, HouseStyleCheckTask):
            _say_instead(request, "warning", check_returned_text(task_state), buttons=[report_button])
        return
    if task_state is not None:
        _say_instead(
            request,
            "success",
            f"《{page.get_admin_display_title()}》已提交：规范用语检查通过，现等待“{task_state.task.name}”审核。",
        )


def check_returned_text(task_state, limit=5):
    """The check's findings as one banner: what must change, at most `limit` lines, then a count."""
    lines = (task_state.comment or "").splitlines()
    findings = [line for line in lines[1:] if "[必须修改]" in line] or lines[1:]
    shown = findings[:limit]
    more = f"；另有 {len(findings) - limit} 处，见检查报告" if len(findings) > limit else ""
    return format_html(
        "规范用语检查未通过，稿件已退回给您，未提交给审核人。请按下列问题修改后点“{}”。<ul>{}</ul>{}",
        RESUBMIT_LABEL,
        format_html_join("", "<li>{}</li>", ((line,) for line in shown)),
        more,
    )


def _report_after_workflow_action(request, page):
    page = Page.objects.get(pk=page.pk).specific
    buttons = None
    if page.live and page.current_workflow_state is None:
        buttons = [messages.button(page.full_url or page.url or "", "查看线上页面", new_window=True)]
    _say_instead(request, "success", workflow_outcome(page), buttons=buttons)


@hooks.register("after_edit_page")
def report_after_edit(request, page):
    if request.method != "POST":
        return
    if "action-submit" in request.POST:
        _report_after_submit(request, page)
    elif "action-workflow-action" in request.POST:
        _report_after_workflow_action(request, page)


@hooks.register("after_create_page")
def report_check_after_create(request, page):
    if request.method == "POST" and "action-submit" in request.POST:
        _report_after_submit(request, page)


def sent_back_notice(page):
    """(text, buttons) telling the editor why the page was sent back, or None."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return None
    task_state = workflow_state.current_task_state
    if task_state is None:
        return None
    report = messages.button(reverse("editorial_house_style_report", args=[page.pk]), "查看检查报告")
    history = messages.button(reverse("editorial_review_history", args=[page.pk]), "审核记录")
    if isinstance(task_state.task.specific, HouseStyleCheckTask):
        return check_returned_text(task_state), [report, history]
    when = (
        timezone.localtime(task_state.finished_at).strftime("%Y-%m-%d %H:%M")
        if task_state.finished_at
        else ""
    )
    by = person_name(task_state.finished_by) or "审核人"
    comment = task_state.comment or "（未填写意见）"
    return (
        format_html(
            "“{}”退回了本稿（{}，{}）。退回意见：{}<br>修改后请点“{}”。",
            task_state.task.name,
            by,
            when,
            comment,
            RESUBMIT_LABEL,
        ),
        [history],
    )


@hooks.register("before_edit_page")
def show_why_it_was_sent_back(request, page):
    if request.method != "GET":
        return
    notice = sent_back_notice(page)
    if notice is not None:
        text, buttons = notice
        messages.warning(request, text, buttons=buttons)


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
from . import media_side_doors, side_doors  # noqa: E402, F401
