"""The base of the site's own admin screens (queues, lists, one case): Wagtail's admin page around a
template, opened only by the users its check lets through."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class AdminScreen(WagtailAdminTemplateMixin, TemplateView):
    """`check_access(user)` raises PermissionDenied for a user who may not open the screen; it runs
    first, then `load(request, **kwargs)` fetches what a detail screen shows (so a user without
    access learns nothing of what exists)."""

    # The crumbs end with the screen's own title (Wagtail's default shows only 首页).
    title_in_breadcrumbs = False

    def check_access(self, user):
        raise NotImplementedError

    def load(self, request, **kwargs):
        """What a detail screen needs before it renders; nothing on a list screen."""

    def dispatch(self, request, *args, **kwargs):
        self.check_access(request.user)
        self.load(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        if self.title_in_breadcrumbs:
            return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]
        return self.breadcrumbs_items


class RestrictedMenuItem(MenuItem):
    """A menu item shown only to the users `shown_to(user)` lets through: usually the same check as
    the screen's own `check_access`, so nobody is shown a way to a page that refuses them."""

    def __init__(self, label, url, *, shown_to, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


def register_menu_item(label, url, *, shown_to, hook="register_admin_menu_item", **kwargs):
    """Register under `hook` (the main menu, or "register_settings_menu_item") a RestrictedMenuItem
    shown to `shown_to`. `url` is a URL name, reversed when the menu is built, or a path ("/…")."""

    def menu_item():
        return RestrictedMenuItem(
            label, url if url.startswith("/") else reverse(url), shown_to=shown_to, **kwargs
        )

    hooks.register(hook, menu_item)
    return menu_item
