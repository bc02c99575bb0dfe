"""Editorial roles, their permissions and the 三审 workflow, set up idempotently.

Used by `manage.py setup_editorial`, the demo content and the tests. Permissions
live in the database only after `migrate` has run, so this is a command and not
a data migration.
"""

import re

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import HouseStyleCheckTask, SeparatedApprovalTask

WRITER = "撰稿人"
FIRST_REVIEW = "初审编辑"
SECOND_REVIEW = "复审编辑"
FINAL_REVIEW = "终审（总编辑）"
SITE_ADMIN = "站点管理员"
ROLE_GROUPS = [WRITER, FIRST_REVIEW, SECOND_REVIEW, FINAL_REVIEW, SITE_ADMIN]

WORKFLOW_NAME = "三审"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
CHECK_TASK_NAME = "规范用语检查"
# (task name, group that approves it), in workflow order after the automatic check.
REVIEW_STAGES = [("初审", FIRST_REVIEW), ("复审", SECOND_REVIEW), ("终审", FINAL_REVIEW)]

# Page permissions on the root of the tree. Only the 终审 group may publish
# (and so unpublish); nobody here may delete published work in bulk.
PAGE_PERMISSIONS = {
    WRITER: ["add_page", "change_page"],
    FIRST_REVIEW: ["add_page", "change_page", "lock_page"],
    SECOND_REVIEW: ["add_page", "change_page", "lock_page"],
    FINAL_REVIEW: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    SITE_ADMIN: ["add_page", "change_page", "lock_page", "unlock_page"],
}
_MEDIA_EDIT = ["add", "change", "choose"]
_MEDIA_ALL = ["add", "change", "choose", "delete"]
MEDIA_PERMISSIONS = {
    WRITER: ["add", "choose"],
    FIRST_REVIEW: _MEDIA_EDIT,
    SECOND_REVIEW: _MEDIA_EDIT,
    FINAL_REVIEW: _MEDIA_ALL,
    SITE_ADMIN: _MEDIA_ALL,
}
SNIPPET_PERMISSIONS = {
    WRITER: ["view"],
    FIRST_REVIEW: ["view", "add", "change"],
    SECOND_REVIEW: ["view", "add", "change"],
    FINAL_REVIEW: ["view", "add", "change", "delete"],
    SITE_ADMIN: ["view", "add", "change", "delete"],
}
# Vocabularies shown on public pages (settings.EDITORIAL_PUBLIC_VOCABULARIES: 劳模 honour titles,
# industries, regions): a rename changes the public site at once, with no review, so only the
# site administrators change them; the editors see and choose them. Wagtail's audit log records
# every change. setup_editorial takes these rights back from groups that were given them before.
PUBLIC_VOCABULARY_PERMISSIONS = {
    WRITER: ["view"],
    FIRST_REVIEW: ["view"],
    SECOND_REVIEW: ["view"],
    FINAL_REVIEW: ["view"],
    SITE_ADMIN: ["view", "add", "change", "delete"],
}
# Site-wide settings and redirects belong to the site administrators.
SITE_ADMIN_EXTRA = [
    "home.change_sitesettings",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "wagtailsearchpromotions.add_query",
    "wagtailsearchpromotions.change_query",
    "wagtailsearchpromotions.delete_query",
]
# Snippet models holding personal data (sign-ups, submissions) are never granted here:
# the owning app gives them to the groups that need them.
PERSONAL_DATA_MODEL = re.compile(r"submission|signup|registration|application|enrol", re.IGNORECASE)


def _permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def snippet_models():
    """The snippets the editorial groups edit, as declared in `settings.EDITORIAL_SNIPPETS`."""
    models = [apps.get_model(label) for label in settings.EDITORIAL_SNIPPETS]
    for model in models:
        if PERSONAL_DATA_MODEL.search(model.__name__):
            raise ImproperlyConfigured(
                f"EDITORIAL_SNIPPETS 不应包含个人信息模型 {model._meta.label}：由其所属应用单独授权。"
            )
    return models


def public_vocabulary_models():
    return [apps.get_model(label) for label in settings.EDITORIAL_PUBLIC_VOCABULARIES]


def section_root_models():
    """The page types that are sections for the workflow (`settings.EDITORIAL_SECTION_ROOT_TYPES`)."""
    return [apps.get_model(label) for label in settings.EDITORIAL_SECTION_ROOT_TYPES]


