from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .display import display_preferences

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap"),
    path("display/", display_preferences, name="display_preferences"),
]
