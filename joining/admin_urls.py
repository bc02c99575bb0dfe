from django.urls import path

from . import admin_views

app_name = "joining_admin"

urlpatterns = [
    path("", admin_views.QueueView.as_view(), name="queue"),
    path("export/", admin_views.ExportView.as_view(), name="export"),
    path("<int:pk>/", admin_views.DetailView.as_view(), name="detail"),
    path("<int:pk>/delete/", admin_views.DeleteView.as_view(), name="delete"),
]
