from django.urls import path

from . import views

app_name = "interaction"

urlpatterns = [
    path("hudong/liuyan/", views.submit, name="submit"),
    path("hudong/liuyan/huizhi/", views.receipt, name="receipt"),
    path("hudong/chaxun/", views.lookup, name="lookup"),
    path("hudong/chaxun/<str:code>/", views.case, name="case"),
    path("hudong/tongji/", views.statistics, name="statistics"),
]
