"""站点管理员's screens for login lockouts (django-axes) and two-factor resets (django-otp).

Both are in the Wagtail admin (设置 → 登录锁定 / 两步验证重置), for superusers and 站点管理员 only.
Every unlock and reset is written to Wagtail's audit log (报告 → 站点历史) against the user
concerned (or, for an address, against the administrator who unlocked it).
"""

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.log_actions import log

from editorial.roles import SITE_ADMIN

from . import twofactor

UNLOCK_ACTION = "accounts.unlock"
TWO_FACTOR_RESET_ACTION = "accounts.two_factor_reset"


def may_administer_logins(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=SITE_ADMIN).exists())


def _require_administrator(request):
    if not may_administer_logins(request.user):
        raise PermissionDenied("只有站点管理员可以解除登录锁定或重置两步验证。")


def lockouts(request):
    _require_administrator(request)
    limit = settings.AXES_FAILURE_LIMIT
    attempts = AccessAttempt.objects.order_by("-attempt_time")[:200]
    rows = [
        {
            "username": attempt.username or "",
            "ip_address": attempt.ip_address or "",
            "failures": attempt.failures_since_start,
            "locked": attempt.failures_since_start >= limit,
            "attempt_time": attempt.attempt_time,
        }
        for attempt in attempts
    ]
    return TemplateResponse(request, "accounts/admin/lockouts.html", {"rows": rows, "limit": limit})


@require_POST
def unlock(request):
    _require_administrator(request)
    kind = request.POST.get("kind")
    value = (request.POST.get("value") or "").strip()
    if kind not in ("username", "ip") or not value:
        messages.error(request, "请选择要解除锁定的账号或地址。")
        return redirect("accounts_lockouts")
    User = get_user_model()
    administrator = User.objects.get(pk=request.user.pk)  # request.user is a lazy wrapper
    if kind == "username":
        removed = axes_reset(username=value)
        subject = User.objects.filter(**{User.USERNAME_FIELD: value}).first() or administrator
        what = f"账号 {value}"
    else:
        removed = axes_reset(ip=value)
        subject = administrator
        what = f"地址 {value}"
    log(instance=subject, action=UNLOCK_ACTION, user=administrator, data={"what": what, "removed": removed})
    messages.success(request, f"已解除{what}的登录锁定（清除 {removed} 条失败记录）。")
    return redirect("accounts_lockouts")


def two_factor_users(request):
    _require_administrator(request)
    User = get_user_model()
    users = (
        User.objects.filter(is_active=True)
        .filter(is_superuser=True)
        .union(User.objects.filter(is_active=True, groups__name__in=twofactor.REQUIRED_GROUPS))
        .order_by("username")
    )
    rows = [
        {
            "user": user,
            "has_device": twofactor.has_device(user),
            "recovery_codes": twofactor.remaining_recovery_codes(user),
            "may_reset": _may_reset(request.user, user),
        }
        for user in users
    ]
    return TemplateResponse(request, "accounts/admin/two_factor_users.html", {"rows": rows})


def _may_reset(administrator, user):
    if user.pk == administrator.pk:
        return False  # one's own: recovery codes, or another administrator
    return administrator.is_superuser or not user.is_superuser


@require_POST
def two_factor_reset(request, user_id):
    _require_administrator(request)
    user = get_object_or_404(get_user_model(), pk=user_id)
    if not _may_reset(request.user, user):
        messages.error(
            request,
            "不能重置自己的两步验证（请使用恢复码或请其他管理员重置）；超级管理员的两步验证只能由超级管理员重置。",
        )
        return redirect("accounts_two_factor_users")
    removed = twofactor.reset(user)
    log(instance=user, action=TWO_FACTOR_RESET_ACTION, user=request.user, data={"removed": removed})
    messages.success(
        request,
        f"已重置 {user.get_username()} 的两步验证（删除 {removed} 个设备）。"
        "该用户下次登录后台时重新设置身份验证器，并获得新的恢复码。",
    )
    return redirect("accounts_two_factor_users")
