from django import forms


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
