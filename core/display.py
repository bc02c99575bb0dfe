"""Readers' display choices (关怀模式 and 大/中/小 text size) that work with or without JavaScript.

The header's 关怀模式 button and the articles' text-size buttons are small GET forms aimed at
`display_preferences`, which keeps the choice in a cookie and sends the reader back; base.html reads
the cookie, so the choice persists on every page. With JavaScript, static/js/site.js writes the same
cookies and restyles the page in place. Pages already vary on Cookie (the session), so a shared cache
never mixes the two looks up.
"""

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

CARE_COOKIE = "care_mode"
TEXT_SIZE_COOKIE = "text_size"
TEXT_SIZES = ("small", "medium", "large")
CARE_VALUES = ("0", "1")
COOKIE_MAX_AGE = 365 * 24 * 3600


def reader_display(request):
    """The display choices in `request`'s cookies, ignoring values this site never writes."""
    cookies = getattr(request, "COOKIES", {}) if request is not None else {}
    size = cookies.get(TEXT_SIZE_COOKIE)
    return {
        "care_mode": cookies.get(CARE_COOKIE) == "1",
        "text_size": size if size in TEXT_SIZES else "medium",
    }


def _safe_next(request):
    target = request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return "/"


@require_GET
def display_preferences(request):
    care = request.GET.get("care")
    size = request.GET.get("size")
    if (care is None and size is None) or care not in (None, *CARE_VALUES) or size not in (None, *TEXT_SIZES):
        return HttpResponseBadRequest(
            "显示设置有误：关怀模式 care 只能是 0 或 1，字号 size 只能是 small、medium 或 large。",
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponseRedirect(_safe_next(request), status=303)
    for name, value in ((CARE_COOKIE, care), (TEXT_SIZE_COOKIE, size)):
        if value is not None:
            # Not HttpOnly: site.js reads and writes the same cookies.
            response.set_cookie(
                name, value, max_age=COOKIE_MAX_AGE, samesite="Lax", secure=request.is_secure()
            )
    add_never_cache_headers(response)
    return response
