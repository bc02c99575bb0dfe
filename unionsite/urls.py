from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    # Django's admin only for the directory's bulk import/export: verified superusers (accounts/).
    path("django-admin/", admin.site.urls),
    # Two-factor set-up and verification, inside the admin's address space (accounts/).
    path("admin/two-factor/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every app's routes that are not Wagtail pages.
    path("", include("home.urls")),  # robots.txt, sitemap.xml
    path("", include("core.urls")),  # /display/: the reader's 关怀模式 and text size
    path("", include("news.urls")),  # view counter
    path("", include("feeds.urls")),  # site-wide feeds, 订阅 page, OPML
    path("", include("search.urls")),  # /search/
    path("", include("directory.urls")),  # /zhaogonghui/: 找工会
    path("", include("joining.urls")),  # /ruhui/: 网上入会 and its progress lookup
    path("", include("interaction.urls")),  # /hudong/: 12351 留言/求助, lookup, statistics
    path("", include("inspection.urls")),  # /healthz: database and cache, for an external monitor
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_MEDIA:
    # Images only: documents are always served through /documents/ (privacy, attachment header).
    from core.media import media_urlpatterns

    urlpatterns += media_urlpatterns()

urlpatterns += [
    # Wagtail serves every page; this must stay last.
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
