"""Uploaded images served by the application (`make serve`, `make run`): SERVE_MEDIA=1 or DEBUG.

Only image folders are served. Documents stay behind Wagtail's /documents/ view, which checks
collection privacy and sends them as attachments; a proxy serving MEDIA_ROOT in production must
do the same (README: deny MEDIA_URL/documents/).
"""

import posixpath
import re

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.static import serve

SERVED_FOLDERS = ("images", "original_images")


def serve_image(request, path):
    """django.views.static.serve, for paths that stay inside the image folders after normalising
    (original_images/../documents/… must not reach the documents)."""
    normalised = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    if normalised.split("/", 1)[0] not in SERVED_FOLDERS or ".." in normalised.split("/"):
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def media_urlpatterns():
    prefix = settings.MEDIA_URL.lstrip("/")
    if not prefix or "://" in settings.MEDIA_URL:
        return []
    folders = "|".join(SERVED_FOLDERS)
    return [
        re_path(rf"^{re.escape(prefix)}(?P<path>(?:{folders})/.*)$", serve_image),
    ]
