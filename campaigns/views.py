"""Admin views for sign-up data: the overview of every sign-up form (the submissions
list itself is `campaigns.submissions`)."""

from django.db.models import Count, Max
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.models import FormSubmission

from .models import CampaignFormPage
from .submissions import require_signup_permission


class SignupFormsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """活动报名: every campaign sign-up form with its number of submissions."""

    template_name = "campaigns/admin/signup_forms_index.html"
    page_title = "活动报名"
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        require_signup_permission(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stats = {
            row["page"]: row
            for row in FormSubmission.objects.filter(page__in=CampaignFormPage.objects.values("pk"))
            .values("page")
            .annotate(count=Count("pk"), last=Max("submit_time"))
        }
        forms = list(CampaignFormPage.objects.order_by("path"))
        context["rows"] = [
            {
                "page": form_page,
                "count": stats.get(form_page.pk, {}).get("count", 0),
                "last": stats.get(form_page.pk, {}).get("last"),
            }
            for form_page in forms
        ]
        return context
