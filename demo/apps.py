from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Developer tooling: the demo site (`load_demo_content`) and benchmark content (`generate_bulk_content`).

    Nothing the live site runs imports this app; both commands refuse to run under production
    settings (DEMO_CONTENT_ALLOWED).
    """

    name = "demo"
    verbose_name = "演示与合成内容"
