from django.urls import path

from . import views

app_name = "feeds"

urlpatterns = [
    path("feed/", views.site_feed, {"flavour": "rss"}, name="site_rss"),
    path("atom/", views.site_feed, {"flavour": "atom"}, name="site_atom"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/opml/", views.opml, name="opml"),
]
