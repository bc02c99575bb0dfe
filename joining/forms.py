"""The application form in three steps (who, work, which union) that work without JavaScript.

Each step is a form of its own; the values of the other steps travel along as hidden inputs,
so nothing is stored before the worker submits the last step, and 上一步 loses nothing. Every
message says in Chinese what to fix; what was typed stays in the form.
"""

from django import forms
from django.core.exceptions import ValidationError

from core.forms import TOO_LONG_MESSAGE, MobileNumberField, PersonNameField
from core.privacy import ID_CARD_RE
from core.protection import HONEYPOT_FIELD, honeypot_form_field
from directory.models import UnionOrganisation
from directory.vocab import COUNTY_TO_PREFECTURE, INDUSTRIES, PREFECTURE_CHOICES, REGIONS

from .vocab import ETHNICITY_CHOICES, GENDERS, WORK_KINDS

MATCH_ME = "match"
NO_ID_NUMBER = "请不要填写身份证号码：网上入会不收集身份证号，实名入会由工会在联系您后完成。"


def _required(label):
    return {
        "required": f"请填写{label}。",
        "max_length": TOO_LONG_MESSAGE,
        "invalid_choice": f"请从列表中选择{label}。",
    }


def _choice(label, choices, **kwargs):
    """A required choice whose messages name `label`."""
    return forms.ChoiceField(label=label, choices=choices, error_messages=_required(label), **kwargs)


def _no_id_number(value):
    if ID_CARD_RE.search(value or ""):
        raise ValidationError(NO_ID_NUMBER)
    return value


class StepForm(forms.Form):
    step = 0
    title = ""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_error"


class WhoForm(StepForm):
    step = 1
    title = "您的基本情况"

    applicant_name = PersonNameField(max_length=30, error_messages=_required("姓名"))
    mobile = MobileNumberField(
        label="手机号码",
        error_messages={**_required("手机号码")},
        help_text="工会工作人员会用这个号码与您联系。",
    )
    gender = _choice("性别", GENDERS, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(
        label="民族（选填）",
        choices=[("", "请选择（可不填）"), *ETHNICITY_CHOICES],
        required=False,
        error_messages=_required("民族"),
    )

    def clean_applicant_name(self):
        name = " ".join(self.cleaned_data["applicant_name"].split())
        _no_id_number(name)
        if any(char.isdigit() for char in name):
            raise ValidationError("姓名中不能有数字，请填写您的真实姓名。")
        return name


def county_choices():
    return [("", "请选择（可不填）")] + [
        (prefecture, [(county, county) for county in counties]) for prefecture, counties in REGIONS.items()
    ]


class WorkForm(StepForm):
    step = 2
    title = "您的工作"

    employer = forms.CharField(
        label="工作单位或平台",
        max_length=100,
        error_messages=_required("工作单位或平台"),
        help_text="例如：某某快递城北营业部、某外卖平台；没有固定单位可填“个人”。",
    )
    work_kind = _choice("工作类型", WORK_KINDS, widget=forms.RadioSelect)
    prefecture = _choice("工作所在市州", [("", "请选择"), *PREFECTURE_CHOICES])
    county = forms.ChoiceField(
        label="县区（选填）", choices=county_choices, required=False, error_messages=_required("县区")
    )
    industry = _choice("行业", [("", "请选择"), *INDUSTRIES])

    def clean_employer(self):
        return _no_id_number(" ".join(self.cleaned_data["employer"].split()))

    def clean(self):
        cleaned = super().clean()
        county, prefecture = cleaned.get("county"), cleaned.get("prefecture")
        if county and prefecture and COUNTY_TO_PREFECTURE.get(county) != prefecture:
            self.add_error("county", f"{county}不在{prefecture}，请重新选择县区或市州。")
        return cleaned


class UnionForm(StepForm):
    step = 3
    title = "申请加入的工会"

    organisation = forms.CharField(label="选择工会", max_length=40, required=False)
    consent = forms.BooleanField(
        label="我已阅读并同意隐私声明",
        required=True,
        error_messages={"required": "请阅读隐私声明并勾选同意后再提交。"},
    )

    def __init__(self, *args, prefecture="", county="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = honeypot_form_field()
        self.prefecture, self.county = prefecture, county

    def organisation_options(self, chosen=None):
        """Organisations taking online applications in the worker's 市州 (县区 first)."""
        queryset = UnionOrganisation.objects.public().filter(accepts_online=True)
        if self.prefecture:
            queryset = queryset.filter(prefecture=self.prefecture)
        options = list(queryset.order_by("tree_path")[:300])
        if self.county:
            options.sort(key=lambda org: org.county != self.county)
        if chosen is not None and chosen not in options:
            options.insert(0, chosen)
        return options

    def clean_organisation(self):
        code = (self.cleaned_data.get("organisation") or "").strip()
        if not code or code == MATCH_ME:
            return None
        organisation = (
            UnionOrganisation.objects.public().filter(code__iexact=code, accepts_online=True).first()
        )
        if organisation is None:
            raise ValidationError("所选的工会组织不存在或暂不接受网上入会，请重新选择，或选择“请帮我匹配”。")
        return organisation


STEP_FORMS = [WhoForm, WorkForm, UnionForm]
# Every field name of every step (the hidden carry-over and the step of a field).
STEP_OF_FIELD = {name: form.step for form in STEP_FORMS for name in form.base_fields} | {HONEYPOT_FIELD: 3}
