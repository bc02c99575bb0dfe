"""Two-factor authentication for the editorial accounts that can approve or publish.

Built on django-otp: a TOTP device (any authenticator app) and a set of single-use recovery codes
(django-otp's static device). Users in REQUIRED_GROUPS, and superusers, cannot use the Wagtail
admin until this session has been verified with a code: at their first login they set up the app
(and receive recovery codes), at every later login they type the app's current code. An
administrator removes a lost device with `manage.py reset_two_factor <用户名>`.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import FINAL_REVIEW, SITE_ADMIN

# The groups whose members approve the last stage or publish, or administer the site.
REQUIRED_GROUPS = [FINAL_REVIEW, SITE_ADMIN]
RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "身份验证器"
RECOVERY_DEVICE_NAME = "恢复码"


def requires_two_factor(user):
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_requires_two_factor", None)
    if cached is None:
        cached = user.groups.filter(name__in=REQUIRED_GROUPS).exists()
        user._requires_two_factor = cached
    return cached


def has_device(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones and return them."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.confirmed = True
    device.save()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset(user):
    """Remove every device of the user (administrator's reset); returns how many were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed


def _admin_prefix():
    return reverse("wagtailadmin_home")


def _exempt_paths():
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("two_factor_setup"),
        reverse("two_factor_verify"),
        reverse("wagtailadmin_password_reset"),
    )


class TwoFactorMiddleware:
    """In the admin, a user who must use two-factor and has not verified this session is sent to
    the verification page (or, without a device yet, to the set-up page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(_admin_prefix())
            and not path.startswith(_exempt_paths())
            and requires_two_factor(request.user)
            and not request.user.is_verified()
        ):
            target = "two_factor_verify" if has_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
