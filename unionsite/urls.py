from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every app's routes that are not Wagtail pages.
    path("", include("home.urls")),  # robots.txt, sitemap.xml
    path("", include("core.urls")),  # /display/: the reader's 关怀模式 and text size
    path("", include("news.urls")),  # view counter
    path("", include("feeds.urls")),  # site-wide feeds, 订阅 page, OPML
    path("", include("search.urls")),  # /search/
    path("", include("interaction.urls")),  # /hudong/: 12351 留言/求助, lookup, statistics
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail serves every page; this must stay last.
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
