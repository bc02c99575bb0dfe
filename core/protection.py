"""Abuse protection for every public form: a per-address limit kept in the shared cache.

What is counted is chosen by the caller, so that a limit counts what it is meant to stop:

- sign-ups count accepted submissions (and robot posts caught by the honeypot), never a
  submission refused for a typo, so one person who mistypes is not locked out;
- the private-page password form counts wrong passwords only.

A form asks `is_limited()` before doing the work and `count()` after the work that counts.
Addresses are keyed by `core.client.client_key` (IPv6 by /64). The cache must be shared by every
server process (REDIS_URL in production: the production settings refuse to start without it).

Limits are sized for shared addresses: in China a whole factory or office often reaches the site
through one NAT address, so the sign-up limit allows a full workshop signing up in an hour, and a
refused person is told what to do (wait, or call the hotline) — never refused silently.

Forms that also limit something other than the address (e.g. messages per mobile number per day)
use `count_attempt` / `limit_reached` with their own key; `limit_reached` only looks, so a form can
refuse before saving and count only what was really saved.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache

from core.client import client_key

DEFAULT_RATE_LIMIT = 60  # counted attempts per address …
DEFAULT_RATE_WINDOW = 3600  # … in this many seconds


@dataclass(frozen=True)
class Limit:
    limit: int
    window: int


def rate_limit_settings(scope="signup"):
    """(limit, window) of a scope: settings.RATE_LIMITS[scope], sign-ups from SIGNUP_RATE_*."""
    if scope == "signup":
        return (
            int(getattr(settings, "SIGNUP_RATE_LIMIT", DEFAULT_RATE_LIMIT)),
            int(getattr(settings, "SIGNUP_RATE_WINDOW", DEFAULT_RATE_WINDOW)),
        )
    limit, window = getattr(settings, "RATE_LIMITS", {}).get(scope, (DEFAULT_RATE_LIMIT, DEFAULT_RATE_WINDOW))
    return int(limit), int(window)


def _keys(request, scope):
    base = f"forms:rate:{scope}:{client_key(request)}"
    return base, f"{base}:since"


def attempts(request, scope="signup"):
    """How many counted attempts this address has in the current window."""
    key, _ = _keys(request, scope)
    return int(cache.get(key) or 0)


def is_limited(request, scope="signup"):
    """True when this address has used up the scope's quota (nothing is counted)."""
    limit, _ = rate_limit_settings(scope)
    return attempts(request, scope) >= limit


def count(request, scope="signup"):
    """Count one attempt from this address; returns the count in the window."""
    _, window = rate_limit_settings(scope)
    key, since_key = _keys(request, scope)
    # add() only sets a missing key, so the window starts at the first counted attempt.
    if cache.add(key, 1, timeout=window):
        cache.set(since_key, time.time(), timeout=window)
        return 1
    try:
        counted = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        cache.set(since_key, time.time(), timeout=window)
        return 1
    # None: the shared cache is unreachable (django-redis IGNORE_EXCEPTIONS); count as a first attempt.
    return 1 if counted is None else counted


def retry_after(request, scope="signup", window=None):
    """Seconds until this address's window ends (the whole window when unknown). `window` as given
    to `register_attempt`, where the caller overrides the scope's settings."""
    if window is None:
        _, window = rate_limit_settings(scope)
    _, since_key = _keys(request, scope)
    since = cache.get(since_key)
    if since is None:
        return window
    return max(1, min(window, int(math.ceil(since + window - time.time()))))


def minutes_text(seconds):
    minutes = max(1, int(math.ceil(seconds / 60)))
    return f"{minutes} 分钟"


def register_attempt(request, scope="signup", limit=None, window=None):
    """Count one attempt and say whether it is still within the limit.

    `limit` attempts per `window` seconds override the scope's settings (e.g. the join-application
    lookup passes its own)."""
    default_limit, default_window = rate_limit_settings(scope)
    limit = default_limit if limit is None else limit
    window = default_window if window is None else window
    key, since_key = _keys(request, scope)
    if int(cache.get(key) or 0) >= limit:
        return False
    if cache.add(key, 1, timeout=window):
        cache.set(since_key, time.time(), timeout=window)
        return True
    try:
        counted = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        cache.set(since_key, time.time(), timeout=window)
        return True
    # None: the shared cache is unreachable (django-redis IGNORE_EXCEPTIONS): serve rather than fail.
    return counted is None or counted <= limit


# The honeypot of every public form: a text field named like something a spam robot wants to fill,
# hidden from people (CSS class `signup-form__honeypot`, tabindex -1). A filled one means a robot:
# answer like a success and store nothing.
HONEYPOT_FIELD = "website_url"


def honeypot_form_field():
    return forms.CharField(
        label="网址（请勿填写）",
        required=False,
        max_length=200,
        error_messages={"max_length": "内容过长：最多 %(limit_value)d 个字，请删减后再提交。"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def caught_by_honeypot(data):
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


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
