"""The private-page password form (Wagtail's PageViewRestriction password), limited per address.

Wagtail checks the shared page password in its own view, outside Django's authentication (so
django-axes never sees it). This view wraps Wagtail's: wrong passwords are counted per address
with core.protection (scope "page-password"); once an address has used up its quota every
password, the right one included, is refused with a Chinese message until the window ends.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from core import protection

SCOPE = "page-password"


def refusal_message(request):
    return (
        "密码错误次数过多，已暂停验证："
        f"请在 {protection.minutes_text(protection.retry_after(request, SCOPE))}后再试。"
        "如不知道密码，请向发布该页面的单位索取。"
    )


class RefusedPasswordForm(PasswordViewRestrictionForm):
    """The same form, refusing any password while the address is over its limit."""

    def __init__(self, *args, message, **kwargs):
        self.message = message
        super().__init__(*args, **kwargs)

    def clean_password(self):
        raise forms.ValidationError(self.message)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if protection.is_limited(request, SCOPE):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = RefusedPasswordForm(request.POST, instance=restriction, message=refusal_message(request))
        form.is_valid()
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        response["Retry-After"] = str(protection.retry_after(request, SCOPE))
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: the password was wrong
        protection.count(request, SCOPE)
    return response
