from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logins that resist guessing: lockout (django-axes), password rules, two-factor for editors."""

    name = "accounts"
    verbose_name = "账户安全"

    def ready(self):
        from . import django_admin
        from .forms import install_account_name_form, install_user_forms

        django_admin.restrict()
        install_account_name_form()
        install_user_forms()
