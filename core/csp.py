"""Content-Security-Policy (django-csp 4): a strict policy on public pages, a wider one in the admin.

Public pages run only the site's own script files and the small inline script of base.html,
allowed by its hash (computed at start-up from the template, so an edit to it needs no change
here). Wagtail 8's admin still writes inline scripts (inline panels, date pickers) and style
attributes, so under the admin's address the policy also allows inline script and style; it
still refuses scripts, frames and objects from other hosts. Both policies are in settings
(CONTENT_SECURITY_POLICY for public pages, CONTENT_SECURITY_POLICY_ADMIN).
"""

import base64
import copy
import hashlib
import re
from functools import lru_cache

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
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


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and not report_only:
            if request.path_info.startswith(reverse("wagtailadmin_home")):
                parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            else:
                parts.config = public_directives()
        return parts
