"""The admin's login form with Chinese labels (Wagtail's leaves the password field's label to
Django's default, "Password")."""

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "用户名"
        self.fields["password"].label = "密码"
        self.fields["password"].widget.attrs["placeholder"] = "请输入密码"
        if "remember" in self.fields:
            self.fields["remember"].label = "保持登录"
