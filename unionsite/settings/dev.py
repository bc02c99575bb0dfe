"""Development: `make run`. SQLite under var/, local-memory cache, console email."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine on a developer's machine; production refuses to start without its own.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-7f3a0c9d5b"
ALLOWED_HOSTS = ["*"]
