"""No side door around 三审: every Wagtail action that would make content live, or change what is
live, without the three reviews is refused, for every user, superusers included.

The paths, taken from Wagtail 8's own hooks and actions:

- publish from the editor, on create, on edit and on "revert to this revision"
  (`before_publish_page`; the button is hidden by `construct_page_action_menu`), which also
  covers scheduling (a go-live date set by the publish action);
- copy with "publish copies" and creating an alias (aliases are always live) (`before_copy_page`);
- moving a live page, or a page with live pages below it (`before_move_page`, bulk "move");
- bulk publish (`before_bulk_action`);
- the scheduler: `manage.py publish_scheduled` (editorial's override) publishes only revisions
  that the workflow approved (`approved_by_workflow`).

What remains: the workflow itself (three different people, see editorial/models/tasks.py);
unpublishing (终审 and superusers, by Wagtail's permission; logged by Wagtail as 取消发布);
deleting a live page (终审 and superusers, by Wagtail's permission; logged). Every refusal is
written to the page's history (日志 / 站点历史) as "绕过三审的操作被拒绝", naming who tried what.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, TaskState, WorkflowState

REFUSED_LOG_ACTION = "editorial.side_door_refused"

PUBLISH_REFUSED = "本页由“三审”工作流管理，任何人（包括超级管理员）都不能直接发布或定时发布：请提交审核，终审通过后自动发布。"
COPY_REFUSED = "不能“复制并发布”或创建别名：复制出的页面须保存为草稿，提交“三审”后才能发布。"
MOVE_REFUSED = (
    "已发布的页面（或其下有已发布页面）不能移动到其他栏目：请终审先取消发布，移动后重新提交“三审”。"
)
BULK_PUBLISH_REFUSED = "“三审”管理的页面不能批量发布：请逐篇提交审核，终审通过后自动发布。"
SCHEDULE_REFUSED = "未经“三审”通过的版本不能定时发布，已取消其定时：{title}"


def under_workflow(page):
    return page is not None and page.get_workflow() is not None


def approved_by_workflow(revision):
    """True when this revision is the one a completed 三审 (every stage approved) published."""
    return TaskState.objects.filter(
        revision_id=revision.pk,
        status=TaskState.STATUS_APPROVED,
        workflow_state__status=WorkflowState.STATUS_APPROVED,
    ).exists()


def log_refusal(page, user, what):
    log(
        instance=page,
        action=REFUSED_LOG_ACTION,
        user=user if getattr(user, "is_authenticated", False) else None,
        data={"attempt": what},
    )


def _refuse(request, page, message, what, redirect_url):
    log_refusal(page, request.user, what)
    messages.error(request, message)
    return redirect(redirect_url)


def _has_live_pages(page):
    return page.live or page.get_descendants().live().exists()


@hooks.register("register_log_actions")
def register_refusal_log_action(actions):
    @actions.register_action(REFUSED_LOG_ACTION)
    class RefusedSideDoor(LogFormatter):
        label = "绕过三审的操作被拒绝"

        def format_message(self, log_entry):
            return "绕过三审的操作被拒绝：" + log_entry.data.get("attempt", "")


@hooks.register("construct_page_action_menu")
def hide_publish_for_everyone(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if under_workflow(page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_publish_page")
def refuse_publish(request, page):
    # Runs after the draft revision is saved: what was typed is kept as a draft, nothing goes live.
    if under_workflow(page):
        return _refuse(
            request, page, PUBLISH_REFUSED, "直接发布", reverse("wagtailadmin_pages:edit", args=[page.pk])
        )


@hooks.register("before_copy_page")
def refuse_publishing_copy(request, page):
    if request.method != "POST":
        return None
    publishing = request.POST.get("publish_copies") or request.POST.get("alias")
    if not publishing:
        return None
    destination = Page.objects.filter(pk=request.POST.get("new_parent_page") or 0).first()
    if under_workflow(page) or under_workflow(destination):
        what = "创建别名" if request.POST.get("alias") else "复制并发布"
        return _refuse(request, page, COPY_REFUSED, what, reverse("wagtailadmin_pages:copy", args=[page.pk]))
    return None


@hooks.register("before_move_page")
def refuse_moving_live_pages(request, page, destination):
    if (under_workflow(page) or under_workflow(destination)) and _has_live_pages(page):
        return _refuse(
            request,
            page,
            MOVE_REFUSED,
            f"移动已发布页面到“{destination.get_admin_display_title()}”",
            reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        )
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_side_doors(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if not pages:
        return None
    if action_type == "publish":
        refused = [page for page in pages if under_workflow(page)]
        message, what = BULK_PUBLISH_REFUSED, "批量发布"
    elif action_type == "move":
        refused = [page for page in pages if under_workflow(page) and _has_live_pages(page)]
        message, what = MOVE_REFUSED, "批量移动已发布页面"
    else:
        return None
    if refused:
        for page in refused:
            log_refusal(page, request.user, what)
        messages.error(request, message)
        return redirect(reverse("wagtailadmin_explore", args=[refused[0].get_parent().pk]))
    return None
