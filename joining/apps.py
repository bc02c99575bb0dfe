from django.apps import AppConfig


class JoiningConfig(AppConfig):
    """网上入会: workers apply to join online; officers handle the applications (issue 14)."""

    name = "joining"
    verbose_name = "网上入会"
