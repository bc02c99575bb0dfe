from django.urls import path

from . import views

urlpatterns = [path("healthz", views.healthz, name="healthz")]

admin_urlpatterns = [
    path("inspection/", views.ScorecardView.as_view(), name="inspection_scorecard"),
    path("inspection/sections/", views.SectionsView.as_view(), name="inspection_sections"),
    path("inspection/links/", views.LinksView.as_view(), name="inspection_links"),
    path("inspection/wording/", views.WordingView.as_view(), name="inspection_wording"),
    path("inspection/annual/", views.AnnualReportView.as_view(), name="inspection_annual"),
]
