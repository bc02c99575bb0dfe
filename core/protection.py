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


def register_attempt(request, scope="signup"):
    """Count one attempt from this address; False when it is over the limit."""
    limit, window = rate_limit_settings()
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
