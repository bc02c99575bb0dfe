from django import forms
from wagtail.admin.forms.account import NameEmailForm as WagtailNameEmailForm

from core.people import HAN, person_name


class TokenForm(forms.Form):
    token = forms.CharField(
        label="验证码",
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text="身份验证器应用中显示的 6 位数字；手机丢失时可输入一个恢复码。",
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split()).lower()


# --- people's names: one 姓名 field (see core/people.py) -------------------------------------


class FullNameMixin:
    """One required 姓名 field in place of Wagtail's 名 (first name) and 姓 (last name)."""

    def add_full_name_field(self):
        self.fields["full_name"] = forms.CharField(
            label="姓名",
            max_length=150,
            help_text="填写完整姓名，姓在前，如“李文清”。审核记录和“提交人”中显示这个名字。",
            initial=person_name(self.instance) if self.instance.pk else "",
        )
        self.order_fields(["full_name", *[name for name in self.fields if name != "full_name"]])

    def clean_full_name(self):
        typed = self.cleaned_data["full_name"]
        # 李 文清 -> 李文清; Latin names keep one space between words.
        name = "".join(typed.split()) if HAN.search(typed) else " ".join(typed.split())
        if not name:
            raise forms.ValidationError("请填写姓名。")
        return name

    def store_full_name(self):
        self.instance.first_name = self.cleaned_data["full_name"]
        self.instance.last_name = ""


class NameEmailForm(FullNameMixin, WagtailNameEmailForm):
    """The 姓名和邮箱 panel of the admin's account settings."""

    first_name = None
    last_name = None

    class Meta(WagtailNameEmailForm.Meta):
        fields = ["email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_full_name_field()
        if "email" in self.fields:
            self.fields["email"].label = "电子邮箱"

    def save(self, commit=True):
        self.store_full_name()
        return super().save(commit=commit)


def install_account_name_form():
    """Make the admin's account settings use the one-field name (called from AccountsConfig.ready)."""
    from wagtail.admin.views.account import NameEmailSettingsPanel

    NameEmailSettingsPanel.form_class = NameEmailForm
    NameEmailSettingsPanel.title = "姓名和电子邮箱"
