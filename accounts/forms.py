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


class OneNameUserFormMixin:
    """Wagtail's user create/edit forms (site administrators): `first_name` becomes the one 姓名
    field and `last_name` is kept empty (hidden: Wagtail's templates name both fields)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].label = "姓名"
        self.fields["first_name"].help_text = "完整姓名，姓在前，如“李文清”。"
        self.fields["last_name"].required = False
        self.fields["last_name"].widget = forms.HiddenInput()
        if self.instance.pk:
            self.initial["first_name"] = person_name(self.instance)
            self.initial["last_name"] = ""

    def clean_first_name(self):
        typed = self.cleaned_data["first_name"]
        return "".join(typed.split()) if HAN.search(typed) else " ".join(typed.split())

    def clean_last_name(self):
        return ""


def install_user_forms():
    """Site administrators' user forms with one 姓名 field (called from AccountsConfig.ready)."""
    from wagtail.users.forms import UserCreationForm, UserEditForm
    from wagtail.users.views.users import UserViewSet

    creation = type("UserCreationForm", (OneNameUserFormMixin, UserCreationForm), {})
    edit = type("UserEditForm", (OneNameUserFormMixin, UserEditForm), {})

    def get_form_class(self, for_update=False):
        return edit if for_update else creation

    UserViewSet.get_form_class = get_form_class
