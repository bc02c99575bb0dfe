"""Abuse protection for every public form: rate limits kept in the shared cache.

`register_attempt(request, scope)` counts one attempt from the reader's address. Forms that
also limit something other than the address (e.g. messages per mobile number per day) use
`count_attempt` / `limit_reached` with their own key; `limit_reached` only looks, so a form
can refuse before saving and count only what was really saved.
"""

import hashlib

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


def _key(scope, value):
    # Keys never hold the value itself (a mobile number is personal data; an address may be long).
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"forms:rate:{scope}:{digest}"


def count_attempt(scope, value, limit, window):
    """Count one attempt for `value` in `scope`; False when it is over `limit` in `window` seconds."""
    key = _key(scope, value)
    # add() only sets a missing key, so the window starts at the first attempt.
    if cache.add(key, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return limit >= 1
    return count <= limit


def limit_reached(scope, value, limit):
    """True when `value` has already used up `limit` attempts in `scope` (counts nothing)."""
    return int(cache.get(_key(scope, value)) or 0) >= limit


def register_attempt(request, scope="signup", limit=None, window=None):
    """Count one attempt from this address; False when it is over the limit.

    Without `limit`/`window` the sign-up settings (SIGNUP_RATE_LIMIT/WINDOW) apply."""
    default_limit, default_window = rate_limit_settings()
    return count_attempt(
        scope,
        client_address(request),
        default_limit if limit is None else limit,
        default_window if window is None else window,
    )
