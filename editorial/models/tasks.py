"""Workflow tasks of the 三审 workflow.

`HouseStyleCheckTask` runs the house-style check automatically as the first step.
`SeparatedApprovalTask` is Wagtail's group approval with role separation: within
one submission (workflow state) nobody approves their own submission, and nobody
approves two different stages, whatever groups they belong to.
"""

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState, WorkflowState

from core.people import person_name
from editorial import checker

from .house_style import check_page

RESPONSIBLE_EDITOR_FIELD = "responsible_editor"


class HouseStyleTaskState(TaskState):
    findings = models.JSONField("检查结果", default=list, blank=True)

    class Meta:
        verbose_name = "规范用语检查记录"
        verbose_name_plural = "规范用语检查记录"


class HouseStyleCheckTask(Task):
    """Approves the revision when the check finds nothing blocking, otherwise
    sends it back with the readable report as the comment."""

    task_state_class = HouseStyleTaskState

    class Meta:
        verbose_name = "规范用语检查（自动）"
        verbose_name_plural = "规范用语检查（自动）"

    @classmethod
    def get_description(cls):
        return "提交后自动检查规范用语和发稿规则；发现必须修改的问题时退回并附检查报告。"

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        findings = check_page(task_state.revision.as_object())
        task_state.findings = [finding.as_dict() for finding in findings]
        report = checker.format_report(findings)
        task_state.save(update_fields=["findings"])
        # update=False: WorkflowState.update() moves on (or marks "needs changes") itself
        # once start() returns a finished task state.
        if checker.blocking(findings):
            task_state.reject(user=None, update=False, comment=report)
        else:
            task_state.approve(user=None, update=False, comment=report)
        return task_state

    def get_actions(self, obj, user):
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        raise PermissionDenied("规范用语检查由系统自动完成，不能手动审批。")


class SeparatedApprovalTask(AbstractGroupApprovalTask):
    class Meta:
        verbose_name = "分级审核（审批人不得兼任）"
        verbose_name_plural = "分级审核（审批人不得兼任）"

    @classmethod
    def get_description(cls):
        return "所选用户组的成员审核此环节；提交人不能审核自己的稿件，同一人不能在同一次提交中审批两个环节。"

    # --- role separation -------------------------------------------------

    def refusal_reason(self, obj, user, workflow_state=None):
        """Why `user` may not approve this stage of the object's current submission (None if they may)."""
        workflow_state = workflow_state or obj.current_workflow_state
        if workflow_state is None or user is None:
            return None
        if workflow_state.requested_by_id == user.pk:
            return "不能审核自己提交的稿件。"
        other_stage = (
            TaskState.objects.filter(
                workflow_state=workflow_state,
                status=TaskState.STATUS_APPROVED,
                finished_by=user,
            )
            .exclude(task_id=self.pk)
            .select_related("task")
            .first()
        )
        if other_stage is not None:
            return f"您已审批本稿件的“{other_stage.task.name}”环节，同一人不能审批两个环节。"
        return None

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and self.refusal_reason(obj, user) is None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.refusal_reason(obj, user) is not None:
            # Still allowed to send it back, never to approve.
            actions = [action for action in actions if action[0] != "approve"]
        approve = self.approve_label(obj) if any(action[0] == "approve" for action in actions) else ""
        labels = {"approve": approve, "reject": "退回修改"}
        return [
            (name, f"{labels[name]}（填写意见）" if with_form else labels[name], with_form)
            if name in labels
            else (name, verbose, with_form)
            for name, verbose, with_form in actions
        ]

    def approve_label(self, obj):
        """What approving does: 批准并发布 (or 批准并定时发布) at the last stage, else who is next."""
        workflow_state = obj.current_workflow_state
        remaining = []
        if workflow_state is not None:
            remaining = list(
                Task.objects.filter(workflow_tasks__workflow=workflow_state.workflow, active=True)
                .exclude(task_states__in=workflow_state.successful_task_states)
                .order_by("workflow_tasks__sort_order")
            )
        if len(remaining) > 1:
            label = f"批准，转交{remaining[1].name}"
        else:
            latest = obj.get_latest_revision()
            go_live = parse_datetime(str((latest.content or {}).get("go_live_at") or "")) if latest else None
            label = "批准并定时发布" if go_live and go_live > timezone.now() else "批准并发布"
        return label

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        approved_elsewhere = (
            TaskState.objects.filter(status=TaskState.STATUS_APPROVED, finished_by=user)
            .exclude(task_id=self.pk)
            .values("workflow_state_id")
        )
        return states.exclude(workflow_state__requested_by=user).exclude(
            workflow_state_id__in=approved_elsewhere
        )

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            workflow_state = WorkflowState.objects.select_for_update().get(pk=task_state.workflow_state_id)
            obj = workflow_state.content_object
            reason = self.refusal_reason(obj, user, workflow_state=workflow_state)
            if reason:
                raise PermissionDenied(reason)
            if not (user.is_superuser or self._user_in_groups(user)):
                raise PermissionDenied("您不在本环节的审核用户组中。")
            if workflow_state.is_at_final_task:
                self.fill_responsible_editor(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    def fill_responsible_editor(self, task_state, user):
        """The final approver becomes 责任编辑 when the field is empty, before publication."""
        revision = task_state.revision
        latest = revision.content_object.get_latest_revision()
        if latest is None or latest.pk != revision.pk:
            return  # a newer revision restarts the workflow; nothing is published now
        if RESPONSIBLE_EDITOR_FIELD not in revision.content or revision.content.get(RESPONSIBLE_EDITOR_FIELD):
            return
        revision.content[RESPONSIBLE_EDITOR_FIELD] = person_name(user)
        revision.save(update_fields=["content"])