@transaction.atomic
def ensure_groups():
    """Create or complete the five editorial groups. Adds missing permissions; removes only the
    public vocabularies' editing rights from the roles that may not change them."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    access_admin = _permission("wagtailadmin", "access_admin")
    vocabularies = public_vocabulary_models()
    models_with_snippets = snippet_models()
    models_with_snippets += [model for model in vocabularies if model not in models_with_snippets]
    groups = {}
    for name in ROLE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore", codename)
            )
        for app_label, model_name in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in MEDIA_PERMISSIONS[name]:
                permission = _permission(app_label, f"{action}_{model_name}")
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
        for model in models_with_snippets:
            allowed = PUBLIC_VOCABULARY_PERMISSIONS if model in vocabularies else SNIPPET_PERMISSIONS
            for action in allowed[name]:
                permission = _permission(model._meta.app_label, f"{action}_{model._meta.model_name}")
                if permission is not None:
                    group.permissions.add(permission)
        if name == SITE_ADMIN:
            for dotted in SITE_ADMIN_EXTRA:
                app_label, codename = dotted.split(".")
                permission = _permission(app_label, codename)
                if permission is not None:
                    group.permissions.add(permission)
    retire_vocabulary_editing(groups, vocabularies)
    return groups


def retire_vocabulary_editing(groups, vocabularies):
    """Take add/change/delete on the public vocabularies away from every role but 站点管理员."""
    for name, group in groups.items():
        allowed = set(PUBLIC_VOCABULARY_PERMISSIONS[name])
        for model in vocabularies:
            for action in ("add", "change", "delete"):
                if action not in allowed:
                    permission = _permission(model._meta.app_label, f"{action}_{model._meta.model_name}")
                    if permission is not None:
                        group.permissions.remove(permission)


@transaction.atomic
def ensure_workflow(groups=None):
    """The 三审 workflow: automatic check, then 初审, 复审, 终审 by their groups."""
    groups = groups or ensure_groups()
    check_task = HouseStyleCheckTask.objects.filter(name=CHECK_TASK_NAME).first()
    if check_task is None:
        check_task = HouseStyleCheckTask.objects.create(name=CHECK_TASK_NAME)
    tasks = [check_task]
    for task_name, group_name in REVIEW_STAGES:
        task = SeparatedApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = SeparatedApprovalTask.objects.create(name=task_name)
            task.groups.set([groups[group_name]])
        tasks.append(task)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    if not workflow.workflow_tasks.exists():
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def section_roots():
    """Top-most section pages (news index and sections, model-worker index, campaign index).

    The page types are declared in `settings.EDITORIAL_SECTION_ROOT_TYPES`; a section
    inside another one is covered by its ancestor's workflow.
    """
    section_models = section_root_models()
    if not section_models:
        return []
    candidates = Page.objects.type(*section_models).order_by("path")
    roots = []
    for page in candidates:
        if not any(page.path.startswith(root.path) for root in roots):
            roots.append(page)
    return roots


@transaction.atomic
def assign_workflow(workflow):
    """Give the workflow to every section root that has no workflow of its own yet, and to the
    whole tree in place of Wagtail's default "Moderators approval" if that is still in place."""
    assigned = []
    for page in section_roots():
        if not WorkflowPage.objects.filter(page=page).exists():
            WorkflowPage.objects.create(workflow=workflow, page=page)
            assigned.append(page)
    root = Page.get_first_root_node()
    WorkflowPage.objects.filter(page=root, workflow__name=WAGTAIL_DEFAULT_WORKFLOW).update(workflow=workflow)
    return assigned


@transaction.atomic
def retire_wagtail_default_publishers():
    """Wagtail's install creates "Moderators" and "Editors" groups; "Moderators" may publish.
    Only the 终审 group publishes on this site, so their publish permission is taken away."""
    GroupPagePermission.objects.filter(
        group__name__in=WAGTAIL_DEFAULT_GROUPS, permission__codename="publish_page"
    ).delete()


def setup_editorial():
    """Everything `manage.py setup_editorial` does; returns what it assigned."""
    groups = ensure_groups()
    workflow = ensure_workflow(groups)
    assigned = assign_workflow(workflow)
    retire_wagtail_default_publishers()
    return groups, workflow, assigned
