"""Admin screens for 站点管理员: login lockouts and two-factor resets (accounts/admin_views.py)."""

from django.urls import path
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from core.admin_views import register_menu_item

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


for label, url_name, icon_name, order in (
    ("登录锁定", "accounts_lockouts", "lock", 900),
    ("两步验证重置", "accounts_two_factor_users", "key", 901),
):
    register_menu_item(
        label,
        url_name,
        shown_to=admin_views.may_administer_logins,
        hook="register_settings_menu_item",
        icon_name=icon_name,
        order=order,
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
