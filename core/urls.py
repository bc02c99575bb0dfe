from django.urls import path

from .display import display_preferences

urlpatterns = [
    path("display/", display_preferences, name="display_preferences"),
]
