"""Public forms: the message, the lookup, and the handler's forms in the admin."""

import hashlib
import unicodedata
from urllib.parse import urlsplit

import django.forms as forms
from django.core.exceptions import ValidationError

from core.forms import TOO_LONG_MESSAGE, MobileNumberField, PersonNameField
from core.protection import HONEYPOT_FIELD, honeypot_form_field

from . import uploads
from .models import CODE_LENGTH, Category, ErrorKind, Region, Satisfaction


def _required(label):
    return {"required": f"请填写“{label}”。", "max_length": TOO_LONG_MESSAGE}


def _text(label, max_length, **kwargs):
    """A required text whose messages name `label`."""
    return forms.CharField(label=label, max_length=max_length, error_messages=_required(label), **kwargs)


def _choose(label, choices, **kwargs):
    """A required choice with 请选择 first, its messages naming what to choose."""
    return forms.ChoiceField(
        label=label,
        choices=[("", "请选择")] + choices,
        error_messages={"required": f"请选择{label}。", "invalid_choice": f"请从列表中选择{label}。"},
        **kwargs,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [f for f in files if f]
        if len(files) > uploads.max_count():
            raise ValidationError(f"最多上传 {uploads.max_count()} 个附件，现在选了 {len(files)} 个。")
        errors, cleaned = [], []
        for upload in files:
            try:
                cleaned.append(uploads.check_upload(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class DescribedForm(forms.Form):
    """Each invalid control points at its message, so screen readers read it out."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                ids = [f"{bound.auto_id}_helptext"] if bound.help_text else []
                ids.append(f"{bound.auto_id}_error")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)


class MessageForm(DescribedForm):
    category = _choose("留言类别", Category.choices)
    region = _choose("所在地区", Region.choices, help_text="选择您工作所在的市州，留言会交给当地工会办理。")
    title = _text("标题", 100)
    description = _text(
        "具体内容",
        3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="请写明事情经过、涉及的单位和您的诉求（3000 字以内）。请不要填写身份证号码。",
    )
    attachments = AttachmentsField(
        label="附件（可选）",
        help_text="可上传图片（PNG、JPG）或 PDF，最多 3 个，每个不超过 5 MB。",
        widget=MultipleFileInput(
            attrs={"accept": ".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf"}
        ),
    )
    name = PersonNameField(max_length=40, error_messages=_required("姓名"))
    mobile = MobileNumberField(
        label="手机号码",
        help_text="用于查询办理结果和工会与您联系。",
        error_messages={"required": "请填写手机号码。"},
    )
    publish_consent = forms.BooleanField(
        label="同意在隐去个人信息后公开本留言及答复（信件公开）", required=False
    )
    privacy_consent = forms.BooleanField(
        label="我已阅读并同意隐私声明：所填信息仅用于办理本留言",
        error_messages={"required": "请阅读隐私声明并勾选同意后再提交。"},
    )
    website_url = honeypot_form_field()

    honeypot_name = HONEYPOT_FIELD

    def visible_fields_list(self):
        return [self[name] for name in self.fields if name not in (HONEYPOT_FIELD, "privacy_consent")]

    def clean_title(self):
        return unicodedata.normalize("NFC", self.cleaned_data["title"]).strip()

    def fingerprint(self):
        data = self.cleaned_data
        text = "\x1f".join(
            [
                data["mobile"],
                data["category"],
                " ".join(data["title"].split()),
                " ".join(data["description"].split()),
            ]
        )
        return hashlib.sha256(text.encode()).hexdigest()


class LookupForm(DescribedForm):
    code = _text(
        "受理编号",
        CODE_LENGTH + 10,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    mobile = MobileNumberField(label="提交时填写的手机号码", error_messages={"required": "请填写手机号码。"})


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(choices=Satisfaction.choices, coerce=int)


# --- admin -----------------------------------------------------------------------


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="答复内容（职工可见）", max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    is_final = forms.BooleanField(label="这是正式答复（留言状态变为“已答复”）", required=False, initial=True)


class NoteForm(forms.Form):
    body = forms.CharField(
        label="内部备注（职工看不到）", max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=200, required=False)


class TransferForm(forms.Form):
    region = forms.ChoiceField(label="转交到", choices=Region.choices)
    reason = forms.CharField(label="转交原因", max_length=200, required=False)


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(label="承办人", required=False, coerce=int, empty_value=None)
    department = forms.CharField(label="承办部门", max_length=50, required=False)

    def __init__(self, *args, users=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "（不指定）")] + [
            (user.pk, f"{user.last_name}{user.first_name}".strip() or user.get_username()) for user in users
        ]


class ErrorReportForm(DescribedForm):
    page_url = _text("出错页面的网址", 500, help_text="从页面上的“我为网站找错”进入时已自动填好。")
    kind = _choose("问题类型", ErrorKind.choices)
    description = _text(
        "问题描述",
        1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="例如：第二段“劳动和同”应为“劳动合同”。",
    )
    contact = forms.CharField(
        label="联系方式（可选）",
        max_length=100,
        required=False,
        help_text="留下电话或邮箱，我们可能与您核实。",
        error_messages={"max_length": TOO_LONG_MESSAGE},
    )
    website_url = honeypot_form_field()

    honeypot_name = HONEYPOT_FIELD

    def visible_fields_list(self):
        return [self[name] for name in self.fields if name != HONEYPOT_FIELD]

    def clean_page_url(self):
        """Only this site's addresses: a path, or a full URL whose path is kept."""
        value = self.cleaned_data["page_url"].strip()
        parts = urlsplit(value)
        if parts.scheme not in ("", "http", "https") or not (parts.path or "/").startswith("/"):
            raise ValidationError("请填写本网站页面的网址，例如 /news/ 开头的地址。")
        path = parts.path or "/"
        return path + (f"?{parts.query}" if parts.query else "")


class ErrorLookupForm(DescribedForm):
    code = _text("受理编号", CODE_LENGTH + 10)


class ErrorAnswerForm(forms.Form):
    answer = forms.CharField(
        label="答复（报告人可查询）", max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
