import os

from django.core.cache import caches
from django.core.wsgi import get_wsgi_application
from django.urls import reverse

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.production")

application = get_wsgi_application()

# The URLconf (every app's views and Wagtail's admin with its API: ~550 modules) and the cache
# backend's modules are loaded here, at start-up, rather than on each worker's first request.
# gunicorn's preload_app (deploy/gunicorn.conf.py) forks the workers from this process, so they
# share these pages copy-on-write instead of each holding its own copy (~20 MB per worker,
# bench/stack.md). Nothing connects here: the cache backend opens its connections on first use.
reverse("wagtail_serve", args=[""])
caches["default"]
