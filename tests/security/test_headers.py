"""Content-Security-Policy on public pages and the admin; HSTS options only when asked for."""

import base64
import hashlib
import os
import re

import pytest

from tests.process import PROJECT, run_project_python

pytestmark = pytest.mark.django_db


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_have_a_strict_policy_that_allows_their_own_inline_script(client, site_root):
    response = client.get("/")
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    html = response.content.decode()
    inline = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert inline, "base.html's inline script"
    for source in inline:
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives["script-src"]


def test_the_admin_has_a_policy_and_still_renders(client, site_root, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("guanli", "g@example.com", "Hongqi-xuefeng-37")
    )
    anonymous = client.__class__()
    assert "Content-Security-Policy" in anonymous.get("/admin/login/")
    for url in ("/admin/", f"/admin/pages/{site_root.id}/edit/", "/admin/images/", "/admin/documents/"):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert "'unsafe-inline'" in directives["script-src"]  # Wagtail 8's inline panels, date pickers
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'self'"]


def test_the_policy_built_once_is_the_one_django_csp_builds_and_a_view_can_still_change_it(rf):
    from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
    from django.http import HttpResponse

    from core.csp import CSPMiddleware

    middleware = CSPMiddleware(lambda request: HttpResponse())
    for path in ("/", "/news/", "/admin/", "/admin/pages/"):
        fast = middleware.process_response(rf.get(path), HttpResponse())
        built = DjangoCSPMiddleware.process_response(middleware, rf.get(path), HttpResponse())
        assert fast["Content-Security-Policy"] == built["Content-Security-Policy"], path
    changed = HttpResponse()
    changed._csp_update = {"img-src": ["https://tiles.example.cn"]}
    header = middleware.process_response(rf.get("/"), changed)["Content-Security-Policy"]
    assert "https://tiles.example.cn" in header


def settings_values(**env):
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    result = run_project_python(
        "-c",
        code,
        without={name for name in os.environ if name.startswith("SECURE_")},
        **{
            "DJANGO_SETTINGS_MODULE": "unionsite.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOW_LOCAL_CACHE": "1",
            **env,
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_hsts_preload_and_subdomains_only_when_asked_for():
    assert settings_values() == ["31536000", "False", "False"]
    assert settings_values(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1") == [
        "31536000",
        "True",
        "True",
    ]


def test_the_sites_admin_screens_take_their_layout_from_one_self_hosted_stylesheet(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("guanli", "g@example.com", "Hongqi-xuefeng-37")
    )
    response = client.get("/admin/")
    assert '<link rel="stylesheet" href="/static/css/admin.css">' in response.content.decode()
    assert "'self'" in policy(response)["style-src"]
    assert (PROJECT / "static" / "css" / "admin.css").is_file()
    admin_templates = [
        *(PROJECT / "templates").glob("*/admin/*.html"),
        *(PROJECT / "templates" / "editorial").glob("*.html"),
        *PROJECT.glob("*/templates/*/admin/*.html"),
    ]
    assert admin_templates
    with_style = [
        path.name for path in admin_templates if re.search(r"\sstyle=", path.read_text(encoding="utf-8"))
    ]
    assert with_style == []
