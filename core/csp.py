"""Content-Security-Policy (django-csp 4): a strict policy on public pages, a wider one in the admin.

Public pages run only the site's own script files and the small inline script of base.html,
allowed by its hash (computed at start-up from the template, so an edit to it needs no change
here). Wagtail 8's admin still writes inline scripts (inline panels, date pickers) and style
attributes, so under the admin's address the policy also allows inline script and style; it
still refuses scripts, frames and objects from other hosts. Both policies are in settings
(CONTENT_SECURITY_POLICY for public pages, CONTENT_SECURITY_POLICY_ADMIN).

The header is the same text for every public page (and for every admin page), so it is built
once per process; django-csp's per-request build (a deep copy of the policy and the string)
only runs for a response that changes its policy (@csp_update and the like) or uses a nonce.
"""

import base64
import copy
import hashlib
import re
from functools import lru_cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

INLINE_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
HASHED_TEMPLATES = ["base.html"]


def script_hash(source):
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@lru_cache
def inline_script_hashes():
    """Hashes of the attribute-less inline <script> blocks of the site's own base templates."""
    hashes = []
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for name in HASHED_TEMPLATES:
            try:
                text = (directory / name).read_text(encoding="utf-8")
            except (OSError, TypeError):
                continue
            hashes.extend(script_hash(block) for block in INLINE_SCRIPT_RE.findall(text))
    return hashes


@lru_cache
def public_directives():
    directives = copy.deepcopy(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["script-src"] = [*directives.get("script-src", []), *inline_script_hashes()]
    return directives


@lru_cache
def _headers(admin):
    """(policy, report-only policy) for admin or public pages; "" where there is none."""
    config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"] if admin else public_directives()
    return build_policy(config=config), build_policy(report_only=True)


@lru_cache
def _admin_prefix():
    return reverse("wagtailadmin_home")


@receiver(setting_changed)
def _forget_policies(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting in ("TEMPLATES", "ROOT_URLCONF"):
        for cached in (inline_script_hashes, public_directives, _headers, _admin_prefix):
            cached.cache_clear()


# What a view sets on its response to change its policy (django-csp's decorators).
_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)


class CSPMiddleware(BaseCSPMiddleware):
    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _PER_RESPONSE
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (404, 500):
            return response  # as django-csp: the debug pages need their inline script
        # As django-csp: a template rendered after this point cannot ask for a nonce any more.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        policy, report_only = _headers(request.path_info.startswith(_admin_prefix()))
        for header, value, exempt, setting in (
            (HEADER, policy, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, report_only, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            prefixes = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
            if (
                value
                and header not in response
                and not getattr(response, exempt, False)
                and not request.path_info.startswith(prefixes)
            ):
                response[header] = value
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and not report_only:
            if request.path_info.startswith(_admin_prefix()):
                parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            else:
                parts.config = public_directives()
        return parts
