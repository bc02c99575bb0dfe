"""What a locked-out login sees (django-axes calls this; settings.AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.shortcuts import render


def cooloff_minutes():
    cooloff = settings.AXES_COOLOFF_TIME
    return int(cooloff.total_seconds() // 60) if cooloff else None


def lockout_message():
    minutes = cooloff_minutes()
    wait = f"请在 {minutes} 分钟后再试" if minutes else "请稍后再试"
    return (
        "登录失败次数过多，该账号或当前网络地址已被暂时锁定。"
        f"{wait}；如忘记密码或需要立即解锁，请联系站点管理员。"
    )


def lockout_response(request, original_response=None, credentials=None):
    response = render(
        request,
        "accounts/locked_out.html",
        {"message": lockout_message(), "minutes": cooloff_minutes()},
        status=429,
    )
    minutes = cooloff_minutes()
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response
