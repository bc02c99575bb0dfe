"""Admin views for sign-up data: the overview of every sign-up form (the submissions
list itself is `campaigns.submissions`)."""

from django.db.models import Count, Max
from wagtail.contrib.forms.models import FormSubmission

from core.admin_views import AdminScreen

from .models import CampaignFormPage
from .submissions import require_signup_permission


class SignupFormsIndexView(AdminScreen):
    """活动报名: every campaign sign-up form with its number of submissions."""

    template_name = "campaigns/admin/signup_forms_index.html"
    page_title = "活动报名"
    header_icon = "form"
    title_in_breadcrumbs = True
    check_access = staticmethod(require_signup_permission)

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
