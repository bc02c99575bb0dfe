from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("zhaogonghui/", views.directory_index, name="index"),
    path("zhaogonghui/<str:code>/", views.organisation_detail, name="organisation"),
]
