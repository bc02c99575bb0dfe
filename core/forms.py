"""Form fields every public form shares: the person's name, the mainland mobile number and the Chinese
"too long" message."""

import re
import unicodedata

import django.forms
from django.core.exceptions import ValidationError

# Mainland mobile numbers: 11 digits, 1 then 3-9.
MOBILE_PATTERN = re.compile(r"1[3-9][0-9]{9}")

TOO_LONG_MESSAGE = "内容过长：最多 %(limit_value)d 个字，现在是 %(show_value)d 个字，请删减后再提交。"


class PersonNameField(django.forms.CharField):
    """姓名: the name of the person filling in the form, which the browser may fill in for them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "姓名")
        kwargs.setdefault("widget", django.forms.TextInput(attrs={"autocomplete": "name"}))
        super().__init__(**kwargs)


class MobileNumberField(django.forms.CharField):
    """A mainland mobile number, accepting the ways people type one."""

    default_error_messages = {
        "invalid": "请填写 11 位中国大陆手机号码（1 开头，第二位为 3-9），例如 13912345678。",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            django.forms.TextInput(attrs={"type": "tel", "inputmode": "numeric", "autocomplete": "tel"}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        # Full-width digits from Chinese input methods, spaces, hyphens and +86 are fine.
        value = unicodedata.normalize("NFKC", value)
        value = re.sub(r"[\s\-()]", "", value)
        for prefix in ("+86", "0086"):
            if value.startswith(prefix):
                value = value[len(prefix) :]
        return value

    def validate(self, value):
        super().validate(value)
        if value and not MOBILE_PATTERN.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
