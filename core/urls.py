from django.urls import path

from .display import display_preferences
from .private_pages import authenticate_with_password

urlpatterns = [
    path("display/", display_preferences, name="display_preferences"),
    # Wagtail's private-page password form behind the per-address limit (same path and name as
    # Wagtail's own, which the root urls.py mounts after this one).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]
