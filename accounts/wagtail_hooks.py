"""Admin screens for 站点管理员: login lockouts and two-factor resets (accounts/admin_views.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from core.admin_views import RestrictedMenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def login_administration_urls():
    return [
        path("accounts/lockouts/", admin_views.lockouts, name="accounts_lockouts"),
        path("accounts/lockouts/unlock/", admin_views.unlock, name="accounts_unlock"),
        path("accounts/two-factor/", admin_views.two_factor_users, name="accounts_two_factor_users"),
        path(
            "accounts/two-factor/<int:user_id>/reset/",
            admin_views.two_factor_reset,
            name="accounts_two_factor_reset",
        ),
    ]


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return RestrictedMenuItem(
        "登录锁定",
        reverse("accounts_lockouts"),
        shown_to=admin_views.may_administer_logins,
        icon_name="lock",
        order=900,
    )


@hooks.register("register_settings_menu_item")
def two_factor_menu_item():
    return RestrictedMenuItem(
        "两步验证重置",
        reverse("accounts_two_factor_users"),
        shown_to=admin_views.may_administer_logins,
        icon_name="key",
        order=901,
    )


@hooks.register("register_log_actions")
def login_administration_log_actions(actions):
    @actions.register_action(admin_views.UNLOCK_ACTION)
    class Unlock(LogFormatter):
        label = "解除登录锁定"

        def format_message(self, log_entry):
            return f"解除登录锁定：{log_entry.data.get('what', '')}"

    @actions.register_action(admin_views.TWO_FACTOR_RESET_ACTION)
    class TwoFactorReset(LogFormatter):
        label = "重置两步验证"

        def format_message(self, log_entry):
            return f"重置两步验证（删除 {log_entry.data.get('removed', 0)} 个设备）"
