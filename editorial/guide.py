"""编辑指南: the Chinese editor's guide shipped with the site, in place of Wagtail's English one
on an outside site (the 帮助 menu and the dashboard's account summary link here)."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/guide.html"
    page_title = "编辑指南"
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "控制面板"}, {"url": "", "label": "编辑指南"}]


def help_menu_items():
    return [
        MenuItem("编辑指南", reverse("editorial_guide"), name="editor-guide", icon_name="help", order=100)
    ]
