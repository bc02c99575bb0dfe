"""The sign-up form that editors compose with Wagtail's form builder.

On top of the editor's fields every sign-up form carries a required consent
checkbox (linking the privacy notice) and a honeypot. Field lengths are
bounded so an over-long submission is refused with a message per field,
while the fields that were fine stay filled in.
"""

import django.forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from core.forms import TOO_LONG_MESSAGE, MobileNumberField
from core.protection import HONEYPOT_FIELD, honeypot_form_field

MOBILE_FIELD_TYPE = "mobile"
SIGNUP_FIELD_CHOICES = [*FORM_FIELD_CHOICES, (MOBILE_FIELD_TYPE, "手机号码")]

SINGLELINE_MAX_LENGTH = 200
MULTILINE_MAX_LENGTH = 2000

CONSENT_FIELD = "privacy_consent"


class SignupBaseForm(BaseForm):
    """Knows which of its fields the editor composed and which the site adds."""

    site_fields = (CONSENT_FIELD, HONEYPOT_FIELD)

    def composed_fields(self):
        return [bound for bound in self if bound.name not in self.site_fields]

    @property
    def consent_field(self):
        return self[CONSENT_FIELD]

    @property
    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    def full_clean(self):
        super().full_clean()
        self.describe_errors()

    def describe_errors(self):
        """Point each invalid control at its message (and hint), so screen readers read them out."""
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_helptext"] if bound.help_text else []
            ids.append(f"{bound.auto_id}_error")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    def stored_data(self):
        """What is saved: the editor's fields and the consent, never the honeypot."""
        return {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT_FIELD}


class SignupFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {
            "required": f"“{field.label}”为必填项，请填写。",
            "max_length": TOO_LONG_MESSAGE,
        }
        return options

    def create_singleline_field(self, field, options):
        options["max_length"] = SINGLELINE_MAX_LENGTH
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 4}))
        return django.forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return django.forms.EmailField(**options)

    def create_mobile_field(self, field, options):
        return MobileNumberField(**options)

    @property
    def formfields(self):
        fields = super().formfields
        fields[CONSENT_FIELD] = django.forms.BooleanField(
            label="我已阅读并同意隐私声明",
            required=True,
            error_messages={"required": "请阅读隐私声明并勾选同意后再提交。"},
        )
        fields[HONEYPOT_FIELD] = honeypot_form_field()
        return fields

    def get_form_class(self):
        return type("CampaignSignupForm", (SignupBaseForm,), self.formfields)
