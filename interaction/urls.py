from django.urls import path

from . import error_reports, views

app_name = "interaction"

urlpatterns = [
    path("hudong/liuyan/", views.submit, name="submit"),
    path("hudong/liuyan/huizhi/", views.receipt, name="receipt"),
    path("hudong/chaxun/", views.lookup, name="lookup"),
    path("hudong/chaxun/<str:code>/", views.case, name="case"),
    path("hudong/tongji/", views.statistics, name="statistics"),
    path("hudong/zhaocuo/", error_reports.report, name="error_report"),
    path("hudong/zhaocuo/huizhi/", error_reports.receipt, name="error_receipt"),
    path("hudong/zhaocuo/chaxun/", error_reports.lookup, name="error_lookup"),
]
