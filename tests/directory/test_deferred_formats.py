"""openpyxl is loaded by a spreadsheet import or export, not by starting the site or reading it
(directory/formats.py; issue 17: a worker's memory)."""

from importlib import import_module

import pytest
from django.contrib.auth import get_user_model
from import_export.formats.base_formats import BINARY_FORMATS, DEFAULT_FORMATS, XLSX
from tablib.formats import registry

from directory.formats import DEFERRED, DeferredFormat
from tests.process import run_project_python

# Modules directory/formats.py deliberately keeps out of a server process until they are used.
DEFERRED_LIBRARIES = ("openpyxl",)


@pytest.mark.parametrize("key", sorted(DEFERRED))
def test_a_deferred_format_names_itself_as_tablibs_own_class(key):
    path, _library, _extensions = DEFERRED[key]
    deferred = registry.get_format(key)
    assert isinstance(deferred, DeferredFormat)
    module, class_name = path.rsplit(".", 1)
    real = getattr(import_module(module), class_name)
    assert (deferred.title, deferred.extensions) == (real.title, real.extensions)
    assert deferred.export_set.__func__ is real.export_set.__func__


def test_xlsx_is_still_offered_and_treated_as_binary():
    assert XLSX in DEFAULT_FORMATS and XLSX in BINARY_FORMATS


@pytest.mark.django_db
def test_an_officer_exports_xlsx_through_the_admin(client, tree):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "pw"))
    url = "/django-admin/directory/unionorganisation/export/"
    form = client.get(url).context["form"]
    assert ("1", "xlsx") in form.fields["format"].choices
    data = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    response = client.post(url, {**data, "format": "1", "resource": "0"})
    assert response["Content-Type"] == XLSX.CONTENT_TYPE
    assert response.content[:4] == b"PK\x03\x04"  # a zip: the workbook


CONTENT = """
from wagtail.models import Page, Site
from tests.factories import ArticleFactory, HomePageFactory, NewsSectionFactory
home = HomePageFactory(parent=Page.get_first_root_node(), title="首页", slug="home-test")
Site.objects.filter(is_default_site=True).update(root_page=home, hostname="testserver", port=80)
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
section = NewsSectionFactory(parent=home, slug="yao-wen")
ArticleFactory(parent=section, slug="wen-zhang", paragraphs=["正文"])
"""

READ = """
import sys
from unionsite.wsgi import application  # what gunicorn loads before it forks the workers
from django.test import Client
client = Client()
for url in ("/", "/yao-wen/", "/yao-wen/wen-zhang/"):
    assert client.get(url).status_code == 200, url
print(" ".join(name for name in {names!r} if name in sys.modules) or "none")
"""


def test_reading_the_site_loads_no_deferred_library(tmp_path):
    def run(*args):
        result = run_project_python(
            *args,
            without={"DATABASE_URL", "REDIS_URL"},
            timeout=900,
            DJANGO_SETTINGS_MODULE="unionsite.settings.test",
            VAR_DIR=str(tmp_path),
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    run("manage.py", "migrate", "-v0")
    run("manage.py", "shell", "-c", CONTENT)
    assert run("-c", READ.format(names=DEFERRED_LIBRARIES)).split()[-1] == "none"
