from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "新闻资讯"

    def ready(self):
        from .signals import connect

        connect()
