"""Django's admin, kept only for the union directory's bulk import/export (django-import-export).

Only superusers who have confirmed their two-factor code in this session get in, and there is no
second login form to guess passwords at: signing in goes through Wagtail's login (and its lockout).
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse


def superuser_verified(request):
    user = request.user
    return bool(user.is_active and user.is_superuser and user.is_verified())


def login_through_wagtail(request, extra_context=None):
    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


def restrict():
    admin.site.has_permission = superuser_verified
    admin.site.login = login_through_wagtail
    admin.site.site_header = admin.site.site_title = "青海工会网数据导入导出"
