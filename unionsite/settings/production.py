"""Production: `make serve` and real deployments.

PostgreSQL through DATABASE_URL, Redis through REDIS_URL, static files through
WhiteNoise, and a SECRET_KEY that must come from the environment.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list, require_secret_key, require_shared_cache, s3_media_storage

DEBUG = False
SECRET_KEY = require_secret_key(os.environ.get("SECRET_KEY", ""))
# Per-address limits and counters must be shared by every worker process (make serve opts out).
require_shared_cache(REDIS_URL)  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
DEMO_CONTENT_ALLOWED = False

# Persistent database connections (checked before reuse): a new PostgreSQL connection costs more
# than serving a page from the site cache.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

STORAGES = {
    # Media on local disk (MEDIA_ROOT), or in an S3-compatible store when AWS_STORAGE_BUCKET_NAME is set
    # (several app servers then share it; base.s3_media_storage).
    "default": s3_media_storage(os.environ) or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.static_storage.StaticFilesStorage"},
}

# Behind a TLS-terminating proxy by default; `make serve` on a laptop sets SECURE_SSL=0.
_secure = env_bool("SECURE_SSL", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _secure
SESSION_COOKIE_SECURE = _secure
CSRF_COOKIE_SECURE = _secure
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if _secure else "0"))
# Subdomains and the browsers' preload list are a promise about every host of the domain and hard
# to take back: only when the operator asks for them.
SECURE_HSTS_INCLUDE_SUBDOMAINS = _secure and env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = _secure and env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview shows the page inside an admin iframe of the same origin,
# so DENY would break editing; SAMEORIGIN still blocks framing by other sites.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Not sending includeSubDomains / preload is the choice above, not an oversight.
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    SILENCED_SYSTEM_CHECKS.append("security.W005")
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
