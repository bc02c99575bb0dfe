"""Set-up and verification pages of the two-factor login (see accounts/twofactor.py)."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import twofactor
from .forms import TokenForm


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _base32_groups(device):
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("token")
@login_required(login_url="wagtailadmin_login")
def setup(request):
    user = request.user
    if twofactor.has_device(user) and not user.is_verified():
        # Adding a device needs the existing one: a stolen password alone must not enrol a new app.
        return redirect(f"{_verify_url()}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=twofactor.TOTP_DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            codes = twofactor.new_recovery_codes(user)
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("token", "验证码不正确：请确认手机时间准确，并输入应用中当前显示的 6 位数字。")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title="两步验证二维码")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": _base32_groups(device), "next": _next_url(request)},
    )


def _verify_url():
    return reverse("two_factor_verify")


@never_cache
@sensitive_post_parameters("token")
@login_required(login_url="wagtailadmin_login")
def verify(request):
    user = request.user
    if not twofactor.has_device(user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Each device slows down guessing itself (django-otp's throttling).
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", "验证码不正确或已使用过，请重新输入；多次输错后需等待片刻才能再次验证。")
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request), "remaining": twofactor.remaining_recovery_codes(user)},
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def recovery_codes(request):
    """New recovery codes on request (POST); the old ones stop working."""
    user = request.user
    if not user.is_verified():
        return redirect(f"{_verify_url()}?{urlencode({'next': request.path})}")
    if request.method == "POST":
        codes = twofactor.new_recovery_codes(user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
    return render(
        request,
        "accounts/recovery_codes_status.html",
        {"remaining": twofactor.remaining_recovery_codes(user)},
    )
