from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "专题活动"

    def ready(self):
        from . import signals  # noqa: F401  (connects the audit-log receiver)
