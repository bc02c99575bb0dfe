"""Abuse protection for every public form: a per-address rate limit kept in the shared cache."""

from django.conf import settings
from django.core.cache import cache

from core.client import client_address

DEFAULT_RATE_LIMIT = 8  # POSTs per address …
DEFAULT_RATE_WINDOW = 600  # … in this many seconds


def rate_limit_settings():
    return (
        int(getattr(settings, "SIGNUP_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
        int(getattr(settings, "SIGNUP_RATE_WINDOW", DEFAULT_RATE_WINDOW)),
    )


def register_attempt(request, scope="signup", limit=None, window=None):
    """Count one attempt from this address; False when it is over the limit.

    `limit` attempts per `window` seconds, by default the sign-up settings; a form with its own
    limit (e.g. the join-application lookup) passes them.
    """
    default_limit, default_window = rate_limit_settings()
    limit = default_limit if limit is None else limit
    window = default_window if window is None else window
    key = f"forms:rate:{scope}:{client_address(request)}"
    # add() only sets a missing key, so the window starts at the first attempt.
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit


# The honeypot of every public form: a text field named like something a spam robot wants to fill,
# hidden from people (CSS class `signup-form__honeypot`, tabindex -1). A filled one means a robot:
# answer like a success and store nothing.
HONEYPOT_FIELD = "website_url"


def honeypot_form_field():
    from django import forms

    return forms.CharField(
        label="网址（请勿填写）",
        required=False,
        max_length=200,
        error_messages={"max_length": "内容过长：最多 %(limit_value)d 个字，请删减后再提交。"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def caught_by_honeypot(data):
    return bool((data.get(HONEYPOT_FIELD) or "").strip())
