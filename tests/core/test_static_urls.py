"""`{% load static_urls %}` is core's remembering copy of Django's tag: the same URLs, once per process."""

from django.template import Context, Template
from django.templatetags.static import static as django_static

from core.templatetags import static_urls


def test_the_static_tag_gives_djangos_urls_and_remembers_them():
    static_urls.static_url.cache_clear()
    template = Template(
        "{% load static_urls %}{% static 'css/site.css' %} {% static 'js/site.js' as script %}{{ script }}"
    )
    assert template.render(Context()) == f"{django_static('css/site.css')} {django_static('js/site.js')}"
    template.render(Context())
    assert static_urls.static_url.cache_info().hits == 2


def test_a_changed_static_setting_is_followed(settings):
    template = Template("{% load static_urls %}{% static 'css/site.css' %}")
    template.render(Context())
    settings.STATIC_URL = "/assets/"
    assert template.render(Context()) == "/assets/css/site.css"
