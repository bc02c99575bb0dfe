from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("news-views/<int:page_id>/", views.count_view, name="count_view"),
]
