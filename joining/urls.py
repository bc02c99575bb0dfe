from django.urls import path

from . import views

app_name = "joining"

urlpatterns = [
    path("ruhui/", views.apply, name="apply"),
    path("ruhui/chaxun/", views.lookup, name="lookup"),
]
