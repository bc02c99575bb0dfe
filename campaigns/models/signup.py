"""Sign-up forms (活动报名, 入会意向登记) composed by editors with Wagtail's form builder."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from core import protection
from core.pages import BasePage
from core.slugs import PinyinSlugPageForm
from home.models import SiteSettings, StandardPage

from ..forms import CONSENT_FIELD, HONEYPOT_FIELD, SIGNUP_FIELD_CHOICES, SignupFormBuilder
from ..permissions import VIEW_SIGNUPS_PERMISSION


class SignupSubmissionsPanel(FormSubmissionsPanel):
    """The "N 条报名" summary on the edit screen, only for people allowed to read them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm(VIEW_SIGNUPS_PERMISSION) and super().is_shown()


class SignupFormPageForm(PinyinSlugPageForm, WagtailAdminFormPageForm):
    """Pinyin slugs plus the form builder's check for duplicate field labels."""


class CampaignFormField(AbstractFormField):
    page = ParentalKey("campaigns.CampaignFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField("字段类型", max_length=16, choices=SIGNUP_FIELD_CHOICES)
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        verbose_name = "表单字段"
        verbose_name_plural = "表单字段"


class CampaignFormPage(BasePage, AbstractForm):
    """A sign-up form below a campaign. Submissions are personal data: see wagtail_hooks."""

    intro = RichTextField("说明", blank=True, features=["bold", "link", "ul", "ol"])
    purpose = models.CharField(
        "信息用途",
        max_length=200,
        default="所填信息仅用于本次活动的联系与组织工作，到期自动删除。",
        help_text="显示在同意勾选框旁，说明收集信息的用途。",
    )
    thank_you_text = RichTextField("提交成功后的提示", blank=True, features=["bold", "link"])
    closes_at = models.DateTimeField(
        "报名截止时间", null=True, blank=True, help_text="留空则随专题结束而截止。"
    )

    form_builder = SignupFormBuilder
    base_form_class = SignupFormPageForm
    # The form carries a CSRF token: it must never sit in a shared cache.
    cache_publicly = False
    parent_page_types = ["campaigns.CampaignPage"]
    subpage_types = []

    content_panels = AbstractForm.content_panels + [
        SignupSubmissionsPanel(heading="报名情况"),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="表单字段"),
        MultiFieldPanel(
            [FieldPanel("purpose"), FieldPanel("closes_at"), FieldPanel("thank_you_text")],
            heading="提交与截止",
        ),
    ]

    class Meta:
        verbose_name = "报名表单"
        verbose_name_plural = "报名表单"
        permissions = [("view_signups", "查看和导出活动报名信息")]

    # Openness -----------------------------------------------------------------

    def get_campaign(self):
        if not hasattr(self, "_campaign"):
            parent = self.get_parent()
            self._campaign = parent.specific if parent else None
        return self._campaign

    def is_open(self):
        if self.closes_at and self.closes_at <= timezone.now():
            return False
        campaign = self.get_campaign()
        return not getattr(campaign, "is_ended", False)

    # Form builder ---------------------------------------------------------------

    def get_data_fields(self):
        return [
            ("submit_time", "提交时间"),
            *[(field.clean_name, field.label) for field in self.get_form_fields()],
            (CONSENT_FIELD, "同意隐私声明"),
        ]

    def get_submissions_list_view_class(self):
        # Imported here on purpose: Wagtail's form views cannot be imported while the app
        # registry loads this module. `campaigns.submissions` imports no models (no cycle).
        from ..submissions import CampaignSubmissionsListView

        return CampaignSubmissionsListView

    def process_form_submission(self, form):
        return FormSubmission.objects.create(form_data=form.stored_data(), page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign"] = self.get_campaign()
        context["privacy_page"] = StandardPage.objects.live().filter(slug="privacy").first()
        context["form_open"] = self.is_open()
        return context

    def render_form(self, request, form, status=200, message=""):
        context = self.get_context(request)
        context["form"] = form
        context["form_message"] = message
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        response = self.serve_post(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def serve_post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not self.is_open():
            return self.render_form(request, form, status=403, message="报名已经截止，本表单不再接收提交。")
        if protection.is_limited(request):
            return self.rate_limited_response(request, form)
        if request.POST.get(HONEYPOT_FIELD):
            # Robots fill every field; answer like a success so they learn nothing, store nothing.
            protection.count(request)
            return self.render_landing_page(request, None, *args, **kwargs)
        if form.is_valid():
            # Only accepted submissions use up the address's quota: a typo costs nothing.
            protection.count(request)
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        return self.render_form(
            request,
            form,
            status=400,
            message="提交未成功：请按下面标出的提示修改后再提交，已填写的内容都保留着。",
        )

    def rate_limited_response(self, request, form):
        """HTTP 429 with the values kept and what the person can do about it."""
        limit, window = protection.rate_limit_settings()
        wait = protection.retry_after(request)
        hotline = getattr(SiteSettings.for_request(request), "hotline", "") or "12351"
        message = (
            f"提交过于频繁：同一网络地址 {protection.minutes_text(window)}内最多提交 {limit} 份报名"
            "（单位、厂区多人共用一个网络出口时会遇到）。"
            f"请在 {protection.minutes_text(wait)}后再提交，或拨打职工服务热线 {hotline} 请工作人员代为登记。"
            "已填写的内容保留在下面，无需重新填写。"
        )
        response = self.render_form(request, form, status=429, message=message)
        response["Retry-After"] = str(wait)
        return response
