"""Routes that are not Wagtail pages, collected from each app's `urls.py`."""

from importlib.util import find_spec

from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include(f"{app}.urls")) for app in settings.UNION_APPS if find_spec(f"{app}.urls") is not None
]
