"""Admin integration: sign-up permission, audit-log actions."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import path
from wagtail import hooks
from wagtail.models import Page

from core.admin_views import register_menu_item

from .models import VIEW_SIGNUPS_PERMISSION, CampaignFormPage
from .submissions import SIGNUPS_DELETED, SIGNUPS_EXPORTED, SIGNUPS_PURGED, SIGNUPS_VIEWED
from .views import SignupFormsIndexView


@hooks.register("register_log_actions")
def register_signup_log_actions(actions):
    actions.register_action(SIGNUPS_VIEWED, "查看报名信息", "查看了报名信息")
    actions.register_action(SIGNUPS_EXPORTED, "导出报名信息", "导出了报名信息")
    actions.register_action(SIGNUPS_DELETED, "删除报名信息", "删除了一条报名信息")
    actions.register_action(SIGNUPS_PURGED, "删除过期报名信息", "按保存期限删除了过期报名信息")


@hooks.register("filter_form_submissions_for_user")
def restrict_signups_to_signup_managers(user, editable_forms):
    """Sign-ups are personal data: editing the form page is not enough to read them.

    Users with `campaigns.view_signups` see every campaign form's submissions;
    everybody else sees none (other form types keep Wagtail's default rule).
    """
    form_type = ContentType.objects.get_for_model(CampaignFormPage)
    if user.has_perm(VIEW_SIGNUPS_PERMISSION):
        return Page.objects.filter(Q(pk__in=editable_forms.values("pk")) | Q(content_type=form_type))
    return editable_forms.exclude(content_type=form_type)


@hooks.register("register_admin_urls")
def register_signup_admin_urls():
    return [path("campaign-signups/", SignupFormsIndexView.as_view(), name="campaigns_signup_forms")]


def views_signups(user):
    return user.has_perm(VIEW_SIGNUPS_PERMISSION)


register_menu_item(
    "活动报名",
    "campaigns_signup_forms",
    shown_to=views_signups,
    name="campaign-signups",
    icon_name="form",
    order=710,
)


@hooks.register("construct_main_menu")
def replace_forms_menu_for_signup_managers(request, menu_items):
    """Signup managers use 活动报名; Wagtail's 表单 index also wants page-editing rights."""
    if request.user.has_perm(VIEW_SIGNUPS_PERMISSION):
        menu_items[:] = [item for item in menu_items if item.name != "forms"]
